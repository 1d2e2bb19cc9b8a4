"""Who sits at which table. French practice puts the highest-ranked at the host's table: table 1
takes the first of the order, table 2 the next, and so on (a platform's rows likewise, the
front row first). The host presides table 1 and the co-host table 2 (at a single table, the
co-host faces the host); a presiding place nobody is given goes to the highest-ranked at that
table, so tables 3 and beyond are presided by their two highest-ranked guests, and with no
co-host the guest of honour faces the host. Pins come first. When women and men alternate, a
table takes no more of one sex than its places can keep apart, the next one being seated
further down: within each sex the order still runs from table to table."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from visits.ceremony.seat_checks import Rules
from visits.ceremony.seat_patterns import room_for_each_sex
from visits.ceremony.seat_types import Layout, Pin, SeatingOptions
from visits.ceremony.tables import Place, table_places


@dataclass
class Spread:
    places: tuple[Place, ...]  # each table's: the tables are alike
    fixed: list[dict[int, str]]  # per table: place index -> pinned or presiding key
    groups: list[list[str]]  # per table: the others, highest first
    unseated: list[str] = field(default_factory=list)
    refused_pins: list[tuple[str, Pin, str]] = field(default_factory=list)  # why, pin, other


def table_size(options: SeatingOptions, count: int) -> int:
    tables = max(options.tables, 1)
    return options.seats_per_table or max(1, math.ceil(count / tables))


def spread(people: list[str], rules: Rules, options: SeatingOptions) -> Spread:
    """Tables and pins for `people` (the precedence order); accepted pins are kept in
    `rules.pins`, the others listed with the reason."""
    tables = max(options.tables, 1)
    size = table_size(options, len(people))
    places = table_places(options.layout, size, options.central_aisle)
    found = Spread(places, [{} for _ in range(tables)], [[] for _ in range(tables)])
    pin_people(found, rules, options, tables, size)
    if options.layout != Layout.PLATFORM:
        seat_presidents(found, rules, tables)
    fixed = {key for table in found.fixed for key in table.values()}
    fill_tables(found, [k for k in people if k not in fixed], rules)
    bring_together(found, rules, fixed)
    in_order_of_each_kind(found, rules)
    for group in found.groups:
        group.sort(key=rules.order.__getitem__)
    return found


def pin_people(found: Spread, rules: Rules, options: SeatingOptions, tables: int, size: int):
    accepted: dict[str, Pin] = {}
    for pin in options.pins:
        if pin.key not in rules.order:
            continue
        taken = found.fixed[pin.table - 1].get(pin.number - 1) if 0 < pin.table <= tables else None
        if pin.key in accepted:
            found.refused_pins.append(("twice", pin, ""))
        elif not (0 < pin.table <= tables and 0 < pin.number <= size):
            found.refused_pins.append(("nowhere", pin, ""))
        elif taken:
            found.refused_pins.append(("taken", pin, taken))
        else:
            accepted[pin.key] = pin
            found.fixed[pin.table - 1][pin.number - 1] = pin.key
    rules.pins = accepted


def seat_presidents(found: Spread, rules: Rules, tables: int) -> None:
    """The host's place on table 1; the co-host's on table 2, or facing the host."""
    cohost_table, cohost_place = (1, 1) if tables > 1 else (0, 2)
    for key, t, presiding in ((rules.host, 0, 1), (rules.cohost, cohost_table, cohost_place)):
        index = next((p.index for p in found.places if p.presiding == presiding), None)
        free = index is not None and index not in found.fixed[t]
        if key and key not in rules.pins and free:
            found.fixed[t][index] = key


def fill_tables(found: Spread, flow: list[str], rules: Rules) -> None:
    tables = len(found.fixed)
    room = [len(found.places) - len(fixed) for fixed in found.fixed]
    limits = [
        room_for_each_sex(found.places, f, rules) if rules.alternate else [] for f in found.fixed
    ]
    counts = [[0, 0] for _ in range(tables)]
    first = 0
    for key in flow:
        sex = "fm".find(rules.gender.get(key, "n"))
        open_tables = [t for t in range(first, tables) if room[t]]
        target = next(
            (t for t in open_tables if not limits[t] or fits(counts[t], sex, limits[t])),
            open_tables[0] if open_tables else None,
        )
        if target is None:
            found.unseated.append(key)
            continue
        found.groups[target].append(key)
        room[target] -= 1
        if sex >= 0:
            counts[target][sex] += 1
        while first < tables and not room[first]:
            first += 1


def fits(counts: list[int], sex: int, limits: list[tuple[int, int]]) -> bool:
    """One more of `sex` (0 a woman, 1 a man, -1 unknown) still lets the table alternate."""
    women, men = counts[0] + (sex == 0), counts[1] + (sex == 1)
    return any(women <= f and men <= m for f, m in limits)


def in_order_of_each_kind(found: Spread, rules: Rules) -> None:
    """Keep how many of each kind (with alternation: women, men) each table got, but deal
    each kind out in its own order: a man kept back for want of women at a table, or one
    exchanged for someone seated together with another, never sits below a lower-ranked man
    who took his place. Those seated together stay where they were brought."""
    kind = (lambda k: rules.gender.get(k, "n")) if rules.alternate else (lambda k: "")
    moving = sorted(
        (k for group in found.groups for k in group if k not in rules.together),
        key=rules.order.__getitem__,
    )
    for sort in {kind(k) for k in moving}:
        queue = iter([k for k in moving if kind(k) == sort])
        for group in found.groups:
            group[:] = [
                next(queue) if k not in rules.together and kind(k) == sort else k for k in group
            ]


def bring_together(found: Spread, rules: Rules, fixed: set[str]) -> None:
    """Two people to be seated side by side share a table: the lower-ranked moves to the
    other's, changing places with its lowest-ranked guest of the same sex if it is full."""
    table_of = {k: t for t, group in enumerate(found.groups) for k in group}
    table_of |= {k: t for t, places in enumerate(found.fixed) for k in places.values()}
    order = rules.order.__getitem__
    for a in sorted(rules.together, key=order):  # sorted: sets' order varies between runs
        for b in sorted(rules.together[a], key=order):
            if rules.order[a] > rules.order[b] or table_of.get(a, -1) == table_of.get(b, -1):
                continue
            if a not in table_of or b not in table_of:
                continue
            mover, anchor = (b, a) if b not in fixed else (a, b)
            if mover in fixed:
                continue
            source, target = table_of[mover], table_of[anchor]
            group = found.groups[target]
            if len(group) + len(found.fixed[target]) < len(found.places):
                found.groups[source].remove(mover)
            else:
                others = [
                    k
                    for k in sorted(group, key=order, reverse=True)
                    if not rules.together.get(k)
                    and (not rules.alternate or rules.gender.get(k) == rules.gender.get(mover))
                ]
                if not others:
                    continue
                other = others[0]
                group.remove(other)
                found.groups[source][found.groups[source].index(mover)] = other
                table_of[other] = source
            group.append(mover)
            table_of[mover] = target
