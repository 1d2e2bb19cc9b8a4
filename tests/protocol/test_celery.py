"""A task goes through the real Redis to a real worker and its result comes back."""

from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from protocol.celery import app
from visits.tasks import clear_expired_sessions


@pytest.fixture
def worker():
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield


def test_celery_uses_redis_when_redis_url_is_set():
    assert app.conf.broker_url == settings.REDIS_URL
    assert app.connection_for_write().transport.driver_type == "redis"


def test_beat_schedule_holds_the_daily_tasks():
    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert tasks == {
        "visits.tasks.clear_expired_sessions",
        "visits.tasks.forget_idempotency_keys",
        "visits.tasks.erase_needs_past_their_time",
        "visits.tasks.mark_held_visits",
        "visits.tasks.dispatch_due_reminders",
        "visits.tasks.plan_daily_agendas",
    }
    assert app.conf.beat_schedule["dispatch-reminders"]["schedule"] == 60.0
    agendas = app.conf.beat_schedule["daily-agendas"]["schedule"]  # in TIME_ZONE (Paris)
    assert (min(agendas.hour), min(agendas.minute)) == (18, 0)
    assert all(task in app.tasks for task in tasks)


@pytest.mark.django_db(transaction=True)
def test_task_round_trip_through_redis_to_a_worker(worker):
    expired = SessionStore()
    expired.create()
    Session.objects.filter(pk=expired.session_key).update(
        expire_date=timezone.now() - timedelta(days=1)
    )
    current = SessionStore()
    current.create()

    result = clear_expired_sessions.delay()

    assert result.get(timeout=30) == 1
    assert list(Session.objects.values_list("pk", flat=True)) == [current.session_key]
