"""POST with an Idempotency-Key: a replay gets the first response, nothing is made twice."""

import hashlib
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import GuestFactory
from visits.models import ApiToken, IdempotentRequest, Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client, officer):
    _token, raw = ApiToken.issue(officer, "integration")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def create(api, body, key):
    return api.post(
        reverse("api:create_visit"),
        json.dumps(body),
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY=key,
    )


def fingerprint_of(body) -> str:
    """What the middleware keeps of a create_visit request sent by `create`."""
    url = reverse("api:create_visit").encode()
    return hashlib.sha256(b"\n".join([b"POST", url, json.dumps(body).encode()])).hexdigest()


def visit_body():
    return {
        "kind": "official_visit",
        "occasion_fr": "Visite",
        "occasion_en": "Visit",
        "starts_on": "2027-07-06",
        "delegation": [{"guest": GuestFactory().pk, "role": "principal"}],
    }


def test_replay_returns_the_first_response_and_creates_nothing(api):
    body = visit_body()
    first = create(api, body, "plan-rome-1")
    again = create(api, body, "plan-rome-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert Visit.objects.count() == 1


def test_duplicate_while_the_first_runs_is_409(api, officer):
    """The first copy's row is written, and committed, before its view runs."""
    body = visit_body()
    IdempotentRequest.objects.create(
        user=officer,
        key="running",
        fingerprint=fingerprint_of(body),
        lease_until=timezone.now() + timedelta(seconds=60),
    )
    response = create(api, body, "running")
    assert response.status_code == 409 and response.json()["error"] == "in_progress"
    assert not Visit.objects.exists()


def test_key_reused_for_another_request_is_422(api):
    create(api, visit_body(), "once")
    response = create(api, visit_body(), "once")
    assert response.status_code == 422 and response.json()["error"] == "idempotency_key_reused"
    assert Visit.objects.count() == 1


def test_refused_request_frees_its_key_for_a_corrected_retry(api):
    body = visit_body()
    refused = create(api, body | {"starts_on": "2027-02-30"}, "retry-me")
    assert refused.status_code == 422
    assert create(api, body | {"starts_on": "2027-02-28"}, "retry-me").status_code == 201


@pytest.mark.django_db(transaction=True)
def test_simultaneous_duplicates_create_one_visit(officer, monkeypatch):
    import threading
    import time

    from django.db import connection
    from django.test import Client

    from visits.api import visits as visit_api

    real_create = visit_api.services.create_visit

    def slow_create(**kwargs):
        time.sleep(0.3)  # the first copy is still running when the second arrives
        return real_create(**kwargs)

    monkeypatch.setattr(visit_api.services, "create_visit", slow_create)
    _token, raw = ApiToken.issue(officer, "integration")
    body, start, statuses = visit_body(), threading.Barrier(2), []

    def send():
        try:
            client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
            start.wait()
            statuses.append(create(client, body, "twice").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses) == [201, 409]
    assert Visit.objects.count() == 1
