"""Each process listens for PostgreSQL's notice of a change to the public data: between two
changes a kept page costs no query at all, and a change shows as soon as its notice comes."""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tests.public.test_guests_page import received, url
from visits.models import Visit
from visits.queries import state_watch

pytestmark = pytest.mark.django_db(transaction=True)  # notices are sent at commit


def soon(condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"not within {seconds} s: {condition.__doc__ or condition}")
        time.sleep(0.02)


@pytest.fixture
def watch(settings):
    settings.PUBLIC_STATE_LISTEN = True
    state_watch.stop()
    watch = state_watch.current()
    soon(lambda: watch.listening)
    yield watch
    state_watch.stop()


def test_a_kept_page_costs_no_query_between_two_changes(client, watch, django_assert_num_queries):
    received("Roberto Gualtieri")
    client.get(url())  # reads the state once, renders, keeps
    with django_assert_num_queries(0):
        again = client.get(url())
    assert "Roberto Gualtieri" in again.content.decode()


def test_a_committed_change_shows_once_its_notice_comes(client, watch):
    visit = received("Roberto Gualtieri")
    assert "Official visit" in client.get(url()).content.decode()
    generation = watch.generation
    Visit.objects.filter(pk=visit.pk).update(occasion_en="Signing of the Golden Book")
    soon(lambda: watch.generation > generation)
    assert "Signing of the Golden Book" in client.get(url()).content.decode()


def test_without_its_listener_each_page_reads_the_state_until_it_is_back(
    client, watch, django_assert_num_queries
):
    received("Roberto Gualtieri")
    client.get(url())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE query = %s AND pid <> pg_backend_pid()",
            [f"LISTEN {state_watch.CHANNEL}"],
        )
    soon(lambda: not watch.listening)
    with django_assert_num_queries(1):  # the state, read at each page again
        client.get(url())
    Visit.objects.update(occasion_en="Changed while nobody listened")
    assert "Changed while nobody listened" in client.get(url()).content.decode()
    soon(lambda: watch.listening, seconds=state_watch.RETRY_SECONDS + 5)
    client.get(url())
    with django_assert_num_queries(0):
        assert "Changed while nobody listened" in client.get(url()).content.decode()


def test_a_read_holds_only_until_the_next_embargo_lifts(client, watch, monkeypatch):
    received("Embargoed Guest", embargo_until=timezone.now() + timedelta(hours=1))
    assert "Embargoed Guest" not in client.get(url()).content.decode()
    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Embargoed Guest" in client.get(url()).content.decode()
