"""Women and men alternating: along each run of places side by side (a side of a long table,
a round table, a platform's row), the places take turns, so a run has two ways to alternate,
and a round table with an odd number of places none, unless someone whose sex is not known
(or an empty place) breaks it. Choosing the way first lets the search seat each sex in its
own places instead of discovering, places later, that two people placed apart clash."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product

from visits.ceremony.seat_checks import Rules
from visits.ceremony.tables import Place

MOST_PATTERNS = 32  # ways tried before searching without one


def components(places: Sequence[Place]) -> list[tuple[list[int], bool]]:
    """The runs of places side by side, and whether each closes on itself (a round table)."""
    seen, found = set(), []
    for place in places:
        if place.index in seen:
            continue
        run, stack = [], [place.index]
        seen.add(place.index)
        while stack:
            index = stack.pop()
            run.append(index)
            for other in places[index].neighbours:
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        cycle = len(run) >= 3 and all(len(places[i].neighbours) == 2 for i in run)
        found.append((sorted(run), cycle))
    return found


def two_colours(places: Sequence[Place], run: list[int], skip: int = -1) -> dict[int, int] | None:
    """Each place of the run 0 or 1, neighbours apart (`skip` left out); None if impossible."""
    start = next(i for i in run if i != skip)
    colour, stack = {start: 0}, [start]
    while stack:
        index = stack.pop()
        for other in places[index].neighbours:
            if other == skip:
                continue
            if other not in colour:
                colour[other] = 1 - colour[index]
                stack.append(other)
            elif colour[other] == colour[index]:
                return None
    return colour


def run_patterns(places, run, cycle, fixed: dict[int, str], rules: Rules) -> list[dict[int, str]]:
    """Each way the run alternates that agrees with those already seated there: place ->
    "f", "m", or "*" (only someone of unknown sex, or nobody, may sit there)."""
    if len(run) == 1:
        return [{}]  # nobody beside: anyone
    breaks = [-1]
    if cycle and len(run) % 2:
        breaks = [i for i in run if rules.gender.get(fixed.get(i, ""), "n") not in ("f", "m")]
    found = []
    for skip in breaks:
        colour = two_colours(places, run, skip)
        if colour is None:
            continue
        for women in (0, 1):
            pattern = {i: "fm"[c != women] for i, c in colour.items()}
            if skip >= 0:
                pattern[skip] = "*"
            if all(
                rules.gender.get(k, "n") in ("n", pattern[i])
                for i, k in fixed.items()
                if i in pattern
            ):
                found.append(pattern)
    return found


def patterns(
    places, fixed: dict[int, str], people: Sequence[str], rules: Rules
) -> tuple[list[dict[int, str]], bool]:
    """The ways the whole table can alternate with the free places enough for each sex, and
    whether they are all of them (at most MOST_PATTERNS are given)."""
    choices = [run_patterns(places, run, cycle, fixed, rules) for run, cycle in components(places)]
    women = sum(rules.gender.get(k) == "f" for k in people)
    men = sum(rules.gender.get(k) == "m" for k in people)
    found = []
    for combination in product(*choices):
        pattern = {i: sex for part in combination for i, sex in part.items()}
        if enough(pattern, places, fixed, women, men):
            if len(found) == MOST_PATTERNS:
                return found, False
            found.append(pattern)
    return found, True


def enough(pattern: dict[int, str], places, fixed, women: int, men: int) -> bool:
    free = [pattern.get(p.index, "") for p in places if p.index not in fixed]
    loose = free.count("")  # alone at their table's end: anyone
    f, m = free.count("f"), free.count("m")
    return women <= f + loose and men <= m + loose and women + men <= f + m + loose


def room_for_each_sex(places, fixed: dict[int, str], rules: Rules) -> list[tuple[int, int]]:
    """The (women, men) a table's free places can take, keeping each sex apart, for each way
    its runs alternate (a run that cannot: no limit)."""
    choices = []
    for run, cycle in components(places):
        free = [i for i in run if i not in fixed]
        options = [
            (
                sum(p.get(i) in ("f", None) for i in free),
                sum(p.get(i) in ("m", None) for i in free),
            )
            for p in run_patterns(places, run, cycle, fixed, rules)
        ]
        choices.append(options or [(len(free), len(free))])
    return sorted({(sum(f for f, _ in c), sum(m for _, m in c)) for c in product(*choices)})


def most_of_one_sex(places: Sequence[Place]) -> int:
    """How many women (or men) the places hold at most, none beside another."""
    return sum(len(run) // 2 if cycle else (len(run) + 1) // 2 for run, cycle in components(places))


def hopeless_alternation(places, fixed, people, rules: Rules) -> bool:
    """No plan alternates (a sure answer): too many women, or men, to keep any two apart, or
    two of one sex to be seated side by side."""
    return bool(
        too_many_of_one_sex(places, fixed, people, rules)
        or together_of_one_sex(fixed, people, rules)
    )


def too_many_of_one_sex(places, fixed, people, rules: Rules) -> str:
    """The sex ("f", "m") too many to keep any two apart on these places; "" neither."""
    everyone = [*fixed.values(), *people]
    most = most_of_one_sex(places)
    return next(
        (sex for sex in "fm" if sum(rules.gender.get(k) == sex for k in everyone) > most), ""
    )


def together_of_one_sex(fixed, people, rules: Rules) -> list[tuple[str, str]]:
    here = {*fixed.values(), *people}
    return [
        (a, b)
        for a in here
        for b in rules.together.get(a, ())
        if b in here
        and rules.gender.get(a) in ("f", "m")
        and rules.gender.get(a) == rules.gender.get(b)
    ]


def without_wildcards(fixed: dict[int, str], people: Sequence[str], places, rules: Rules) -> bool:
    """Every place will hold a woman or a man: the patterns are then all the ways to alternate."""
    everyone = [*fixed.values(), *people]
    return len(everyone) == len(places) and all(rules.gender.get(k) in ("f", "m") for k in everyone)
