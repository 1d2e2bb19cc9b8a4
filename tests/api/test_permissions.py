"""Who may call what: anonymous, staff (read), officer and cleared officer (write), on every
operation of the API."""

import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import EngagementFactory, GuestFactory, VenueFactory, VisitFactory
from visits.api.versions import etag_of

pytestmark = pytest.mark.django_db

# Status per role: anonymous, staff, officer, cleared.
MATRIX = {
    "list visits": (401, 200, 200, 200),
    "read visit": (401, 200, 200, 200),
    "create visit": (401, 403, 201, 201),
    "move visit": (401, 403, 200, 200),
    "list engagements": (401, 200, 200, 200),
    "read engagement": (401, 200, 200, 200),
    "book engagement": (401, 403, 201, 201),
    "change engagement": (401, 403, 200, 200),
    "list own tokens": (401, 200, 200, 200),
    "make a token": (401, 201, 201, 201),
    "public guests": (200, 200, 200, 200),
}
ROLES = ["anonymous", "staff", "officer", "cleared"]


@pytest.fixture
def world(db):
    visit = VisitFactory(
        starts_on=date(2027, 7, 6), status="requested", confidentiality="restricted"
    )
    engagement = EngagementFactory(visit=visit, location="", status="tentative")
    return {"visit": visit, "engagement": engagement, "guest": GuestFactory()}


def call(client, name, world):
    visit, engagement = world["visit"], world["engagement"]
    as_json = {"content_type": "application/json"}
    calls = {
        "list visits": lambda: client.get(reverse("api:list_visits")),
        "read visit": lambda: client.get(reverse("api:get_visit", args=[visit.reference])),
        "create visit": lambda: client.post(
            reverse("api:create_visit"),
            json.dumps(
                {
                    "kind": "reception",
                    "occasion_fr": "Réception",
                    "occasion_en": "Reception",
                    "starts_on": "2027-07-07",
                    "delegation": [{"guest": world["guest"].pk}],
                }
            ),
            **as_json,
        ),
        "move visit": lambda: client.post(
            reverse("api:move_visit", args=[visit.reference]), {"to": "under_review"}, **as_json
        ),
        "list engagements": lambda: client.get(reverse("api:list_engagements")),
        "read engagement": lambda: client.get(reverse("api:get_engagement", args=[engagement.uid])),
        "book engagement": lambda: client.post(
            reverse("api:create_engagement"),
            {
                "visit": visit.reference,
                "kind": "meeting",
                "title_fr": "Réunion",
                "title_en": "Meeting",
                "starts_at": "2027-07-06T15:00:00+02:00",
                "ends_at": "2027-07-06T16:00:00+02:00",
                "venue": VenueFactory().pk,
            },
            **as_json,
        ),
        "change engagement": lambda: client.patch(
            reverse("api:change_engagement", args=[engagement.uid]),
            {"notes": "Flags"},
            HTTP_IF_MATCH=etag_of(engagement),
            **as_json,
        ),
        "list own tokens": lambda: client.get(reverse("api:list_tokens")),
        "make a token": lambda: client.post(reverse("api:create_token"), {"name": "x"}, **as_json),
        "public guests": lambda: client.get(reverse("api:distinguished_guests")),
    }
    return calls[name]()


@pytest.mark.parametrize("operation", list(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(request, world, role, operation):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if role != "anonymous":
        fixture = {"staff": "staff_member", "officer": "officer", "cleared": "cleared_officer"}
        client.force_login(request.getfixturevalue(fixture[role]))
    response = call(client, operation, world)
    assert response.status_code == MATRIX[operation][ROLES.index(role)], response.content
