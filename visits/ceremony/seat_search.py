"""The places of one table: the most honoured place to the highest-ranked sitter the rules
allow there. A search over the places in their order of honour, trying the sitters in
precedence order, so the first plan it finds keeps that order as closely as the rules let it.
On a small table the search goes to the end, so it finds a plan meeting every rule whenever
there is one; when there is none, or none is found in time, the rules are relaxed in turn
(alternation first) and local swaps repair what they can."""

from __future__ import annotations

from collections.abc import Sequence

from visits.ceremony.seat_checks import WEIGHTS, Rules
from visits.ceremony.seat_patterns import hopeless_alternation, patterns, without_wildcards
from visits.ceremony.seat_repair import tidy
from visits.ceremony.tables import Place

ALL = frozenset(WEIGHTS)
RELAXED = ALL - {"alternate"}
SMALL = 8  # free places searched to the end: what the tests compare with brute force
BUDGET = 4000  # sitters tried at a place, per search of a larger table
LARGEST = 400  # free places searched place by place (deeper than Python's recursion allows)


class OutOfTime(Exception):
    pass


class TableSearch:
    """One table's places being filled: who sits where so far, and the search's state."""

    def __init__(
        self, places: Sequence[Place], fixed: dict[int, str], people: Sequence[str], rules: Rules
    ):
        self.places, self.rules, self.people = places, rules, list(people)
        self.keys = [""] * len(places)
        self.filled = [False] * len(places)
        self.where: dict[str, int] = {}
        for index, key in fixed.items():
            self.put(index, key)
        self.start = dict(fixed)
        self.here = set(self.people) | set(fixed.values())
        ranked = sorted(places, key=lambda p: (p.honour, p.index))
        self.order = [p.index for p in ranked if p.index not in fixed]
        self.tried, self.budget = 0, None
        self.pattern: dict[int, str] = {}

    def put(self, index: int, key: str) -> None:
        self.keys[index], self.filled[index] = key, True
        if key:
            self.where[key] = index

    def take(self, index: int) -> None:
        self.where.pop(self.keys[index], None)
        self.keys[index], self.filled[index] = "", False

    def clashes(self, index: int, key: str) -> list[str]:
        """What seating `key` ("" an empty place) at `index` breaks, with the places filled so
        far; and whether it leaves someone no free place beside the one they sit with."""
        self.tried += 1
        if self.budget is not None and self.tried > self.budget:
            raise OutOfTime
        place, found = self.places[index], []
        rules, keys, filled = self.rules, self.keys, self.filled
        wanted = self.pattern.get(index)
        if wanted and rules.gender.get(key, "n") in ("f", "m") and rules.gender[key] != wanted:
            found.append("alternate")
        if rules.side_clash(key, place.side):
            found.append("side")
        for other in place.neighbours:
            if filled[other]:
                kind = rules.pair_clash(key, keys[other])
                if kind:
                    found.append(kind)
                for partner in rules.together.get(keys[other], ()):
                    if partner != key and partner in self.here and partner not in self.where:
                        spare = self.places[other].neighbours
                        if not any(not filled[n] and n != index for n in spare):
                            found.append("together")
        for partner in rules.together.get(key, ()):
            if partner not in self.here:
                continue
            if partner in self.where:
                if self.where[partner] not in place.neighbours:
                    found.append("together")
            elif not any(not filled[n] for n in place.neighbours):
                found.append("together")
        return found

    def fill(self, hard: frozenset[str], budget: int | None, pattern=None) -> bool:
        """The first plan, in honour order, that breaks no `hard` rule, preferring at each
        place who breaks least of the others. False: there is none; OutOfTime: `budget` (of
        sitters tried) ran out. Either way the places are left as they were."""
        self.tried, self.budget, self.pattern = 0, budget, pattern or {}
        empties = len(self.order) - len(self.people)
        try:
            if not hard:
                self.greedy(empties)
                return True
            if self.step(0, list(self.people), empties, hard):
                return True
        except OutOfTime:
            self.reset()
            raise
        return False

    def reset(self) -> None:
        for index in self.order:
            self.take(index)
        for index, key in self.start.items():
            self.put(index, key)

    def tries(self, index: int, candidates: list[str], hard: frozenset[str]):
        """The candidates that break no hard rule: first, in rank order, those that break
        nothing; then the others, those that break least first."""
        later = []
        for rank, key in enumerate(candidates):
            kinds = self.clashes(index, key)
            if not kinds:
                yield key
            elif not hard.intersection(kinds):
                later.append((sum(WEIGHTS[k] for k in kinds), rank, key))
        for *_, key in sorted(later):
            yield key

    def greedy(self, empties: int) -> None:
        """Each place in turn to who breaks least there, the highest-ranked first."""
        free = list(self.people)
        for index in self.order:
            key = next(self.tries(index, free + ([""] if empties > 0 else []), frozenset()))
            self.put(index, key)
            if key:
                free.remove(key)
            else:
                empties -= 1

    def step(self, depth: int, free: list[str], empties: int, hard: frozenset[str]) -> bool:
        if depth == len(self.order):
            return True
        index = self.order[depth]
        for key in self.tries(index, free + ([""] if empties > 0 else []), hard):
            self.put(index, key)
            rest = [k for k in free if k != key] if key else free
            if self.step(depth + 1, rest, empties - (not key), hard):
                return True
            self.take(index)
        return False

    def honour_order(self) -> tuple[int, ...]:
        """The ranks in the order of the places' honour, to compare two plans."""
        ranks = {key: i for i, key in enumerate(self.people)}
        return tuple(ranks.get(self.keys[i], len(ranks)) for i in self.order)


def arrange(
    places: Sequence[Place], fixed: dict[int, str], people: Sequence[str], rules: Rules
) -> tuple[list[str], str]:
    """The key at each place ("" empty) and how it went: "met" every rule, or no plan can
    ("impossible"), or none was found in time ("timeout")."""
    search = TableSearch(places, fixed, people, rules)
    if len(search.order) > LARGEST:
        search.fill(frozenset(), None)
        tidy(search)
        return search.keys, "timeout"
    budget = None if len(search.order) <= SMALL else BUDGET + 50 * len(search.order)
    outcome, search_all = "impossible", True
    if rules.alternate:
        if hopeless_alternation(places, fixed, people, rules):
            search_all = False
        else:
            best, timed_out = alternating(search, budget)
            if best is not None:
                return best, "met"
            if timed_out:
                outcome = "timeout"
            elif without_wildcards(fixed, people, places, rules):
                search_all = False  # the patterns were every way to alternate
    for hard in ([ALL] if search_all else []) + ([RELAXED] if rules.alternate else []):
        try:
            if search.fill(hard, budget):
                if hard == ALL:
                    return search.keys, "met"
                tidy(search)
                return search.keys, outcome
        except OutOfTime:
            outcome = "timeout"
    search.fill(frozenset(), None)
    tidy(search)
    return search.keys, outcome


def alternating(search: TableSearch, budget: int | None) -> tuple[list[str] | None, bool]:
    """The best plan, in honour order, among those that meet every rule with the places'
    sexes chosen beforehand; and whether the search fell short of trying every way."""
    best, best_order, left = None, None, budget
    ways, every_way = patterns(search.places, search.start, search.people, search.rules)
    for pattern in ways:
        try:
            if search.fill(ALL, left, pattern):
                order = search.honour_order()
                if best_order is None or order < best_order:
                    best, best_order = list(search.keys), order
                search.reset()
        except OutOfTime:
            left = 0
        if left is not None:  # one budget for all the patterns
            left -= search.tried
            if left <= 0:
                search.pattern = {}
                return best, True
    search.pattern = {}
    return best, not every_way
