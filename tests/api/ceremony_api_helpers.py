"""Fixtures and helpers shared by the tests of the ceremony API: a reception with its attendees,
an API client for the officer or the staff, and reading and writing the ceremony with its ETag."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from tests.ceremony_factories import attending, holder, seeded_precedence
from tests.factories import EngagementFactory, VisitFactory
from visits.models import ApiToken

DAY = date(2027, 7, 6)
HIDDEN = ["No such record, or not one you may see."]


def client_for(client, user, language="en"):
    _token, raw = ApiToken.issue(user, "tests")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    return client


@pytest.fixture
def as_officer(client, officer):
    return client_for(client, officer)


@pytest.fixture
def as_staff(client, staff_member):
    return client_for(client, staff_member)


@pytest.fixture
def reception(db):
    """A reception given by the Mayor of Paris for an ambassador, a minister present."""
    seeded_precedence()
    engagement = EngagementFactory(visit=VisitFactory(starts_on=DAY))
    mayor = holder("mayor_of_paris", "Anne Hidalgo", gender="f", category="mayor")
    minister = holder("minister", "Rachida Dati", gender="f", category="minister")
    ambassador = holder(
        "foreign_ambassador",
        "Jane Hartley",
        gender="f",
        category="ambassador",
        country="US",
        diplomatic_class="ambassador",
        functions_taken_up_at=datetime(2022, 6, 1, tzinfo=UTC),
    )
    return {
        "engagement": engagement,
        "mayor": attending(engagement, mayor, role="host", inviting=True, speaks=True),
        "minister": attending(engagement, minister, speaks=True),
        "ambassador": attending(engagement, ambassador, role="guest_of_honour", speaks=True),
    }


def ceremony_url(engagement):
    return reverse("api:get_ceremony", args=[engagement.uid])


def attendees_url(engagement):
    return reverse("api:add_attendee", args=[engagement.uid])


def attendee_url(attendance):
    return reverse("api:change_attendee", args=[attendance.engagement.uid, attendance.pk])


def places_url(engagement):
    return reverse("api:keep_places", args=[engagement.uid])


def read(client, engagement):
    response = client.get(ceremony_url(engagement))
    assert response.status_code == 200, response.content
    return response.json(), response["ETag"]


def send(client, method, url, body=None, etag=None):
    headers = {"HTTP_IF_MATCH": etag} if etag else {}
    return getattr(client, method)(url, body, content_type="application/json", **headers)
