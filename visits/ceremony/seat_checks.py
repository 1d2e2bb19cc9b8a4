"""Which seating rules a plan breaks (PROTOCOL_RULES.md § 2), found the same way for the
rules' own proposal (its `unmet`) and for a plan the office changed (`broken_rules`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from visits.ceremony.seat_types import Layout, Pin, SeatingOptions, Sitter
from visits.ceremony.tables import Place

# What breaking each rule weighs when not all can be met: the office's explicit wishes and
# the spouses before the alternation of women and men.
WEIGHTS = {"side": 8, "apart": 6, "spouses": 5, "together": 4, "alternate": 1}


@dataclass
class Rules:
    """The options and the sitters, indexed for the checks."""

    order: dict[str, int]  # key -> position in the precedence order, 0 the highest
    gender: dict[str, str]
    military: dict[str, bool]
    names: dict[str, str]
    layout: Layout
    alternate: bool
    sides: bool  # civil on the right, military on the left (a platform)
    host: str = ""
    cohost: str = ""
    pins: dict[str, Pin] = field(default_factory=dict)
    spouses: set[frozenset[str]] = field(default_factory=set)
    apart: dict[str, set[str]] = field(default_factory=dict)  # the spouses' included
    together: dict[str, set[str]] = field(default_factory=dict)

    def name(self, key: str) -> str:
        return self.names.get(key) or key

    def pair_clash(self, a: str, b: str) -> str:
        """What seating `a` and `b` side by side breaks: "" nothing."""
        if not a or not b:
            return ""
        if b in self.apart.get(a, ()):
            return "spouses" if frozenset((a, b)) in self.spouses else "apart"
        if self.alternate:
            sex = self.gender.get(a, "n")
            if sex in "fm" and sex == self.gender.get(b, "n"):
                return "alternate"
        return ""

    def like(self, key: str) -> tuple[str, bool]:
        """Who is compared with whom for the order of honour: with alternating sexes women
        with women and men with men, with civil and military sides each side on its own."""
        sex = self.gender.get(key, "n") if self.alternate else ""
        return sex, self.military.get(key, False) if self.sides else False

    def side_clash(self, key: str, side: str) -> bool:
        """Military on the civil side (their right), or civil on the military side."""
        if not key or not side or not self.sides:
            return False
        return self.military.get(key, False) != (side == "left")


def ordered_people(sitters: Sequence[Sitter], host: str, cohost: str) -> list[str]:
    """Everyone to seat, highest first: the presidents not among the sitters come first."""
    keys = [s.key for s in sitters]
    return [k for k in (host, cohost) if k and k not in keys] + list(dict.fromkeys(keys))


def rules_of(
    sitters: Sequence[Sitter], options: SeatingOptions, host: str, cohost: str = ""
) -> Rules:
    people = ordered_people(sitters, host, cohost)
    known = set(people)
    by_key = {s.key: s for s in sitters}
    rules = Rules(
        order={key: i for i, key in enumerate(people)},
        gender={k: (s.gender or "n") for k, s in by_key.items()},
        military={k: s.military for k, s in by_key.items()},
        names={k: s.name for k, s in by_key.items() if s.name},
        layout=options.layout,
        alternate=options.alternate_sexes,
        sides=options.civil_military_sides and options.layout == Layout.PLATFORM,
        host=host,
        cohost=cohost if cohost != host else "",
    )
    for pin in options.pins:
        rules.pins.setdefault(pin.key, pin)  # a second pin of the same person is unmet
    pairs = list(options.apart)
    if options.keep_spouses_apart:
        couples = [(s.key, s.spouse_of) for s in sitters if s.spouse_of in known]
        rules.spouses = {frozenset(c) for c in couples}
        pairs += couples
    for a, b in pairs:
        if a != b and a in known and b in known:
            rules.apart.setdefault(a, set()).add(b)
            rules.apart.setdefault(b, set()).add(a)
    for a, b in options.together:
        if a != b and a in known and b in known:
            rules.together.setdefault(a, set()).add(b)
            rules.together.setdefault(b, set()).add(a)
    return rules


@dataclass(frozen=True)
class Violation:
    kind: str  # alternate, spouses, apart, together, side, pin, presiding, unseated
    keys: tuple[str, ...]
    table: int = 0
    number: int = 0  # the pinned place's


def violations(
    places: Sequence[tuple[Place, ...]], plan: Sequence[Sequence[str]], rules: Rules
) -> list[Violation]:
    """Every rule the plan breaks; `plan[t][i]` sits at table t + 1, place i + 1."""
    where = {key: (t, i) for t, keys in enumerate(plan) for i, key in enumerate(keys) if key}
    found = []
    for t, (table, keys) in enumerate(zip(places, plan, strict=True)):
        for place in table:
            here = keys[place.index]
            for other in place.neighbours:
                kind = rules.pair_clash(here, keys[other]) if other > place.index else ""
                if kind:
                    found.append(Violation(kind, (here, keys[other]), t + 1))
            if rules.side_clash(here, place.side):
                found.append(Violation("side", (here,), t + 1))
    for a, partners in sorted(rules.together.items(), key=lambda item: rules.order[item[0]]):
        for b in sorted(partners, key=rules.order.__getitem__):
            if rules.order[a] < rules.order[b] and a in where and b in where:
                (ta, ia), (tb, ib) = where[a], where[b]
                if ta != tb or ib not in places[ta][ia].neighbours:
                    found.append(Violation("together", (a, b), ta + 1))
    for key, pin in rules.pins.items():
        if key in where and where[key] != (pin.table - 1, pin.number - 1):
            found.append(Violation("pin", (key,), pin.table, pin.number))
    if rules.layout != Layout.PLATFORM:
        found += presiding_violations(places, where, rules)
    found += [Violation("unseated", (k,)) for k in sorted(rules.order, key=rules.order.get)]
    return [v for v in found if v.kind != "unseated" or v.keys[0] not in where]


def presiding_violations(places, where, rules: Rules) -> list[Violation]:
    """The host presides table 1; the co-host table 2, or faces the host at a single table."""
    found = []
    several = len(places) > 1
    expected = [(rules.host, 0, 1), (rules.cohost, 1 if several else 0, 1 if several else 2)]
    for key, t, presiding in expected:
        if not key or key in rules.pins or key not in where:
            continue
        wanted = next((p.index for p in places[t] if p.presiding == presiding), None)
        if wanted is None or pinned_at(rules, where, (t, wanted)):
            continue  # the office gave the place to someone else
        if where[key] != (t, wanted):
            found.append(Violation("presiding", (key,), t + 1))
    return found


def pinned_at(rules: Rules, where: dict, spot: tuple[int, int]) -> bool:
    return any(where.get(key) == spot for key in rules.pins)


def where_text(layout: Layout, table: int) -> str:
    if layout == Layout.PLATFORM:
        return _("Row %(number)s") % {"number": table}
    return _("Table %(number)s") % {"number": table}


def sentence(violation: Violation, rules: Rules) -> str:
    """The violation in words, naming the people (the unseated are counted apart)."""
    names = [rules.name(k) for k in violation.keys]
    where = where_text(rules.layout, violation.table) if violation.table else ""
    two = {"where": where, "first": names[0], "second": names[-1]}
    kind = violation.kind
    if kind == "alternate" and rules.gender.get(violation.keys[0]) == "f":
        return _("%(where)s: %(first)s and %(second)s, side by side, are both women.") % two
    if kind == "alternate":
        return _("%(where)s: %(first)s and %(second)s, side by side, are both men.") % two
    if kind == "spouses":
        return _("%(where)s: %(first)s and %(second)s, spouses, sit side by side.") % two
    if kind == "apart":
        return _("%(where)s: %(first)s and %(second)s, to be kept apart, sit side by side.") % two
    if kind == "together":
        return _("%(first)s and %(second)s, to be seated together, do not sit side by side.") % two
    one = {"where": where, "name": names[0], "number": violation.number}
    if kind == "side" and rules.military.get(violation.keys[0]):
        return _("%(where)s: %(name)s, of the military, sits on the civil side.") % one
    if kind == "side":
        return _("%(where)s: %(name)s, a civilian, sits on the military side.") % one
    if kind == "pin":
        return (
            _("%(name)s is not in the place they are pinned to (%(where)s, place %(number)s).")
            % one
        )
    if kind == "presiding" and violation.keys[0] == rules.host:
        return _("%(name)s, the host, is not in the presiding place of %(where)s.") % one
    return _("%(name)s, the co-host, is not in the presiding place of %(where)s.") % one
