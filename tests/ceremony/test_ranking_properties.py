"""Properties of the ranking (issue 16): the order is total, deterministic and independent of
the input order; every attendee is placed or unplaced, once; explanations agree with the order."""

import re
from dataclasses import replace
from itertools import combinations

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ceremony.strategies import attendees, occasions
from visits.ceremony.ranking import rank
from visits.ceremony.ranking_keys import values

EXAMPLES = settings(max_examples=100, deadline=None)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def keys_in_order(ranking) -> list[str]:
    return [placed.attendee.key for placed in ranking.placed]


@EXAMPLES
@given(attendees(), occasions)
def test_every_attendee_is_placed_or_unplaced_exactly_once(people, occasion):
    ranking = rank(people, occasion)
    seen = keys_in_order(ranking) + [unplaced.attendee.key for unplaced in ranking.unplaced]
    assert sorted(seen) == sorted(attendee.key for attendee in people)
    assert [placed.order for placed in ranking.placed] == list(range(1, len(ranking.placed) + 1))
    assert all(unplaced.missing for unplaced in ranking.unplaced)
    assert all(ranking.position_of(u.attendee.key) is None for u in ranking.unplaced)


@EXAMPLES
@given(st.data(), attendees(), occasions)
def test_the_order_does_not_depend_on_the_order_people_are_given_in(data, people, occasion):
    shuffled = data.draw(st.permutations(people))
    assert rank(shuffled, occasion) == rank(people, occasion)
    assert rank(shuffled, occasion).steps() == rank(people, occasion).steps()


@EXAMPLES
@given(attendees(), occasions)
def test_the_order_is_total_and_follows_the_sort_keys(people, occasion):
    ranking = rank(people, occasion)
    keys = [values(ranking.sort_keys[key]) for key in keys_in_order(ranking)]
    assert all(earlier < later for earlier, later in zip(keys, keys[1:], strict=False))
    assert len(ranking.steps()) == max(len(ranking.placed) - 1, 0)


# Sentences that quote the data of both people: the first quoted is the one who comes first.
ORDERED = [
    re.compile(r"rank (?P<first>\d+) \(.*\) before rank (?P<second>\d+) \("),
    re.compile(
        r"(?:elected in|took office:|functions:|born) (?P<first>[\d: -]+), against "
        r"(?P<second>[\d: -]+|an unknown date)"
    ),  # fmt: skip
]


def claims_in_order(text: str) -> bool:
    for pattern in ORDERED:
        found = pattern.search(text)
        if found and found["second"] != "an unknown date":
            first, second = found["first"], found["second"]
            return int(first) < int(second) if first.isdigit() else first <= second
    return True


@EXAMPLES
@given(attendees(min_size=3), occasions)
def test_explanations_never_claim_the_reverse_order(people, occasion):
    ranking = rank(people, occasion)
    for a, b, c in combinations(keys_in_order(ranking), 3):
        ab, bc, ac = ranking.why(a, b), ranking.why(b, c), ranking.why(a, c)
        assert ranking.why(b, a) == ab
        assert all(claims_in_order(reason.text) for reason in (ab, bc, ac))


@EXAMPLES
@given(st.data(), attendees(min_size=1), occasions)
def test_a_spouse_link_never_lowers_the_spouse_nor_leaves_them_unplaced(data, people, occasion):
    spouse = data.draw(st.sampled_from(people))
    alone = [replace(a, spouse_of="") if a.key == spouse.key else a for a in people]
    linked, unlinked = rank(people, occasion), rank(alone, occasion)
    if unlinked.position_of(spouse.key) is not None:
        assert linked.position_of(spouse.key) is not None
        mine = values(linked.sort_keys[spouse.key])
        assert mine <= values(unlinked.sort_keys[spouse.key])
