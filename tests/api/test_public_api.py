"""The public list of past distinguished guests: anonymous, read only, released data only."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.factories import GuestFactory, VisitFactory

pytestmark = pytest.mark.django_db

PAST = date(2024, 6, 3)


def names(response) -> list[str]:
    assert response.status_code == 200
    return [item["name"] for item in response.json()["items"]]


def test_only_published_public_past_visits_past_their_embargo(client):
    VisitFactory(starts_on=PAST, status="held", principal=GuestFactory(name="Shown"))
    for hidden in [
        {"confidentiality": "restricted", "status": "held"},
        {"confidentiality": "confidential", "status": "held"},
        {"status": "declined"},
        {"status": "confirmed", "starts_on": date.today() + timedelta(days=3)},
    ]:
        VisitFactory(
            **({"starts_on": PAST, "confidentiality": "public"} | hidden),
            principal=GuestFactory(name="Hidden"),
        )
    response = client.get(reverse("api:distinguished_guests"))
    assert names(response) == ["Shown"]
    assert "Hidden" not in response.text


@pytest.mark.parametrize("count", [1, 3])
def test_public_list_query_count_does_not_grow(client, django_assert_num_queries, count):
    for number in range(count):
        VisitFactory(starts_on=PAST, status="held", principal=GuestFactory(name=f"Guest {number}"))
    with django_assert_num_queries(4):  # the request's savepoint and release, count, page
        response = client.get(reverse("api:distinguished_guests"))
    assert len(names(response)) == count
