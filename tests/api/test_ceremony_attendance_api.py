"""The office's writes to the attendance of a ceremony through /api/v1/engagements/{uid}/attendees
and .../ceremony/gather, with the ceremony's ETag as If-Match."""

import pytest
from django.urls import reverse

from tests.api.ceremony_api_helpers import as_officer as as_officer  # a fixture
from tests.api.ceremony_api_helpers import as_staff as as_staff  # a fixture
from tests.api.ceremony_api_helpers import (
    attendee_url,
    attendees_url,
    ceremony_url,
    client_for,
    read,
    send,
)
from tests.api.ceremony_api_helpers import reception as reception  # a fixture
from tests.ceremony_factories import attending, holder
from tests.factories import EngagementFactory, GuestFactory, HostFactory
from visits.api.versions import ceremony_etag
from visits.models import Attendance, Ceremony, VisitGuest
from visits.models.choices import DelegationRole

pytestmark = pytest.mark.django_db


# Writing the attendees


def test_officer_adds_an_attendee_with_the_ceremony_etag(as_officer, reception):
    engagement = reception["engagement"]
    _body, etag = read(as_officer, engagement)
    deputy = holder("deputy", "Sylvain Maillard", gender="m", category="other")
    response = send(
        as_officer,
        "post",
        attendees_url(engagement),
        {"guest": deputy.pk, "role": "authority", "speaks": False},
        etag,
    )
    assert response.status_code == 201, response.content
    added = response.json()
    assert added["guest"] == deputy.pk and added["role"] == "authority"
    assert response["ETag"] == ceremony_etag(engagement.pk, 1) != etag
    body, again = read(as_officer, engagement)
    assert again == response["ETag"] and body["revision"] == 1
    assert added["id"] in [one["attendee"] for one in body["order"]]


def test_write_without_if_match_is_refused_with_428_and_changes_nothing(as_officer, reception):
    guest = GuestFactory()
    response = send(as_officer, "post", attendees_url(reception["engagement"]), {"guest": guest.pk})
    assert response.status_code == 428
    assert response.json()["error"] == "precondition_required"
    assert not Attendance.objects.filter(guest=guest).exists()


def test_write_with_a_stale_etag_is_refused_with_412_and_changes_nothing(as_officer, reception):
    engagement = reception["engagement"]
    _body, etag = read(as_officer, engagement)
    change = {"speaks": False}
    response = send(as_officer, "patch", attendee_url(reception["minister"]), change, etag)
    assert response.status_code == 200
    response = send(as_officer, "delete", attendee_url(reception["mayor"]), etag=etag)
    assert response.status_code == 412
    assert response.json()["error"] == "stale"
    assert Attendance.objects.filter(pk=reception["mayor"].pk).exists()


def test_officer_changes_and_removes_an_attendee(as_officer, reception):
    engagement = reception["engagement"]
    _body, etag = read(as_officer, engagement)
    change = {"place_after": 0, "place_after_reason": "Doyen du corps diplomatique"}
    response = send(as_officer, "patch", attendee_url(reception["ambassador"]), change, etag)
    assert response.status_code == 200, response.content
    assert response.json()["place_after"] == 0
    response = send(
        as_officer, "delete", attendee_url(reception["minister"]), etag=response["ETag"]
    )
    assert response.status_code == 204
    assert response["ETag"] == ceremony_etag(engagement.pk, 2)
    assert not Attendance.objects.filter(pk=reception["minister"].pk).exists()


def test_attendee_of_another_engagement_is_not_found(as_officer, reception):
    elsewhere = attending(EngagementFactory(), GuestFactory())
    url = reverse("api:change_attendee", args=[reception["engagement"].uid, elsewhere.pk])
    assert send(as_officer, "patch", url, {"speaks": True}, "*").status_code == 404


def test_staff_without_the_change_permission_are_refused_and_nothing_is_written(
    as_staff, reception
):
    engagement = reception["engagement"]
    _body, etag = read(as_staff, engagement)  # staff read the ceremony
    response = send(as_staff, "post", attendees_url(engagement), {"guest": GuestFactory().pk}, etag)
    assert response.status_code == 403
    response = send(as_staff, "patch", ceremony_url(engagement), {"tables": 2}, etag)
    assert response.status_code == 403
    assert Attendance.objects.filter(engagement=engagement).count() == 3
    assert not Ceremony.objects.filter(engagement=engagement).exists()


# Bad input: 4xx naming the field, nothing written


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"guest": 999_999}, 400, "guest"),
        ({"guest": "__new__", "represents": 999_999}, 400, "represents"),
        ({"guest": "__new__", "represents_office": "no-such-office"}, 400, "represents_office"),
        ({"guest": "__new__", "capacity": "represents"}, 400, "represents_office"),
        ({"guest": "__new__", "place_after": 3}, 400, "place_after_reason"),
        ({"guest": "__new__", "place_after": -1}, 422, "place_after"),
        ({"guest": "__new__", "role": "emperor"}, 422, "role"),
        ({"guest": "__present__"}, 400, "guest"),
    ],
)
def test_bad_attendee_is_refused_naming_the_field(as_officer, reception, body, status, field):
    engagement = reception["engagement"]
    named = {"__new__": GuestFactory().pk, "__present__": reception["mayor"].guest_id}
    body = {key: named.get(value, value) for key, value in body.items()}
    response = send(as_officer, "post", attendees_url(engagement), body, "*")
    assert response.status_code == status, response.content
    assert field in response.json()["fields"]
    assert Attendance.objects.filter(engagement=engagement).count() == 3
    assert not Ceremony.objects.filter(engagement=engagement).exists()


# Gathering the attendance


def gather_url(engagement):
    return reverse("api:gather_attendance", args=[engagement.uid])


def test_officer_gathers_the_hosts_and_the_delegation_into_the_ceremony(as_officer, reception):
    engagement = reception["engagement"]
    deputy = holder("deputy", "Sylvain Maillard", gender="m", category="other")
    engagement.hosts.add(HostFactory(person=deputy, precedence=2))
    president = GuestFactory(name="Joe Biden", category="head_of_state", country="US")
    VisitGuest.objects.create(
        visit=engagement.visit, guest=president, role=DelegationRole.PRINCIPAL
    )
    _body, etag = read(as_officer, engagement)
    response = send(as_officer, "post", gather_url(engagement), etag=etag)
    assert response.status_code == 200, response.content
    body = response.json()
    added = {a.guest_id: a for a in Attendance.objects.filter(engagement=engagement)}
    assert {deputy.pk, president.pk} <= set(added)
    assert added[president.pk].role == "guest_of_honour"
    assert added[deputy.pk].inviting is False  # the mayor already heads the inviting body
    attending_now = {one["attendee"] for one in [*body["order"], *body["unplaced"]]}
    assert attending_now == {a.pk for a in added.values()}
    assert body["revision"] == 1
    assert response["ETag"] == ceremony_etag(engagement.pk, 1)


def test_gathering_twice_adds_no_one_the_second_time(as_officer, reception):
    engagement = reception["engagement"]
    response = send(as_officer, "post", gather_url(engagement), etag="*")
    assert response.status_code == 200, response.content
    count = Attendance.objects.filter(engagement=engagement).count()
    again = send(as_officer, "post", gather_url(engagement), etag=response["ETag"])
    assert again.status_code == 200
    assert Attendance.objects.filter(engagement=engagement).count() == count


def test_gathering_needs_a_current_etag_the_permission_and_the_door(
    client, officer, staff_member, reception
):
    engagement = reception["engagement"]
    VisitGuest.objects.create(visit=engagement.visit, guest=GuestFactory())
    as_officer = client_for(client, officer)
    assert send(as_officer, "post", gather_url(engagement)).status_code == 428
    stale = ceremony_etag(engagement.pk, 7)
    assert send(as_officer, "post", gather_url(engagement), etag=stale).status_code == 412
    as_staff = client_for(client, staff_member)
    assert send(as_staff, "post", gather_url(engagement), etag="*").status_code == 403
    engagement.visit.confidentiality = "confidential"
    engagement.visit.save()
    as_officer = client_for(client, officer)
    assert send(as_officer, "post", gather_url(engagement), etag="*").status_code == 404
    assert Attendance.objects.filter(engagement=engagement).count() == 3
    assert not Ceremony.objects.filter(engagement=engagement).exists()
