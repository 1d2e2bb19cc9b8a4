"""Simultaneous bookings on PostgreSQL, from threads with their own connections: the row locks
taken before the overlap check (DESIGN.md, decision 3) let exactly one win."""

import threading

import pytest
from django.db import connection

from tests.factories import GuestFactory, HostFactory, VenueFactory, VisitFactory
from tests.visits.test_engagement_services import DAY, at, book
from visits import services
from visits.models import Engagement
from visits.models.choices import VisitStatus
from visits.services import conflicts

ATTEMPTS = 12


def book_at_once(attempts, slow_check):
    """Runs every attempt in its own thread, released together; returns the outcomes."""
    start = threading.Barrier(len(attempts))
    outcomes = []

    def run(attempt):
        try:
            start.wait()
            attempt()
            outcomes.append("booked")
        except services.Conflict:
            outcomes.append("refused")
        except Exception as error:  # reported by the assertion, not lost in a thread
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(attempt,)) for attempt in attempts]
    with slow_check():
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    return sorted(outcomes)


@pytest.fixture
def slow_check(monkeypatch):
    """Widens the race: each booking pauses between its check and its write, so without the
    locks every thread would see a free slot."""
    import contextlib
    import time

    real = conflicts.refuse_conflicts

    def check_then_pause(booking, viewer):
        real(booking, viewer)
        time.sleep(0.05)

    @contextlib.contextmanager
    def patched():
        monkeypatch.setattr(conflicts, "refuse_conflicts", check_then_pause)
        monkeypatch.setattr(services.engagements, "refuse_conflicts", check_then_pause)
        yield

    return patched


def visits(count):
    return [VisitFactory(starts_on=DAY, status=VisitStatus.APPROVED) for _ in range(count)]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_bookings_of_one_room_and_slot_let_exactly_one_win(
    cleared_officer, slow_check
):
    room = VenueFactory()
    attempts = [
        lambda visit=visit: book(visit, cleared_officer, at(10), at(11), venue=room)
        for visit in visits(ATTEMPTS)
    ]
    outcomes = book_at_once(attempts, slow_check)
    assert outcomes == ["booked"] + ["refused"] * (ATTEMPTS - 1)
    assert Engagement.objects.filter(venue=room).count() == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_bookings_of_one_host_in_different_rooms_let_exactly_one_win(
    cleared_officer, slow_check
):
    mayor = HostFactory()
    attempts = [
        lambda visit=visit: book(
            visit, cleared_officer, at(10), at(11), venue=VenueFactory(), hosts=[mayor]
        )
        for visit in visits(ATTEMPTS)
    ]
    outcomes = book_at_once(attempts, slow_check)
    assert outcomes == ["booked"] + ["refused"] * (ATTEMPTS - 1)
    assert Engagement.objects.filter(hosts=mayor).count() == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_bookings_of_one_principal_guest_let_exactly_one_win(
    cleared_officer, slow_check
):
    guest = GuestFactory()
    attempts = [
        lambda visit=visit: book(visit, cleared_officer, at(10), at(11), venue=VenueFactory())
        for visit in (
            VisitFactory(starts_on=DAY, status=VisitStatus.APPROVED, principal=guest)
            for _ in range(ATTEMPTS)
        )
    ]
    outcomes = book_at_once(attempts, slow_check)
    assert outcomes == ["booked"] + ["refused"] * (ATTEMPTS - 1)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_reschedules_into_one_slot_let_exactly_one_win(cleared_officer, slow_check):
    room = VenueFactory()
    engagements = [
        book(visit, cleared_officer, at(8 + 2 * n), at(9 + 2 * n), venue=room)
        for n, visit in enumerate(visits(4))
    ]
    attempts = [
        lambda engagement=engagement: services.reschedule_engagement(
            engagement, by=cleared_officer, starts_at=at(17), ends_at=at(18)
        )
        for engagement in engagements
    ]
    outcomes = book_at_once(attempts, slow_check)
    assert outcomes == ["booked"] + ["refused"] * 3
    assert Engagement.objects.filter(venue=room, starts_at=at(17)).count() == 1


@pytest.mark.django_db(transaction=True)
def test_visit_moves_and_engagement_edits_at_once_never_deadlock(cleared_officer):
    """Every write locks the visit before its engagements, so these wait, never deadlock."""
    import contextlib

    outcomes = []
    for _round in range(4):
        visit = VisitFactory(starts_on=DAY, status=VisitStatus.UNDER_REVIEW)
        engagements = [
            book(visit, cleared_officer, at(8 + n), at(8 + n, 30), venue=VenueFactory())
            for n in range(3)
        ]
        move = lambda visit=visit: services.move_visit(  # noqa: E731
            visit, VisitStatus.POSTPONED, by=cleared_officer
        )
        edits = [
            lambda engagement=engagement: services.update_engagement(
                engagement, by=cleared_officer, notes="Drapeaux", title_en="Changed"
            )
            for engagement in engagements
        ]
        outcomes += book_at_once([move, *edits, *edits], contextlib.nullcontext)
    assert set(outcomes) == {"booked"}
    assert set(Engagement.objects.values_list("status", "title_en")) == {("postponed", "Changed")}


@pytest.mark.django_db(transaction=True)
def test_bulk_actions_on_overlapping_selections_wait_for_each_other(cleared_officer, monkeypatch):
    """Each action runs in its request's one transaction; with the engagements taken in time
    order, two selections crossing two visits locked them in opposite orders."""
    import time

    from django.test import Client
    from django.urls import reverse

    from visits.admin import engagements as engagement_admin

    first, second = visits(2)
    early = book(first, cleared_officer, at(9), at(10), location="Parvis")
    middle = book(second, cleared_officer, at(10), at(11), location="Parvis")
    late = book(first, cleared_officer, at(11), at(12), location="Parvis")
    real_cancel = engagement_admin.cancel_engagement

    def slow_cancel(engagement, by):
        result = real_cancel(engagement, by=by)
        time.sleep(0.2)  # holds this visit's lock while the other request takes its own
        return result

    monkeypatch.setattr(engagement_admin, "cancel_engagement", slow_cancel)

    def post(selection):
        def action():
            client = Client(raise_request_exception=False)
            client.force_login(cleared_officer)
            response = client.post(
                reverse("admin:visits_engagement_changelist"),
                {"action": "cancel_selected", "_selected_action": [e.pk for e in selection]},
            )
            if response.status_code != 302:
                raise AssertionError(response.status_code)

        return action

    import contextlib

    outcomes = book_at_once([post([early, middle]), post([middle, late])], contextlib.nullcontext)
    assert outcomes == ["booked", "booked"]
    assert set(Engagement.objects.values_list("status", flat=True)) == {"cancelled"}
