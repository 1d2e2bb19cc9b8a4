"""/api/v1/visits: the visits a caller may see, paginated and filtered, in one error shape."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HostFactory,
    VenueFactory,
    VisitFactory,
)
from visits.models import ApiToken

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_staff(client, staff_member):
    _token, raw = ApiToken.issue(staff_member, "tests")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def references(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["reference"] for item in response.json()["items"]]


def test_list_is_newest_first_with_a_total_count(as_staff):
    older = VisitFactory(starts_on=date(2026, 5, 4))
    newer = VisitFactory(starts_on=date(2027, 5, 4))
    response = as_staff.get(reverse("api:list_visits"))
    assert references(response) == [newer.reference, older.reference]
    assert response.json()["count"] == 2


def test_list_goes_through_the_visibility_door(as_staff):
    shown = VisitFactory(confidentiality="restricted")
    VisitFactory(confidentiality="confidential", principal=GuestFactory(name="Secret Guest"))
    response = as_staff.get(reverse("api:list_visits"))
    assert references(response) == [shown.reference]
    assert "Secret Guest" not in response.text


def test_detail_of_a_hidden_visit_is_not_found(as_staff):
    secret = VisitFactory(confidentiality="confidential")
    response = as_staff.get(reverse("api:get_visit", args=[secret.reference]))
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "message": "Not found.", "fields": {}}


def test_detail_has_the_delegation_and_programme(as_staff):
    visit = VisitFactory(principal=GuestFactory(name="Roberto Gualtieri"))
    EngagementFactory(visit=visit, title_en="Reception", status="confirmed")
    body = as_staff.get(reverse("api:get_visit", args=[visit.reference])).json()
    assert [p["guest"]["name"] for p in body["delegation"]] == ["Roberto Gualtieri"]
    assert [(e["title_en"], e["status"], e["sequence"]) for e in body["programme"]] == [
        ("Reception", "confirmed", 0)
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "held"}, ["held"]),
        ({"kind": "state_visit"}, ["state"]),
        ({"starts_from": "2027-01-01"}, ["state"]),
        ({"starts_until": "2026-12-31"}, ["held"]),
        ({"country": "de"}, ["state"]),
    ],
)
def test_filters_keep_only_matching_visits(as_staff, query, expected):
    made = {
        "held": VisitFactory(status="held", starts_on=date(2026, 3, 2)),
        "state": VisitFactory(
            kind="state_visit", starts_on=date(2027, 3, 2), principal=GuestFactory(country="DE")
        ),
    }
    response = as_staff.get(reverse("api:list_visits"), query)
    assert references(response) == [made[name].reference for name in expected]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"limit": "101"}, "limit"),
        ({"limit": "abc"}, "limit"),
        ({"starts_from": "2027-02-30"}, "starts_from"),
        ({"status": "lost"}, "status"),
        ({"venue": "x" * 5000}, "venue"),
    ],
)
def test_bad_query_is_422_naming_the_field(as_staff, query, field):
    response = as_staff.get(reverse("api:list_visits"), query)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid" and field in body["fields"]


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count_does_not_grow(as_staff, django_assert_num_queries, count):
    for _ in range(count):
        VisitFactory()
    # The request's savepoint and release, the token and its last use, two for the
    # permissions, then count, page and principal guests.
    with django_assert_num_queries(9):
        response = as_staff.get(reverse("api:list_visits"))
    assert len(references(response)) == count


def test_session_callers_read_without_a_token(client, staff_member):
    client.force_login(staff_member)
    VisitFactory()
    assert client.get(reverse("api:list_visits")).json()["count"] == 1


def test_openapi_document_and_docs_are_served_without_the_internet(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/visits", "/api/v1/visits/{reference}"} <= set(schema["paths"])
    docs = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui-bundle.js" in docs and "cdn." not in docs


@pytest.mark.parametrize("count", [1, 3])
def test_engagement_list_query_count_does_not_grow(as_staff, django_assert_num_queries, count):
    for _ in range(count):
        EngagementFactory()
    EngagementFactory(visit=VisitFactory(confidentiality="confidential"))  # not listed
    # The request's savepoint and release, the token and its last use, two for the
    # permissions, then count, page (rooms and visits joined) and hosts.
    with django_assert_num_queries(9):
        response = as_staff.get(reverse("api:list_engagements"))
    assert response.json()["count"] == count


@pytest.mark.parametrize(
    "moment", ["0025-02-03T01:29:38+23:04", "9999-12-31T23:59:59-05:00", "1850-01-01T00:00:00Z"]
)
def test_engagement_filter_with_a_time_beyond_the_calendar_is_422(as_staff, moment):
    # schemathesis found the first one: PostgreSQL refuses an offset of more than 15:59.
    response = as_staff.get(reverse("api:list_engagements"), {"starts_from": moment})
    assert response.status_code == 422
    assert "starts_from" in response.json()["fields"]


def test_engagement_filter_with_a_large_offset_in_range_is_read_in_utc(as_staff):
    response = as_staff.get(
        reverse("api:list_engagements"), {"starts_from": "2027-01-01T00:00:00+23:04"}
    )
    assert response.status_code == 200


def test_huge_offset_is_422_not_a_database_error(as_staff):
    # schemathesis found it: PostgreSQL refuses an OFFSET beyond its integers.
    response = as_staff.get(reverse("api:list_visits"), {"offset": str(10**23)})
    assert response.status_code == 422 and "offset" in response.json()["fields"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "lunch"}, ["lunch"]),
        ({"status": "confirmed"}, ["lunch"]),
        ({"country": "jp"}, ["meeting"]),
        ({"category": "mayor"}, ["meeting"]),
        ({"host": "the mayor"}, ["meeting"]),
        ({"venue": "salon"}, ["lunch"]),
        ({"guest": "anne"}, ["lunch"]),
        ({"starts_from": "2027-03-02T12:00:00+01:00"}, ["meeting"]),
    ],
)
def test_filters_keep_only_matching_engagements(as_staff, query, expected):
    anne = GuestFactory(name="Anne", category="head_of_state", country="DE")
    tokyo = GuestFactory(name="Yuriko", category="mayor", country="JP")
    mayor, salon = HostFactory(), VenueFactory()
    made = {
        "lunch": EngagementFactory(
            visit=VisitFactory(starts_on=date(2027, 3, 2), principal=anne),
            kind="lunch",
            status="confirmed",
            venue=salon,
        ),
        "meeting": EngagementFactory(
            visit=VisitFactory(starts_on=date(2027, 3, 3), principal=tokyo),
            kind="meeting",
            status="tentative",
        ),
    }
    made["meeting"].hosts.set([mayor])
    ids = {"the mayor": mayor.pk, "salon": salon.pk, "anne": anne.pk}
    query = {name: ids.get(value, value) for name, value in query.items()}
    response = as_staff.get(reverse("api:list_engagements"), query)
    assert response.status_code == 200, response.content
    assert [item["uid"] for item in response.json()["items"]] == [
        str(made[name].uid) for name in expected
    ]


def test_engagement_shows_its_visit_room_hosts_and_notes(as_staff):
    mayor = HostFactory(name="Anne Hidalgo", precedence=1)
    deputy = HostFactory(name="Deputy", precedence=5)
    engagement = EngagementFactory(notes="Flags at the door")
    engagement.hosts.set([deputy, mayor])
    body = as_staff.get(reverse("api:get_engagement", args=[engagement.uid])).json()
    assert body["visit"] == engagement.visit.reference
    assert body["venue"] == {"id": engagement.venue_id, "name": engagement.venue.name}
    assert [host["name"] for host in body["hosts"]] == ["Anne Hidalgo", "Deputy"]
    assert body["notes"] == "Flags at the door"


def test_visit_detail_reads_back_what_was_written(as_staff):
    mayor = HostFactory(name="Anne Hidalgo")
    visit = VisitFactory(request_channel="embassy", requested_on=date(2027, 1, 5), notes="Gifts")
    visit.hosts.set([mayor])
    body = as_staff.get(reverse("api:get_visit", args=[visit.reference])).json()
    assert (body["request_channel"], body["requested_on"], body["notes"]) == (
        "embassy",
        "2027-01-05",
        "Gifts",
    )
    assert body["hosts"] == [{"id": mayor.pk, "name": "Anne Hidalgo"}]
