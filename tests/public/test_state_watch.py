"""Each process listens for PostgreSQL's notice of a change to the public data: between two
changes a kept page costs no query at all, and a change shows as soon as its notice comes."""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tests.public.black_hole import BlackHoleProxy
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


def notices_in(watch) -> None:
    """Every notice of what was committed until now has come: the listener's next answered
    question proves it (visits/queries/state_watch.py). A page kept before a late notice is
    read again after it, as it should be: that is not what the query counts below measure."""
    asked_after = time.monotonic()
    soon(lambda: watch.alive_at > asked_after)


def test_a_kept_page_costs_no_query_between_two_changes(client, watch, django_assert_num_queries):
    received("Roberto Gualtieri")
    notices_in(watch)
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


@pytest.fixture
def proxy(settings):
    """Between the listener and PostgreSQL: a proxy that can drop the connection silently."""
    settings.PUBLIC_STATE_LISTEN = True
    params = state_watch.listener_params()
    host, port = params.get("host") or "/var/run/postgresql", int(params.get("port") or 5432)
    target = f"{host}/.s.PGSQL.{port}" if host.startswith("/") else (host, port)
    state_watch.stop()
    with BlackHoleProxy(target) as proxy:
        proxy.params = {**params, "host": "127.0.0.1", "port": proxy.port, "connect_timeout": 2}
        yield proxy
        state_watch.stop()


def test_a_kept_state_older_than_the_maximum_age_is_read_again_though_the_listener_hears_nothing(
    client, proxy
):
    max_age = 0.5
    watch = state_watch.start(state_watch.StateWatch(max_age, heartbeat_every=3600), proxy.params)
    soon(lambda: watch.listening)
    received("Roberto Gualtieri")
    client.get(url())
    generation = watch.generation
    proxy.black_hole()
    Visit.objects.update(occasion_en="Changed behind the black hole")
    committed = time.monotonic()
    soon(lambda: "Changed behind the black hole" in client.get(url()).content.decode())
    assert time.monotonic() - committed < max_age + 0.3
    # No notice came and the listener still believes it listens: the age alone did it.
    assert watch.listening and watch.generation == generation


def test_the_heartbeat_notices_a_silently_dropped_connection_and_listens_again(
    client, proxy, settings, monkeypatch, django_assert_num_queries
):
    settings.PUBLIC_STATE_MAX_AGE = 2.0  # a heartbeat every 0.5 s, answered within 1 s
    monkeypatch.setattr(state_watch, "listener_params", lambda: proxy.params)
    watch = state_watch.current()
    soon(lambda: watch.listening)
    received("Roberto Gualtieri")
    notices_in(watch)
    client.get(url())
    with django_assert_num_queries(0):
        client.get(url())
    proxy.black_hole()
    dropped = time.monotonic()
    soon(lambda: not watch.listening)
    assert time.monotonic() - dropped < 0.5 + 1.0 + 0.5
    Visit.objects.update(occasion_en="Changed while nobody listened")
    assert "Changed while nobody listened" in client.get(url()).content.decode()
    with django_assert_num_queries(1):  # the state, read at each page while it is away
        client.get(url())
    time.sleep(1.0)
    assert not watch.listening  # it tries again, but nothing comes back through the hole
    proxy.forward_again()
    accepted = proxy.accepted
    soon(lambda: watch.listening, seconds=2 + state_watch.RETRY_SECONDS + 5)
    assert proxy.accepted > accepted  # through the proxy again
    client.get(url())
    with django_assert_num_queries(0):
        assert "Changed while nobody listened" in client.get(url()).content.decode()
