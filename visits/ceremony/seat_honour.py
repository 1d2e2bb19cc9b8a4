"""Whether a plan follows the order of honour: nobody sits in a more honoured place than
someone who ranks higher, unless exchanging the two would break another rule.

People are compared with their like: with alternating sexes women with women and men with
men, with civil and military sides civilians with civilians, as the rules seat each in its
own order. The presidents and the pinned are not compared: the office put them there."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.utils.translation import gettext as _

from visits.ceremony.seat_checks import WEIGHTS, Rules
from visits.ceremony.tables import Place

Spot = tuple[int, int]  # table index, place index


def honour_breaks(
    places: Sequence[tuple[Place, ...]], plan: list[list[str]], rules: Rules
) -> list[str]:
    where = {key: (t, i) for t, keys in enumerate(plan) for i, key in enumerate(keys) if key}

    def honour(spot: Spot) -> tuple[int, int, int]:
        return spot[0], places[spot[0]][spot[1]].honour, spot[1]

    excluded = {rules.host, rules.cohost, *rules.pins}
    likes: dict[tuple, list[str]] = defaultdict(list)
    for key in where:
        if key not in excluded and key in rules.order:
            likes[rules.like(key)].append(key)
    found = []
    for members in likes.values():
        members.sort(key=rules.order.__getitem__)
        due = sorted((where[k] for k in members), key=honour)
        for i, lower in enumerate(members):
            if honour(where[lower]) >= honour(due[i]):
                continue  # not above the place their rank gives them
            for higher in members[:i]:
                if honour(where[higher]) > honour(where[lower]) and not excused(
                    places, plan, where, rules, where[lower], where[higher]
                ):
                    names = {"lower": rules.name(lower), "higher": rules.name(higher)}
                    found.append(
                        _(
                            "%(lower)s sits in a more honoured place than %(higher)s, "
                            "who ranks higher."
                        )
                        % names
                    )
                    break
    return found


def excused(places, plan, where, rules: Rules, first: Spot, second: Spot) -> bool:
    """Exchanging the two would break more than it mends."""
    before = burden(places, plan, where, rules, first) + burden(places, plan, where, rules, second)
    exchange(plan, where, first, second)
    after = burden(places, plan, where, rules, first) + burden(places, plan, where, rules, second)
    exchange(plan, where, first, second)
    return after > before


def exchange(plan, where, first: Spot, second: Spot) -> None:
    (ta, ia), (tb, ib) = first, second
    plan[ta][ia], plan[tb][ib] = plan[tb][ib], plan[ta][ia]
    for spot in (first, second):
        if plan[spot[0]][spot[1]]:
            where[plan[spot[0]][spot[1]]] = spot


def burden(places, plan, where, rules: Rules, spot: Spot) -> int:
    """What the rules broken by whoever sits at `spot` weigh."""
    t, i = spot
    key, place = plan[t][i], places[t][i]
    total = WEIGHTS["side"] if rules.side_clash(key, place.side) else 0
    for other in place.neighbours:
        kind = rules.pair_clash(key, plan[t][other])
        total += WEIGHTS[kind] if kind else 0
    for partner in rules.together.get(key, ()):
        if partner in where:
            tp, ip = where[partner]
            total += 0 if tp == t and ip in place.neighbours else WEIGHTS["together"]
    return total
