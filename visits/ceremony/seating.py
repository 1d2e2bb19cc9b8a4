"""Seating (PROTOCOL_RULES.md § 2): places at tables or on a platform from the precedence
order, the rules a plan breaks, and the "who sits where" list. The layouts' geometry is in
`tables`, the search in `seat_search`, the spreading over tables in `seat_spread`, the checks
in `seat_checks` and `seat_honour`, the drawing in `seating_svg`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from visits.ceremony.seat_checks import ordered_people, rules_of, sentence, violations
from visits.ceremony.seat_explain import explained, presiding_warnings, unseated
from visits.ceremony.seat_honour import honour_breaks
from visits.ceremony.seat_room import room
from visits.ceremony.seat_search import arrange
from visits.ceremony.seat_spread import spread, table_size
from visits.ceremony.seat_types import Layout, Pin, Seat, Seating, SeatingOptions, Sitter
from visits.ceremony.seating_svg import plan_svg
from visits.ceremony.tables import table_places
from visits.folding import fold

__all__ = [
    "Layout",
    "Pin",
    "Seat",
    "Seating",
    "SeatingOptions",
    "Sitter",
    "broken_rules",
    "empty_places",
    "kept_warnings",
    "plan_svg",
    "seat",
    "swap",
    "who_sits_where",
]


def seat(
    sitters: Sequence[Sitter], options: SeatingOptions, host: str, cohost: str = ""
) -> Seating:
    """The rules' plan for `sitters`, given in precedence order; `host` and `cohost` preside
    (on a platform, the order alone places everyone)."""
    rules = rules_of(sitters, options, host, cohost)
    found = spread(ordered_people(sitters, host, rules.cohost), rules, options)
    plan, outcomes = [], []
    for fixed, group in zip(found.fixed, found.groups, strict=True):
        keys, outcome = arrange(found.places, fixed, group, rules)
        plan.append(keys)
        outcomes.append(outcome)
    broken = violations([found.places] * len(plan), plan, rules)
    unmet = explained(broken, found, outcomes, rules)
    warnings = presiding_warnings(plan, found.places, rules)
    return Seating(seats_of(plan, options), tuple(unmet), tuple(warnings))


def empty_places(
    sitters: Sequence[Sitter], options: SeatingOptions, host: str, cohost: str = ""
) -> tuple[Seat, ...]:
    """The places `seat` draws for the same people, nobody on them: what the office's kept
    places are drawn on, without searching for the plan they replace."""
    people = ordered_people(sitters, host, cohost if cohost != host else "")
    size = table_size(options, len(people))
    return seats_of([[""] * size for _ in range(max(options.tables, 1))], options)


def swap(seating: Seating, first_key: str, second_key: str) -> Seating:
    """The plan with the two sitters' places exchanged; `unmet` and `warnings` still speak of
    the rules' plan: `broken_rules` says what the new one breaks."""
    first, second = seating.seat_of(first_key), seating.seat_of(second_key)
    if first is None or second is None:
        raise KeyError(first_key if first is None else second_key)
    exchanged = {first: second_key, second: first_key}
    seats = tuple(replace(s, key=exchanged[s]) if s in exchanged else s for s in seating.seats)
    return replace(seating, seats=seats)


def broken_rules(
    seating: Seating,
    sitters: Sequence[Sitter],
    options: SeatingOptions,
    host: str,
    cohost: str = "",
) -> tuple[str, ...]:
    """Every rule the plan breaks, in words: the constraints first, then the order of honour."""
    rules = rules_of(sitters, options, host, cohost)
    plan, places = laid_out(seating, options)
    broken = violations(places, plan, rules)
    found = [sentence(v, rules) for v in broken if v.kind != "unseated"]
    left = unseated(broken, rules, sum(len(keys) for keys in plan))
    return (*found, *left, *honour_breaks(places, plan, rules))


def kept_warnings(
    seating: Seating,
    sitters: Sequence[Sitter],
    options: SeatingOptions,
    host: str,
    cohost: str = "",
) -> tuple[str, ...]:
    """What to check in a plan the office made (its presiding places), as `seat` says it of
    its own: the proposal's warnings would speak of places the office may have changed."""
    rules = rules_of(sitters, options, host, cohost)
    plan, places = laid_out(seating, options)
    return tuple(presiding_warnings(plan, places[0] if places else (), rules))


def laid_out(seating: Seating, options: SeatingOptions):
    """The keys at each table's places, and each table's places."""
    sizes: dict[int, int] = {}
    for s in seating.seats:
        sizes[s.table] = max(sizes.get(s.table, 0), s.number)
    count = max(sizes, default=0)
    plan = [[""] * sizes.get(t, 0) for t in range(1, count + 1)]
    for s in seating.seats:
        plan[s.table - 1][s.number - 1] = s.key
    places = [table_places(options.layout, len(keys), options.central_aisle) for keys in plan]
    return plan, places


def who_sits_where(seating: Seating, names: Mapping[str, str]) -> tuple[tuple[str, int, int], ...]:
    """(name, table, place) for the entrance, alphabetical, accents and case ignored."""
    rows = [(names.get(s.key, s.key), s.table, s.number) for s in seating.seats if s.key]
    return tuple(sorted(rows, key=lambda row: (fold(row[0]), row)))


def seats_of(plan: list[list[str]], options: SeatingOptions) -> tuple[Seat, ...]:
    drawn = room(options.layout, tuple(len(keys) for keys in plan), options.central_aisle)
    return tuple(
        Seat(table.number, p.index + 1, keys[p.index], table.cx + p.x, table.cy + p.y, p.honour)
        for table, keys in zip(drawn.tables, plan, strict=True)
        for p in table.places
    )
