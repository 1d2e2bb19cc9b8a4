"""Mending a plan that could not meet every rule: exchanges of places that break less, then
exchanges that put people of one kind back in their order of honour without breaking more."""

from __future__ import annotations

from collections.abc import Sequence

from visits.ceremony.seat_checks import WEIGHTS


def tidy(search) -> None:
    """`search`: a seat_search.TableSearch that has filled its places."""
    repair(search)
    follow_honour(search)


def cost(search, indices: Sequence[int]) -> int:
    """What the rules broken around these places weigh."""
    rules, keys, total, seen = search.rules, search.keys, 0, set()
    for index in indices:
        key, place = keys[index], search.places[index]
        if rules.side_clash(key, place.side):
            total += WEIGHTS["side"]
        for other in place.neighbours:
            edge = (min(index, other), max(index, other))
            if edge not in seen:
                seen.add(edge)
                kind = rules.pair_clash(key, keys[other])
                total += WEIGHTS[kind] if kind else 0
        for partner in rules.together.get(key, ()):
            pair = frozenset((key, partner))
            if partner in search.here and pair not in seen:
                seen.add(pair)
                beside = search.where.get(partner) in place.neighbours
                total += 0 if beside else WEIGHTS["together"]
    return total


def exchange(search, first: int, second: int) -> None:
    a, b = search.keys[first], search.keys[second]
    search.take(first)
    search.take(second)
    search.put(first, b)
    search.put(second, a)


def repair(search, rounds: int = 12, reach: int = 16) -> None:
    """Exchange places while that breaks less, with the places nearest in honour."""
    for _ in range(rounds):
        improved = False
        for position, first in enumerate(search.order):
            if not cost(search, [first]):
                continue
            near = range(max(0, position - reach), min(len(search.order), position + reach + 1))
            for other in sorted(near, key=lambda p, here=position: abs(p - here)):
                second = search.order[other]
                if second == first or search.keys[second] == search.keys[first]:
                    continue
                before = cost(search, [first, second])
                exchange(search, first, second)
                if cost(search, [first, second]) < before:
                    improved = True
                    break
                exchange(search, first, second)
        if not improved:
            return


def follow_honour(search, everyone: int = 40) -> None:
    """Where someone sits above a higher-ranked person of their kind, exchange the two if
    that breaks nothing more: what relaxing the rules and the repairs disturbed. Each
    exchange puts two back in order, so this ends. On a large table only places next in
    honour are compared."""
    rank = search.rules.order
    for _ in range(len(search.order)):
        moved = False
        kinds: dict[tuple, list[int]] = {}
        for index in search.order:
            if search.keys[index]:
                kinds.setdefault(search.rules.like(search.keys[index]), []).append(index)
        for places in kinds.values():
            far = len(places) if len(places) <= everyone else 2
            for i, upper in enumerate(places):
                for lower in places[i + 1 : i + far]:
                    if rank[search.keys[upper]] < rank[search.keys[lower]]:
                        continue
                    before = cost(search, [upper, lower])
                    exchange(search, upper, lower)
                    if cost(search, [upper, lower]) <= before:
                        moved = True
                    else:
                        exchange(search, upper, lower)
        if not moved:
            return
