"""Replies and check-ins at the same moment on PostgreSQL, from threads with their own
connections, released together: the engagement's lock (visits.services.invitations) gives
each place once, keeps the waiting list in the order the replies came, and an arrival is
recorded once.

200 acceptances come from 25 connections at once (PostgreSQL's 100 connections are shared with
the rest of the suite): each thread posts its share as fast as it can."""

import queue
import threading

import pytest
from django.db import connection

from tests.factories import EngagementFactory, VenueFactory
from visits.models import Guest, Invitation, Reply
from visits.models.invitations import Answer, ReplyState
from visits.services.invitations import check_in, invite, reply

CONNECTIONS = 25


def at_once(calls, connections=CONNECTIONS) -> list:
    """Runs `calls` from `connections` threads released together; the outcomes, or the errors
    (reported by the assertions, not lost in a thread)."""
    work = queue.SimpleQueue()
    for call in calls:
        work.put(call)
    start = threading.Barrier(min(connections, len(calls)))
    outcomes = []

    def run():
        try:
            start.wait()
            while True:
                try:
                    call = work.get_nowait()
                except queue.Empty:
                    return
                try:
                    outcomes.append(call())
                except Exception as error:
                    outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(min(connections, len(calls)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def invitations(places: int, count: int) -> list[Invitation]:
    engagement = EngagementFactory(venue=VenueFactory(capacity=places))
    guests = Guest.objects.bulk_create(Guest(name=f"Invité {n:03}") for n in range(count))
    return invite(engagement, guests, by=None)


def accepting(invitation):
    return lambda: reply(invitation, answer=Answer.ACCEPT).state


@pytest.mark.django_db(transaction=True)
def test_200_simultaneous_acceptances_for_150_places_accept_150_and_queue_50_in_order():
    invited = invitations(places=150, count=200)
    outcomes = at_once([accepting(one) for one in invited])
    assert sorted(outcomes) == ["accepted"] * 150 + ["waiting"] * 50
    waiting = list(Invitation.objects.filter(state=ReplyState.WAITING).order_by("queued"))
    assert [one.queued for one in waiting] == list(range(1, 51))
    # In the order they came: the order their replies were taken under the lock.
    came = Reply.objects.filter(outcome=ReplyState.WAITING).order_by("pk")
    assert [one.pk for one in waiting] == list(came.values_list("invitation_id", flat=True))


@pytest.mark.django_db(transaction=True)
def test_a_decline_posted_twice_at_once_frees_one_place_for_the_first_waiting():
    invited = invitations(places=2, count=4)
    for one in invited:
        reply(one, answer=Answer.ACCEPT)
    leaving = invited[0]
    at_once([lambda: reply(leaving, answer=Answer.DECLINE).state] * 2)
    states = [Invitation.objects.get(pk=one.pk).state for one in invited]
    assert states == ["declined", "accepted", "accepted", "waiting"]
    assert Reply.objects.filter(invitation=leaving, answer=Answer.DECLINE).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_acceptance_posted_at_once_counts_once():
    (invitation,) = invitations(places=10, count=1)
    outcomes = at_once([accepting(invitation)] * 6)
    assert outcomes == ["accepted"] * 6
    assert Reply.objects.filter(invitation=invitation).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_check_ins_of_one_invitee_at_once_record_one_arrival():
    (invitation,) = invitations(places=None, count=1)
    outcomes = at_once([lambda: check_in(invitation, by=None)] * 2)
    assert sorted(outcomes) == [False, True]
    assert Invitation.objects.filter(arrived_at__isnull=False).count() == 1
