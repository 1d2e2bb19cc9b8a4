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
