"""The delegation edited on a visit's admin page is written by `change_delegation`, as the API
writes it: its checks, its history, its lock order; a refusal undoes the whole page's save."""

import threading
import time

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.factories import GuestFactory, VenueFactory, VisitFactory
from tests.visits.test_engagement_services import DAY, at, book
from tests.visits.test_planning_in_admin import visit_change_form
from visits.models import Visit, VisitGuest
from visits.services import conflicts
from visits.services.directory import update_record

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def with_row(data, number, guest, role, position=None):
    """`data` with delegation row `number` (a new one if beyond those shown) set."""
    total = max(int(data["participants-TOTAL_FORMS"]), number + 1)
    return data | {
        "participants-TOTAL_FORMS": str(total),
        f"participants-{number}-guest": guest.pk,
        f"participants-{number}-role": role,
        f"participants-{number}-position": str(number if position is None else position),
    }


def post_change(client, visit, data):
    return client.post(reverse("admin:visits_visit_change", args=[visit.pk]), data)


def delegation_errors(response) -> list[str]:
    inline = next(
        f for f in response.context["inline_admin_formsets"] if f.formset.prefix == "participants"
    )
    return list(inline.formset.non_form_errors())


def test_a_clashing_principal_is_refused_and_nothing_of_the_page_is_saved(officer_client, officer):
    guest = GuestFactory(name="Roberto Gualtieri")
    busy = VisitFactory(starts_on=DAY, principal=guest)
    book(busy, officer, at(10), at(11), venue=VenueFactory(), title_en="Rome reception")
    visit = VisitFactory(starts_on=DAY, occasion_en="Visit")
    book(visit, officer, at(10, 30), at(11, 30), venue=VenueFactory())
    data = with_row(
        visit_change_form(visit, occasion_en="Renamed", notes="new"), 1, guest, "principal"
    )
    response = post_change(officer_client, visit, data)
    assert response.status_code == 200
    [error] = delegation_errors(response)
    assert error.startswith("Roberto Gualtieri is already expected at “Rome reception”")
    visit.refresh_from_db()
    assert (visit.occasion_en, visit.notes, visit.history.count()) == ("Visit", "", 1)
    assert not visit.participants.filter(guest=guest).exists()


def test_a_delegation_without_a_principal_is_refused_and_the_visit_kept(officer_client):
    visit = VisitFactory(starts_on=DAY, occasion_en="Visit")
    principal = visit.participants.get()
    data = visit_change_form(visit, occasion_en="Renamed") | {
        "participants-0-guest": principal.guest_id,
        "participants-0-role": "interpreter",
        "participants-0-position": "0",
    }
    response = post_change(officer_client, visit, data)
    assert delegation_errors(response) == ["A visit needs at least one principal guest."]
    visit.refresh_from_db()
    assert visit.occasion_en == "Visit"
    assert visit.participants.get().role == "principal"


def test_a_delegation_edited_in_the_admin_is_recorded_as_the_api_records_it(
    officer_client, officer
):
    visit = VisitFactory(starts_on=DAY)
    engagement = book(visit, officer, at(10), at(11), venue=VenueFactory())
    interpreter = GuestFactory(name="Lucia Bianchi")
    data = with_row(visit_change_form(visit), 1, interpreter, "interpreter", position=7)
    response = post_change(officer_client, visit, data)
    assert response.status_code == 302
    row = VisitGuest.objects.get(guest=interpreter)
    latest = row.history.first()
    assert (row.position, latest.history_change_reason, latest.history_user) == (
        1,  # the order, counted as the service counts it
        "Added to the delegation",
        officer,
    )
    engagement.refresh_from_db()
    assert engagement.sequence == 1  # calendar entries name the guests

    data = visit_change_form(visit) | {"participants-1-DELETE": "on"}
    response = post_change(officer_client, visit, data)
    assert response.status_code == 302
    removed = VisitGuest.history.filter(guest_id=interpreter.pk).first()
    assert (removed.history_type, removed.history_change_reason) == (
        "-",
        "Removed from the delegation",
    )
    assert list(Visit.objects.get(pk=visit.pk).guests.all()) == [visit.guests.get()]


def test_a_new_visit_is_created_with_its_delegation_as_the_api_creates_it(officer_client, officer):
    from tests.visits.test_admin_forms import visit_form

    guest = GuestFactory()
    response = officer_client.post(
        reverse("admin:visits_visit_add"), visit_form((guest.pk, "principal"))
    )
    assert response.status_code == 302
    visit = Visit.objects.get()
    row = visit.participants.get()
    assert (row.guest, row.history.get().history_change_reason) == (guest, "Created")
    assert [h.history_change_reason for h in visit.history.all()] == ["Created"]


@pytest.mark.django_db(transaction=True)
def test_a_delegation_change_in_the_admin_and_a_guest_rename_at_once_do_not_deadlock(
    officer, monkeypatch
):
    """Promoting a guest locks their row; renaming them locks the engagements showing them
    first. Both must take the engagements first, as the services do, or they deadlock."""
    visit = VisitFactory(starts_on=DAY, status="approved")
    book(visit, None, at(10), at(11), venue=VenueFactory())
    member = GuestFactory(name="Member")
    VisitGuest.objects.create(visit=visit, guest=member, role="member", position=1)
    locked, guest_locked = conflicts.lock_resources, threading.Event()

    def slow_lock(booking):
        venue = locked(booking)
        if member in booking.guests:
            guest_locked.set()  # the rename starts now
            time.sleep(0.5)
        return venue

    monkeypatch.setattr(conflicts, "lock_resources", slow_lock)
    outcomes = {}

    def run(name, work):
        try:
            outcomes[name] = work()
        except Exception as error:  # noqa: BLE001 (the outcome is the assertion)
            outcomes[name] = repr(error)
        finally:
            connection.close()

    def promote():
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(officer)
        data = visit_change_form(visit) | {"participants-1-role": "principal"}
        return post_change(client, visit, data).status_code

    def rename():
        assert guest_locked.wait(timeout=10)
        update_record(member, by=officer, name="Renamed")
        return "renamed"

    threads = [
        threading.Thread(target=run, args=["promote", promote]),
        threading.Thread(target=run, args=["rename", rename]),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes == {"promote": 302, "rename": "renamed"}
    assert set(visit.participants.values_list("role", flat=True)) == {"principal"}
