"""Properties of seating (visits.ceremony.seating): everyone seated once, pins held, and every
rule met whenever some plan meets them all (found by brute force on small tables), else said
in `unmet`."""

from collections import Counter
from dataclasses import replace
from itertools import permutations

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from visits.ceremony.seating import (
    Layout,
    Pin,
    Seating,
    SeatingOptions,
    Sitter,
    broken_rules,
    empty_places,
    kept_warnings,
    seat,
    swap,
)

EXAMPLES = settings(max_examples=120, deadline=None)


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@st.composite
def problems(draw, most_tables: int = 1, most_places: int = 6, pins_valid: bool = False):
    """Sitters in precedence order, options, host and co-host."""
    layout = draw(st.sampled_from(list(Layout)))
    tables = draw(st.integers(1, most_tables))
    size = draw(st.integers(2, most_places))
    count = draw(st.integers(1, tables * size))
    keys = [f"p{i}" for i in range(count)]
    sitters = []
    for i, key in enumerate(keys):
        spouse = draw(st.sampled_from(["", *keys[:i]])) if i else ""
        gender = draw(st.sampled_from("fmfmn"))
        sitters.append(Sitter(key, gender, military=draw(st.booleans()), spouse_of=spouse))
    host = keys[0]
    cohost = draw(st.sampled_from(["", *keys[1:]]))
    pair = st.tuples(st.sampled_from(keys), st.sampled_from(keys))
    pins = draw(
        st.lists(
            st.builds(Pin, st.sampled_from(keys), st.integers(1, tables), st.integers(1, size + 1)),
            max_size=2,
            unique_by=(lambda p: p.key, lambda p: (p.table, p.number)),
        )
    )
    if pins_valid:
        pins = [p for p in pins if p.number <= size]
    options = SeatingOptions(
        layout=layout,
        tables=tables,
        seats_per_table=size,
        central_aisle=draw(st.booleans()),
        civil_military_sides=draw(st.booleans()),
        alternate_sexes=draw(st.booleans()),
        keep_spouses_apart=draw(st.booleans()),
        pins=tuple(pins),
        apart=tuple(draw(st.lists(pair, max_size=2))),
        together=tuple(draw(st.lists(pair, max_size=2))),
    )
    return sitters, options, host, cohost


def constraints_broken(seating: Seating, sitters, options, host, cohost) -> list[str]:
    """The rules a plan breaks, the order of honour aside."""
    found = broken_rules(seating, sitters, options, host, cohost)
    return [line for line in found if "more honoured place" not in line]


def some_plan_meets_every_rule(seating: Seating, sitters, options, host, cohost) -> bool:
    """Brute force: every way of putting the sitters in the same places."""
    keys = [s.key for s in sitters]
    places = list(seating.seats)
    for chosen in permutations(range(len(places)), len(keys)):
        at = dict(zip(chosen, keys, strict=True))
        plan = replace(
            seating, seats=tuple(replace(s, key=at.get(i, "")) for i, s in enumerate(places))
        )
        if not constraints_broken(plan, sitters, options, host, cohost):
            return True
    return False


@EXAMPLES
@given(problems(most_tables=3))
def test_every_sitter_is_seated_exactly_once_when_places_suffice(problem):
    sitters, options, host, cohost = problem
    seating = seat(*problem)
    seated = Counter(s.key for s in seating.seats if s.key)
    assert seated == Counter(s.key for s in sitters)
    assert len({(s.table, s.number) for s in seating.seats}) == len(seating.seats)
    assert len(seating.seats) == options.tables * options.seats_per_table


@EXAMPLES
@given(problems(most_tables=3, pins_valid=True))
def test_pinned_sitters_sit_where_they_are_pinned(problem):
    sitters, options, host, cohost = problem
    seating = seat(*problem)
    for pin in options.pins:
        found = seating.seat_of(pin.key)
        assert (found.table, found.number) == (pin.table, pin.number)


@EXAMPLES
@given(problems())
def test_every_rule_is_met_whenever_some_plan_meets_them_all(problem):
    """Alternation, spouses and people kept apart, people together, sides, pins, presidents:
    the rules' plan breaks none whenever a plan exists that breaks none; else `unmet` says."""
    seating = seat(*problem)
    if some_plan_meets_every_rule(seating, *problem):
        assert seating.unmet == ()
        assert constraints_broken(seating, *problem) == []
    else:
        assert seating.unmet != ()


@EXAMPLES
@given(problems(most_tables=3))
def test_unmet_is_empty_exactly_when_the_plan_breaks_no_rule(problem):
    seating = seat(*problem)
    broken = constraints_broken(seating, *problem)
    refused = [line for line in seating.unmet if "cannot be pinned" in line]
    assert bool(seating.unmet) == bool(broken or refused)


@EXAMPLES
@given(problems(most_tables=2), st.data())
def test_seating_is_deterministic_and_a_swap_undone_gives_it_back(problem, data):
    seating = seat(*problem)
    assert seat(*problem) == seating
    sitters = problem[0]
    first = data.draw(st.sampled_from(sitters)).key
    second = data.draw(st.sampled_from(sitters)).key
    swapped = swap(seating, first, second)
    assert swapped.seat_of(first).number == seating.seat_of(second).number
    assert swap(swapped, first, second) == seating


@EXAMPLES
@given(problems(most_tables=3), st.booleans())
def test_the_empty_places_are_those_the_rules_plan_is_drawn_on(problem, auto_size):
    """Kept places are drawn on `empty_places` without searching a plan: the same places, at
    the same points, as `seat` draws, also when the tables' size follows the number."""
    sitters, options, host, cohost = problem
    if auto_size:
        options = replace(options, seats_per_table=0)
    proposal = seat(sitters, options, host, cohost)
    blank = tuple(replace(s, key="") for s in proposal.seats)
    assert empty_places(sitters, options, host, cohost) == blank


@EXAMPLES
@given(problems(most_tables=3))
def test_kept_places_are_checked_as_the_rules_check_their_own_plan(problem):
    """The presiding places' warnings of a kept plan are those `seat` gives the same plan."""
    seating = seat(*problem)
    assert kept_warnings(seating, *problem) == seating.warnings
