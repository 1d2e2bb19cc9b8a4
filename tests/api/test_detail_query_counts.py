"""Each detail endpoint reads a fixed number of queries, however much the record holds (a
visit with 1 or 3 engagements and guests, an engagement with 1 or 3 hosts)."""

import pytest
from django.urls import reverse

from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    HostFactory,
    VenueFactory,
    VisitFactory,
)
from visits.models import ApiToken, VisitGuest

pytestmark = pytest.mark.django_db

# The request's savepoint and its release, the token and its last use, and the caller's
# permissions (the user's and their groups': the API asks for the staff permission, and the
# door reads the same cache) are in each count.
QUERIES = {
    "get_visit": 12,  # + the visit, principals, hosts, delegation, programme and its hosts
    "get_engagement": 8,  # + the engagement and its hosts
    "get_guest": 7,  # + the guest
    "get_venue": 7,  # + the room
    "get_host": 7,  # + the host
    "get_honour": 7,  # + the honour with its honoree and visible ceremony
}


def record_of(name, size):
    visit = VisitFactory()
    for n in range(size - 1):
        VisitGuest.objects.create(visit=visit, guest=GuestFactory(), role="member", position=n + 1)
    engagements = [EngagementFactory(visit=visit, venue=VenueFactory()) for _ in range(size)]
    engagements[0].hosts.set([HostFactory() for _ in range(size)])
    guest = visit.participants.first().guest
    honour = HonoraryCitizenshipFactory(honoree=guest, ceremony=None)
    return {
        "get_visit": visit.reference,
        "get_engagement": engagements[0].uid,
        "get_guest": guest.pk,
        "get_venue": engagements[0].venue_id,
        "get_host": engagements[0].hosts.first().pk,
        "get_honour": honour.pk,
    }[name]


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("name", list(QUERIES))
def test_detail_query_count_does_not_grow(client, officer, django_assert_num_queries, name, size):
    _token, raw = ApiToken.issue(officer, "tests")
    key = record_of(name, size)
    with django_assert_num_queries(QUERIES[name]):
        response = client.get(
            reverse(f"api:{name}", args=[key]), HTTP_AUTHORIZATION=f"Bearer {raw}"
        )
    assert response.status_code == 200, response.content
    assert response["ETag"]
