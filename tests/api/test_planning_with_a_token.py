"""An integration plans a visit end to end with a personal token, and is told why when not."""

import json

import pytest
from django.urls import reverse

from tests.factories import GuestFactory, HostFactory, VenueFactory
from visits.models import ApiToken

pytestmark = pytest.mark.django_db


def client_for(client, user):
    _token, raw = ApiToken.issue(user, "integration")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def post(client, url, body, **headers):
    return client.post(url, body, content_type="application/json", **headers)


def engagement_body(reference, room, start="10:00", end="11:00", **changes):
    return {
        "visit": reference,
        "kind": "reception",
        "title_fr": "Réception",
        "title_en": "Reception",
        "starts_at": f"2027-07-06T{start}:00+02:00",
        "ends_at": f"2027-07-06T{end}:00+02:00",
        "venue": room.pk,
    } | changes


@pytest.fixture
def api(client, officer):
    return client_for(client, officer)


def test_integration_plans_a_visit_end_to_end(api):
    guest, room, mayor = GuestFactory(name="Roberto Gualtieri"), VenueFactory(), HostFactory()
    created = post(
        api,
        reverse("api:create_visit"),
        {
            "kind": "official_visit",
            "occasion_fr": "Visite du maire de Rome",
            "occasion_en": "Visit of the Mayor of Rome",
            "starts_on": "2027-07-06",
            "delegation": [{"guest": guest.pk, "role": "principal"}],
            "hosts": [mayor.pk],
        },
    )
    assert created.status_code == 201, created.json()
    reference = created.json()["reference"]
    assert created.json()["status"] == "requested"
    booked = post(api, reverse("api:create_engagement"), engagement_body(reference, room))
    assert booked.status_code == 201, booked.json()
    for step in ["under_review", "approved", "confirmed"]:
        moved = post(api, reverse("api:move_visit", args=[reference]), {"to": step})
        assert moved.status_code == 200, moved.json()
    visit = api.get(reverse("api:get_visit", args=[reference])).json()
    assert visit["status"] == "confirmed"
    assert [e["title_en"] for e in visit["programme"]] == ["Reception"]


def test_clash_is_409_naming_the_visible_engagement(api):
    room = VenueFactory(name="Salon des Arcades")
    first = post_visit(api)
    post(api, reverse("api:create_engagement"), engagement_body(first, room))
    second = post_visit(api)
    clash = post(api, reverse("api:create_engagement"), engagement_body(second, room))
    assert clash.status_code == 409
    body = clash.json()
    assert body["error"] == "conflict"
    assert body["fields"]["venue"][0].startswith("Salon des Arcades is taken by “Reception”")


def test_illegal_move_is_409_naming_the_allowed_moves(api):
    reference = post_visit(api)
    moved = post(api, reverse("api:move_visit", args=[reference]), {"to": "held"})
    assert moved.status_code == 409
    assert moved.json()["fields"] == {
        "status": ["A requested visit can become: under review, declined, cancelled."]
    }


def test_update_needs_the_current_etag(api):
    reference = post_visit(api)
    booked = post(api, reverse("api:create_engagement"), engagement_body(reference, VenueFactory()))
    url = reverse("api:change_engagement", args=[booked.json()["uid"]])
    etag = booked["ETag"]
    missing = api.patch(url, {"notes": "x"}, content_type="application/json")
    assert missing.status_code == 428 and missing.json()["error"] == "precondition_required"
    changed = api.patch(
        url,
        {"starts_at": "2027-07-06T12:00:00+02:00", "ends_at": "2027-07-06T13:00:00+02:00"},
        content_type="application/json",
        HTTP_IF_MATCH=etag,
    )
    assert changed.status_code == 200, changed.json()
    assert changed.json()["sequence"] == 1 and changed["ETag"] != etag
    stale = api.patch(url, {"notes": "y"}, content_type="application/json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412 and stale.json()["error"] == "stale"


def test_staff_who_only_read_are_forbidden_to_write(client, staff_member):
    api = client_for(client, staff_member)
    response = post(api, reverse("api:create_visit"), visit_body(GuestFactory()))
    assert response.status_code == 403 and response.json()["error"] == "forbidden"


def without(body: dict, name: str) -> dict:
    return {key: value for key, value in body.items() if key != name}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda body: "{not json", None),
        (lambda body: without(body, "occasion_fr"), "occasion_fr"),
        (lambda body: body | {"starts_on": "2027-02-30"}, "starts_on"),
        (lambda body: body | {"occasion_fr": "x" * 5000}, "occasion_fr"),
        (lambda body: body | {"delegation": []}, "delegation"),
        (lambda body: body | {"delegation": [{"guest": 999999}]}, "delegation"),
        (lambda body: body | {"hosts": ["abc"]}, "hosts.0"),
        (lambda body: body | {"kind": "picnic"}, "kind"),
    ],
)
def test_bad_input_is_a_4xx_naming_the_field_never_a_500(api, change, field):
    body = change(visit_body(GuestFactory()))
    response = api.post(
        reverse("api:create_visit"),
        body if isinstance(body, str) else json.dumps(body),
        content_type="application/json",
    )
    assert response.status_code in (400, 422), response.content
    if field:
        assert field in response.json()["fields"], response.json()


def visit_body(guest) -> dict:
    return {
        "kind": "official_visit",
        "occasion_fr": "Visite",
        "occasion_en": "Visit",
        "starts_on": "2027-07-06",
        "delegation": [{"guest": guest.pk, "role": "principal"}],
    }


def post_visit(api) -> str:
    response = post(api, reverse("api:create_visit"), visit_body(GuestFactory()))
    assert response.status_code == 201, response.json()
    return response.json()["reference"]


def test_guest_twice_in_the_delegation_is_400_not_a_crash(api):
    guest = GuestFactory()
    body = visit_body(guest) | {
        "delegation": [
            {"guest": guest.pk, "role": "principal"},
            {"guest": guest.pk, "role": "member"},
        ]
    }
    response = post(api, reverse("api:create_visit"), body)
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "delegation": ["Each guest appears once in the delegation."]
    }
