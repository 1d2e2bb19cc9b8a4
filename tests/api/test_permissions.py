"""Who may call what: anonymous, a signed-in user in no group (nothing but the public lists),
staff (read), officer and cleared officer (write), on every operation of the API but revoking a
token (one's own only: tests/api/test_token_endpoints.py)."""

import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    HostFactory,
    VenueFactory,
    VisitFactory,
)
from visits.api.versions import etag_of

pytestmark = pytest.mark.django_db

# Status per role: anonymous, signed in without a group, staff, officer, cleared.
MATRIX = {
    "list visits": (401, 403, 200, 200, 200),
    "read visit": (401, 403, 200, 200, 200),
    "create visit": (401, 403, 403, 201, 201),
    "move visit": (401, 403, 403, 200, 200),
    "list engagements": (401, 403, 200, 200, 200),
    "read engagement": (401, 403, 200, 200, 200),
    "book engagement": (401, 403, 403, 201, 201),
    "change engagement": (401, 403, 403, 200, 200),
    "change visit": (401, 403, 403, 200, 200),
    "replace delegation": (401, 403, 403, 200, 200),
    "delete visit": (401, 403, 403, 204, 204),
    "delete engagement": (401, 403, 403, 204, 204),
    "list guests": (401, 403, 200, 200, 200),
    "read guest": (401, 403, 200, 200, 200),
    "create guest": (401, 403, 403, 201, 201),
    "change guest": (401, 403, 403, 200, 200),
    "list venues": (401, 403, 200, 200, 200),
    "read venue": (401, 403, 200, 200, 200),
    "create venue": (401, 403, 403, 201, 201),
    "change venue": (401, 403, 403, 200, 200),
    "list hosts": (401, 403, 200, 200, 200),
    "read host": (401, 403, 200, 200, 200),
    "create host": (401, 403, 403, 201, 201),
    "change host": (401, 403, 403, 200, 200),
    "list honours": (401, 403, 200, 200, 200),
    "read honour": (401, 403, 200, 200, 200),
    "propose honour": (401, 403, 403, 201, 201),
    "change honour": (401, 403, 403, 200, 200),
    "public honours": (200, 200, 200, 200, 200),
    "list own tokens": (401, 403, 200, 200, 200),
    "make a token": (401, 403, 201, 201, 201),
    "public guests": (200, 200, 200, 200, 200),
}
ROLES = ["anonymous", "nobody", "staff", "officer", "cleared"]


@pytest.fixture
def world(db):
    visit = VisitFactory(
        starts_on=date(2027, 7, 6), status="requested", confidentiality="restricted"
    )
    engagement = EngagementFactory(visit=visit, location="", status="tentative")
    return {
        "visit": visit,
        "engagement": engagement,
        "guest": GuestFactory(),
        "venue": VenueFactory(),
        "host": HostFactory(),
        "honour": HonoraryCitizenshipFactory(),
    }


def call(client, name, world):
    visit, engagement = world["visit"], world["engagement"]
    as_json = {"content_type": "application/json"}
    versioned = {**as_json, "HTTP_IF_MATCH": "*"}
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
        "change visit": lambda: client.patch(
            reverse("api:change_visit", args=[visit.reference]), {"notes": "x"}, **versioned
        ),
        "replace delegation": lambda: client.put(
            reverse("api:change_delegation", args=[visit.reference]),
            {"delegation": [{"guest": world["guest"].pk}]},
            **versioned,
        ),
        "delete visit": lambda: client.delete(
            reverse("api:delete_visit", args=[visit.reference]), HTTP_IF_MATCH="*"
        ),
        "delete engagement": lambda: client.delete(
            reverse("api:delete_engagement", args=[engagement.uid]), HTTP_IF_MATCH="*"
        ),
        "list guests": lambda: client.get(reverse("api:list_guests")),
        "read guest": lambda: client.get(reverse("api:get_guest", args=[world["guest"].pk])),
        "create guest": lambda: client.post(
            reverse("api:create_guest"), {"name": "Anne", "category": "mayor"}, **as_json
        ),
        "change guest": lambda: client.patch(
            reverse("api:change_guest", args=[world["guest"].pk]), {"city": "Rome"}, **versioned
        ),
        "list venues": lambda: client.get(reverse("api:list_venues")),
        "read venue": lambda: client.get(reverse("api:get_venue", args=[world["venue"].pk])),
        "create venue": lambda: client.post(
            reverse("api:create_venue"), {"name": "Salon Bleu"}, **as_json
        ),
        "change venue": lambda: client.patch(
            reverse("api:change_venue", args=[world["venue"].pk]), {"capacity": 80}, **versioned
        ),
        "list hosts": lambda: client.get(reverse("api:list_hosts")),
        "read host": lambda: client.get(reverse("api:get_host", args=[world["host"].pk])),
        "create host": lambda: client.post(
            reverse("api:create_host"),
            {"name": "Anne", "office_fr": "Adjointe", "office_en": "Deputy"},
            **as_json,
        ),
        "change host": lambda: client.patch(
            reverse("api:change_host", args=[world["host"].pk]), {"precedence": 5}, **versioned
        ),
        "list honours": lambda: client.get(reverse("api:list_honours")),
        "read honour": lambda: client.get(reverse("api:get_honour", args=[world["honour"].pk])),
        "propose honour": lambda: client.post(
            reverse("api:create_honour"), {"honoree": world["guest"].pk}, **as_json
        ),
        "change honour": lambda: client.patch(
            reverse("api:change_honour", args=[world["honour"].pk]),
            {"citation_en": "For courage"},
            **versioned,
        ),
        "public honours": lambda: client.get(reverse("api:honorary_citizens")),
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
        fixture = {
            "nobody": "user_in_no_group",
            "staff": "staff_member",
            "officer": "officer",
            "cleared": "cleared_officer",
        }
        client.force_login(request.getfixturevalue(fixture[role]))
    response = call(client, operation, world)
    assert response.status_code == MATRIX[operation][ROLES.index(role)], response.content
