"""The ceremony and the forms of address read a fixed number of queries, however many attend
(1 or 3 attendees, each holding an office) or however many offices a guest holds."""

import pytest
from django.urls import reverse

from tests.ceremony_factories import (
    OfficeHoldingFactory,
    SeatingPairFactory,
    attending,
    holder,
    office,
)
from tests.factories import EngagementFactory, GuestFactory
from visits.models import ApiToken

pytestmark = pytest.mark.django_db

# As in test_detail_query_counts: the request's savepoint and its release, the token and its
# last use, and the caller's permissions (the user's and their groups') are in each count.
QUERIES = {
    # + the engagement through the door with its options, the list in force, its ranks, the
    # offices, the attendees, their holdings, the seating rules and the forms-of-address table
    "get_ceremony": 14,
    # + the guest through the door, their holdings, the forms-of-address table
    "get_guest_address": 9,
}
OFFICES = ["minister", "foreign_ambassador", "mayor_of_paris", "deputy"]
# The same as get_ceremony: the question adds no query (nor does it seat or draw anything).
WHY_QUERIES = 14


def record_of(name, size):
    if name == "get_ceremony":
        engagement = EngagementFactory()
        for n in range(size):
            attending(engagement, holder(OFFICES[n], f"Attendee {n}"))
        return engagement.uid
    guest = GuestFactory()
    for code in OFFICES[:size]:
        OfficeHoldingFactory(guest=guest, office=office(code))
    return guest.pk


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("name", list(QUERIES))
def test_ceremony_query_count_does_not_grow(client, officer, django_assert_num_queries, name, size):
    _token, raw = ApiToken.issue(officer, "tests")
    key = record_of(name, size)
    with django_assert_num_queries(QUERIES[name]):
        response = client.get(
            reverse(f"api:{name}", args=[key]), HTTP_AUTHORIZATION=f"Bearer {raw}"
        )
    assert response.status_code == 200, response.content


@pytest.mark.parametrize("size", [2, 4])  # one attendee would be a question refused
def test_why_query_count_does_not_grow(client, officer, django_assert_num_queries, size):
    _token, raw = ApiToken.issue(officer, "tests")
    engagement = EngagementFactory()
    first, second, *_others = [
        attending(engagement, holder(OFFICES[n], f"Attendee {n}")) for n in range(size)
    ]
    url = reverse("api:why_ceremony", args=[engagement.uid])
    with django_assert_num_queries(WHY_QUERIES):
        response = client.get(
            url, {"first": first.pk, "second": second.pk}, HTTP_AUTHORIZATION=f"Bearer {raw}"
        )
    assert response.status_code == 200, response.content


@pytest.mark.parametrize("pairs", [0, 2])
def test_ceremony_query_count_does_not_grow_with_seating_rules(
    client, officer, django_assert_num_queries, pairs
):
    _token, raw = ApiToken.issue(officer, "tests")
    engagement = EngagementFactory()
    people = [attending(engagement, holder(code, code)) for code in OFFICES]
    for first, second in [(0, 1), (2, 3)][:pairs]:
        SeatingPairFactory(engagement=engagement, first=people[first], second=people[second])
    with django_assert_num_queries(14):
        response = client.get(
            reverse("api:get_ceremony", args=[engagement.uid]), HTTP_AUTHORIZATION=f"Bearer {raw}"
        )
    assert response.status_code == 200, response.content
    assert len(response.json()["pairs"]) == pairs
