"""An Idempotency-Key whose first request died (worker killed, connection lost, timeout) is
not blocked forever: its claim holds for a lease (IDEMPOTENCY_LEASE seconds), after which one
retry, and only one, takes it over and runs the request. A request that fails on its own frees
its key at once. A request still running keeps its claim, however long it takes."""

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from tests.api.test_idempotency import create, fingerprint_of, visit_body
from tests.reminders.workers import database_url_for_processes
from visits.api import visits as visit_api
from visits.models import ApiToken, IdempotentRequest, Visit

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def token(officer) -> str:
    _token, raw = ApiToken.issue(officer, "integration")
    return f"Bearer {raw}"


def client_with(token) -> Client:
    return Client(HTTP_AUTHORIZATION=token, HTTP_ACCEPT_LANGUAGE="en")


def claim_left_behind(officer, body, key, lease_until):
    """The row a first request left when it died before answering."""
    return IdempotentRequest.objects.create(
        user=officer, key=key, fingerprint=fingerprint_of(body), lease_until=lease_until
    )


@pytest.mark.django_db
def test_claim_within_its_lease_answers_409_saying_when_to_retry(officer, token):
    body = visit_body()
    claim_left_behind(officer, body, "running", timezone.now() + timedelta(seconds=42))
    response = create(client_with(token), body, "running")
    assert response.status_code == 409 and response.json()["error"] == "in_progress"
    assert 41 <= int(response["Retry-After"]) <= 42
    assert not Visit.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("lease_until", [timedelta(seconds=-1), None], ids=["lapsed", "none"])
def test_claim_whose_lease_lapsed_is_taken_over_and_run_once(officer, token, lease_until):
    """None: a claim left by the release before leases, whose request can only be dead."""
    body = visit_body()
    until = None if lease_until is None else timezone.now() + lease_until
    claim_left_behind(officer, body, "died", until)
    first = create(client_with(token), body, "died")
    assert first.status_code == 201, first.content
    again = create(client_with(token), body, "died")
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json() and Visit.objects.count() == 1
    claim = IdempotentRequest.objects.get(key="died")
    assert (claim.status_code, claim.lease_until) == (201, None)


@pytest.mark.django_db
def test_lapsed_claim_is_not_taken_over_by_another_body(officer, token):
    claim_left_behind(officer, visit_body(), "died", timezone.now() - timedelta(seconds=1))
    response = create(client_with(token), visit_body(), "died")
    assert response.status_code == 422 and response.json()["error"] == "idempotency_key_reused"
    assert not Visit.objects.exists()


@pytest.mark.django_db
def test_request_that_raises_frees_its_key_at_once(officer, token, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the service fell over")

    real_create = visit_api.services.create_visit
    monkeypatch.setattr(visit_api.services, "create_visit", broken)
    body = visit_body()
    client = client_with(token)
    client.raise_request_exception = False
    assert create(client, body, "fell-over").status_code == 500
    assert not IdempotentRequest.objects.filter(key="fell-over").exists()
    monkeypatch.setattr(visit_api.services, "create_visit", real_create)
    assert create(client, body, "fell-over").status_code == 201


# --- with real commits: a process that dies, retries racing, a slow first request -----------


def in_threads(*targets):
    threads = [threading.Thread(target=target) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)


def closing_connection(function):
    def run():
        try:
            function()
        finally:
            connection.close()

    return run


@pytest.mark.django_db(transaction=True)
def test_request_killed_mid_way_runs_once_after_its_lease(officer, token):
    """A real process, killed (SIGKILL) after the service wrote the visit and before the
    request's transaction committed: the visit is gone with it, the claim stays for its lease,
    then one retry runs the request."""
    body = visit_body()
    script = textwrap.dedent(
        """
        import os, signal, sys
        import django
        django.setup()
        from django.test import Client
        from django.test.utils import setup_test_environment
        from visits.api import visits as visit_api

        setup_test_environment()
        real_create = visit_api.services.create_visit

        def create_then_die(**kwargs):
            real_create(**kwargs)
            os.kill(os.getpid(), signal.SIGKILL)

        visit_api.services.create_visit = create_then_die
        Client(HTTP_AUTHORIZATION=sys.argv[1]).post(
            "/api/v1/visits", sys.argv[2], content_type="application/json",
            HTTP_IDEMPOTENCY_KEY="killed",
        )
        """
    )
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": database_url_for_processes(),
        "IDEMPOTENCY_LEASE": "3",
    }
    started = timezone.now()
    died = subprocess.run(
        [sys.executable, "-c", script, token, json.dumps(body)], cwd=ROOT, env=env, timeout=120
    )
    assert died.returncode == -signal.SIGKILL
    claim = IdempotentRequest.objects.get(key="killed")
    assert claim.status_code is None and claim.lease_until > started
    assert not Visit.objects.exists()  # its transaction died with it

    client = client_with(token)
    if timezone.now() < claim.lease_until:
        assert create(client, body, "killed").status_code == 409
    time.sleep(max(0, (claim.lease_until - timezone.now()).total_seconds()) + 0.1)
    retried = create(client, body, "killed")
    assert retried.status_code == 201, retried.content
    assert create(client, body, "killed")["Idempotent-Replayed"] == "true"
    assert Visit.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_request_whose_database_connection_dies_frees_its_key(officer, token, monkeypatch):
    """The server ends the request's connection after the service wrote the visit: the write
    is lost with the transaction, and the request's failure path frees the key (on a new
    connection), so a retry runs at once."""
    real_create = visit_api.services.create_visit

    def create_then_lose_the_connection(**kwargs):
        real_create(**kwargs)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")

    monkeypatch.setattr(visit_api.services, "create_visit", create_then_lose_the_connection)
    body, statuses = visit_body(), []

    @closing_connection
    def dying_request():
        client = client_with(token)
        client.raise_request_exception = False
        statuses.append(create(client, body, "lost").status_code)

    in_threads(dying_request)
    assert statuses == [500]
    assert not Visit.objects.exists() and not IdempotentRequest.objects.exists()
    monkeypatch.setattr(visit_api.services, "create_visit", real_create)
    assert create(client_with(token), body, "lost").status_code == 201
    assert Visit.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_retries_after_the_lease_run_the_request_once(officer, token, monkeypatch):
    real_create = visit_api.services.create_visit

    def slow_create(**kwargs):
        time.sleep(0.3)  # the winner is still running when the other retry arrives
        return real_create(**kwargs)

    monkeypatch.setattr(visit_api.services, "create_visit", slow_create)
    body = visit_body()
    claim_left_behind(officer, body, "died", timezone.now() - timedelta(seconds=5))
    start, statuses = threading.Barrier(2), []

    @closing_connection
    def retry():
        client = client_with(token)
        start.wait()
        statuses.append(create(client, body, "died").status_code)

    in_threads(retry, retry)
    assert sorted(statuses) == [201, 409]
    assert Visit.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_request_running_past_its_lease_keeps_its_claim(officer, token, monkeypatch, settings):
    """The lease frees the claim of a request that died, not of one still running: a retry
    after the lease waits for the running request, then gets its answer."""
    settings.IDEMPOTENCY_LEASE = 1
    real_create = visit_api.services.create_visit

    def slow_create(**kwargs):
        time.sleep(2.5)
        return real_create(**kwargs)

    monkeypatch.setattr(visit_api.services, "create_visit", slow_create)
    body, responses = visit_body(), {}

    @closing_connection
    def first():
        responses["first"] = create(client_with(token), body, "slow")

    @closing_connection
    def retry_after_the_lease():
        time.sleep(1.5)
        responses["retry"] = create(client_with(token), body, "slow")

    in_threads(first, retry_after_the_lease)
    assert responses["first"].status_code == responses["retry"].status_code == 201
    assert responses["retry"]["Idempotent-Replayed"] == "true"
    assert responses["retry"].json() == responses["first"].json()
    assert Visit.objects.count() == 1
