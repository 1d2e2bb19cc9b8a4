"""Changing a visit over the API: its fields and delegation with If-Match (no lost update,
even when two officers send the same ETag at once), and deleting what may be deleted."""

import threading
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.factories import EngagementFactory, GuestFactory, HostFactory, VisitFactory
from visits.models import ApiToken, Engagement, Visit, VisitGuest

pytestmark = pytest.mark.django_db


def bearer(user) -> str:
    _token, raw = ApiToken.issue(user, "tests")
    return f"Bearer {raw}"


@pytest.fixture
def api(client, officer):
    client.defaults["HTTP_AUTHORIZATION"] = bearer(officer)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def visit():
    visit = VisitFactory(
        starts_on=date(2027, 7, 6), status="approved", principal=GuestFactory(name="Anne")
    )
    EngagementFactory(visit=visit, status="confirmed")
    return visit


def read(api, visit):
    response = api.get(reverse("api:get_visit", args=[visit.reference]))
    assert response.status_code == 200
    return response


def patch(api, visit, body, etag):
    url = reverse("api:change_visit", args=[visit.reference])
    return api.patch(url, body, content_type="application/json", HTTP_IF_MATCH=etag)


def put_delegation(api, visit, rows, etag):
    url = reverse("api:change_delegation", args=[visit.reference])
    body = {"delegation": rows}
    return api.put(url, body, content_type="application/json", HTTP_IF_MATCH=etag)


def test_patch_changes_the_fields_sent_and_tells_calendars(api, visit):
    etag = read(api, visit)["ETag"]
    response = patch(api, visit, {"occasion_en": "Visit of the Mayor of Rome"}, etag)
    assert response.status_code == 200, response.json()
    assert response.json()["occasion_en"] == "Visit of the Mayor of Rome"
    assert response.json()["occasion_fr"] == visit.occasion_fr  # left alone
    assert response["ETag"] != etag
    assert [e["sequence"] for e in response.json()["programme"]] == [1]


def test_patch_with_a_stale_etag_is_412_and_changes_nothing(api, visit):
    etag = read(api, visit)["ETag"]
    assert patch(api, visit, {"notes": "first"}, etag).status_code == 200
    stale = patch(api, visit, {"notes": "second"}, etag)
    assert stale.status_code == 412
    assert stale.json()["error"] == "stale"
    assert Visit.objects.get(pk=visit.pk).notes == "first"


def test_patch_without_if_match_is_428(api, visit):
    response = api.patch(
        reverse("api:change_visit", args=[visit.reference]),
        {"notes": "x"},
        content_type="application/json",
    )
    assert (response.status_code, response.json()["error"]) == (428, "precondition_required")


def test_patch_that_strands_the_programme_is_400_naming_the_field(api, visit):
    response = patch(api, visit, {"starts_on": "2027-07-08"}, read(api, visit)["ETag"])
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "starts_on": [
            "1 engagement of the programme would fall outside these days: move or cancel it first."
        ]
    }
    assert Visit.objects.get(pk=visit.pk).starts_on == date(2027, 7, 6)


def test_patch_sets_hosts_and_refuses_an_unknown_one(api, visit):
    mayor = HostFactory()
    etag = read(api, visit)["ETag"]
    assert patch(api, visit, {"hosts": [mayor.pk]}, etag).status_code == 200
    assert list(Visit.objects.get(pk=visit.pk).hosts.all()) == [mayor]
    refused = patch(api, visit, {"hosts": [mayor.pk + 1000]}, "*")
    assert refused.status_code == 400
    assert refused.json()["fields"] == {"hosts": ["No such record, or not one you may see."]}


def test_patch_of_the_status_is_not_a_field(api, visit):
    # The lifecycle moves through /transitions; an unknown field is ignored, not applied.
    response = patch(api, visit, {"status": "held"}, read(api, visit)["ETag"])
    assert response.status_code == 200
    assert Visit.objects.get(pk=visit.pk).status == "approved"


def test_delegation_is_replaced_in_order_and_its_history_kept(api, visit):
    anne = visit.participants.get().guest
    spouse, minister = GuestFactory(name="Bruno"), GuestFactory(name="Chloé")
    rows = [
        {"guest": minister.pk, "role": "minister"},
        {"guest": anne.pk},
        {"guest": spouse.pk, "role": "spouse"},
    ]
    etag = read(api, visit)["ETag"]
    response = put_delegation(api, visit, rows, etag)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert [(p["guest"]["name"], p["role"], p["position"]) for p in body["delegation"]] == [
        ("Chloé", "minister", 0),
        ("Anne", "principal", 1),
        ("Bruno", "spouse", 2),
    ]
    assert response["ETag"] != etag  # the visit's version covers its delegation
    assert [e["sequence"] for e in body["programme"]] == [1]  # calendars name the guests
    assert VisitGuest.history.filter(guest=anne).count() == 2  # created, then moved


def test_delegation_without_a_principal_is_400_and_changes_nothing(api, visit):
    rows = [{"guest": GuestFactory().pk, "role": "spouse"}]
    response = put_delegation(api, visit, rows, read(api, visit)["ETag"])
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "delegation": ["A visit needs at least one principal guest."]
    }
    assert [p.guest.name for p in visit.participants.all()] == ["Anne"]


def test_new_principal_who_is_busy_is_409_and_changes_nothing(api, visit):
    busy = GuestFactory(name="Busy Guest")
    elsewhere = VisitFactory(starts_on=visit.starts_on, principal=busy)
    programme = visit.engagements.get()
    EngagementFactory(
        visit=elsewhere,
        status="confirmed",
        starts_at=programme.starts_at,
        ends_at=programme.ends_at,
    )
    anne = visit.participants.get().guest
    rows = [{"guest": anne.pk}, {"guest": busy.pk}]
    response = put_delegation(api, visit, rows, read(api, visit)["ETag"])
    assert response.status_code == 409
    assert "Busy Guest" in response.json()["message"]
    assert [p.guest.name for p in visit.participants.all()] == ["Anne"]
    assert Engagement.objects.get(pk=programme.pk).sequence == programme.sequence


def test_hidden_guest_in_a_delegation_is_400_not_a_leak(api, visit):
    secret = GuestFactory(name="Secret Guest")
    VisitFactory(confidentiality="confidential", principal=secret)
    rows = [{"guest": visit.participants.get().guest_id}, {"guest": secret.pk, "role": "member"}]
    response = put_delegation(api, visit, rows, read(api, visit)["ETag"])
    assert response.status_code == 400
    assert response.json()["fields"] == {"delegation": ["No such record, or not one you may see."]}


def test_delete_removes_a_visit_with_a_tentative_programme_only(api, visit):
    refused = api.delete(
        reverse("api:delete_visit", args=[visit.reference]), HTTP_IF_MATCH=read(api, visit)["ETag"]
    )
    assert refused.status_code == 400
    assert refused.json()["message"] == (
        "A visit whose programme went beyond tentative, or holds a ceremony, is cancelled, "
        "not deleted."
    )
    draft = VisitFactory(status="requested")
    EngagementFactory(visit=draft, status="tentative")
    deleted = api.delete(
        reverse("api:delete_visit", args=[draft.reference]), HTTP_IF_MATCH=read(api, draft)["ETag"]
    )
    assert deleted.status_code == 204
    assert not Visit.objects.filter(pk=draft.pk).exists()


def test_delete_engagement_needs_its_etag_and_a_tentative_status(api, visit):
    confirmed = visit.engagements.get()
    url = reverse("api:delete_engagement", args=[confirmed.uid])
    assert api.delete(url).status_code == 428
    refused = api.delete(url, HTTP_IF_MATCH="*")
    assert refused.status_code == 400
    tentative = EngagementFactory(visit=visit, status="tentative", venue=None, location="Parvis")
    etag = api.get(reverse("api:get_engagement", args=[tentative.uid]))["ETag"]
    url = reverse("api:delete_engagement", args=[tentative.uid])
    assert api.delete(url, HTTP_IF_MATCH=etag).status_code == 204
    assert list(visit.engagements.all()) == [confirmed]


@pytest.mark.django_db(transaction=True)
def test_same_etag_sent_at_once_lets_exactly_one_writer_through(officer, visit):
    """Eight officers read the visit, then all save at once: the If-Match check runs under the
    visit's lock, so one write lands and seven are told it is stale."""
    authorization = bearer(officer)
    etag = Client(HTTP_AUTHORIZATION=authorization).get(
        reverse("api:get_visit", args=[visit.reference])
    )["ETag"]
    start, statuses = threading.Barrier(8), []

    def save(n):
        try:
            client = Client(HTTP_AUTHORIZATION=authorization)
            start.wait()
            statuses.append(patch(client, visit, {"notes": f"officer {n}"}, etag).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=[n]) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(statuses) == [200] + [412] * 7
    assert Visit.history.filter(id=visit.pk, history_change_reason="Edited").count() == 1


def test_confidential_visit_created_over_the_api_is_led_by_its_creator(api, officer):
    body = {
        "kind": "official_visit",
        "occasion_fr": "Visite discrète",
        "occasion_en": "Discreet visit",
        "starts_on": "2027-07-08",
        "confidentiality": "confidential",
        "delegation": [{"guest": GuestFactory().pk}],
    }
    response = api.post(reverse("api:create_visit"), body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert Visit.objects.get(reference=response.json()["reference"]).lead_officer == officer


def test_a_change_that_would_hide_the_visit_from_its_author_is_400(api, visit):
    response = patch(api, visit, {"confidentiality": "confidential"}, "*")
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "confidentiality": [
            "You could no longer see this visit: make yourself its lead officer, "
            "or ask an officer cleared for confidential visits."
        ]
    }
    assert Visit.objects.get(pk=visit.pk).confidentiality == "public"


@pytest.mark.django_db(transaction=True)
def test_delegation_change_and_guest_rename_at_once_do_not_deadlock(officer, monkeypatch):
    """A new principal is checked (guest rows locked) while the same guest is renamed (their
    engagements locked): both take the engagements first, so one waits for the other."""
    import time

    from visits.services import delegation
    from visits.services.directory import update_record

    visit = VisitFactory(starts_on=date(2027, 7, 6), status="approved")
    EngagementFactory(visit=visit, status="confirmed")
    member = GuestFactory(name="Member")
    VisitGuest.objects.create(visit=visit, guest=member, role="member", position=1)
    principal = visit.participants.get(role="principal").guest
    checked = delegation.refuse_delegation_conflicts

    def slow_check(*args):
        checked(*args)
        time.sleep(0.5)  # the guest is locked; the rename starts meanwhile

    monkeypatch.setattr(delegation, "refuse_delegation_conflicts", slow_check)
    outcomes = {}

    def run(name, work):
        try:
            work()
            outcomes[name] = "ok"
        except Exception as error:  # noqa: BLE001 (the outcome is the assertion)
            outcomes[name] = repr(error)
        finally:
            connection.close()

    promote = threading.Thread(
        target=run,
        args=[
            "promote",
            lambda: delegation.change_delegation(
                visit, by=officer, delegation=[(principal, "principal"), (member, "principal")]
            ),
        ],
    )
    rename = threading.Thread(
        target=run, args=["rename", lambda: update_record(member, by=officer, name="Renamed")]
    )
    promote.start()
    time.sleep(0.2)
    rename.start()
    promote.join(timeout=30)
    rename.join(timeout=30)
    assert outcomes == {"promote": "ok", "rename": "ok"}


def transition(api, visit, body):
    url = reverse("api:move_visit", args=[visit.reference])
    return api.post(url, body, content_type="application/json")


def test_confirming_with_its_programme_confirms_the_tentative_engagements(api, visit):
    tentative = EngagementFactory(visit=visit, status="tentative")
    response = transition(api, visit, {"to": "confirmed", "confirm_programme": True})
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "confirmed"
    assert Engagement.objects.get(pk=tentative.pk).status == "confirmed"


def test_confirming_alone_leaves_the_programme_tentative(api, visit):
    tentative = EngagementFactory(visit=visit, status="tentative")
    assert transition(api, visit, {"to": "confirmed"}).status_code == 200
    assert Engagement.objects.get(pk=tentative.pk).status == "tentative"


def test_confirm_programme_with_another_move_is_400_naming_the_field(api, visit):
    tentative = EngagementFactory(visit=visit, status="tentative")
    response = transition(api, visit, {"to": "postponed", "confirm_programme": True})
    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["confirm_programme"]
    assert Visit.objects.get(pk=visit.pk).status == "approved"
    assert Engagement.objects.get(pk=tentative.pk).status == "tentative"


def test_confirming_a_visit_without_an_engagement_is_refused_naming_the_status(api):
    empty = VisitFactory(starts_on=date(2027, 7, 6), status="approved")
    response = transition(api, empty, {"to": "confirmed"})
    assert response.status_code == 409
    assert list(response.json()["fields"]) == ["status"]
    assert Visit.objects.get(pk=empty.pk).status == "approved"
