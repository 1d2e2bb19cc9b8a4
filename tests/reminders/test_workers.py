"""Reminders with the moving parts of production: two workers, two ticks, a worker killed in
the middle of a batch, Redis stopped while an engagement is booked."""

import asyncio
import shutil
import subprocess
from collections import Counter
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format

from tests.factories import EngagementFactory, VisitFactory
from tests.reminders.conftest import free_port
from tests.reminders.test_sending import make_due, plan_visit
from tests.reminders.workers import (
    Worker,
    environment,
    redis_answers,
    start_tick,
    tick,
    wait_until,
)
from visits.models import Reminder, ReminderKind, StaffProfile
from visits.services.dispatch import CHUNK

pytestmark = pytest.mark.django_db(transaction=True)


def due_agendas(user, count: int) -> set[str]:
    """`count` due reminders with one subject each (the day of an agenda): a duplicate is then
    two messages with one subject."""
    StaffProfile.objects.update_or_create(user=user, defaults={"language": "en"})
    first = date(2030, 1, 1)
    days = [first + timedelta(days=n) for n in range(count)]
    for day in days:  # an agenda with nothing in it is not sent
        EngagementFactory(visit=VisitFactory(starts_on=day, confidentiality="restricted"))
    Reminder.objects.bulk_create(
        Reminder(
            key=f"agenda:{day.isoformat()}:{user.pk}",
            kind=ReminderKind.AGENDA,
            recipient=user,
            due_at=timezone.now(),
            details={"day": day.isoformat()},
        )
        for day in days
    )
    with translation.override("en"):
        return {f"Your agenda for {date_format(day, 'DATE_FORMAT')}" for day in days}


def subjects(inbox) -> Counter:
    return Counter(" ".join(str(m["Subject"]).split()) for m in inbox.messages)


def all_sent() -> bool:
    return not Reminder.objects.exclude(status="sent").exists()


def test_two_workers_and_two_ticks_send_each_reminder_once(officer, smtp, tmp_path):
    expected = due_agendas(officer, 60)
    env = environment(smtp.port, settings.REDIS_URL, tmp_path)
    workers = [Worker(env, tmp_path / f"w{n}.log", f"w{n}") for n in (1, 2)]
    try:
        ticks = [start_tick(env) for _ in range(2)]  # two beat ticks at once
        for process in ticks:
            process.wait(timeout=60)
        wait_until(all_sent, 60)
    finally:
        for worker in workers:
            worker.stop()
    received = subjects(smtp)
    assert set(received) == expected
    assert max(received.values()) == 1
    handled = [w.log.read_text().count("send_reminders") for w in workers]
    assert all(handled), handled  # both workers took batches


def test_a_worker_killed_mid_batch_loses_nothing(officer, smtp, tmp_path, record_property):
    """SIGKILL while it sends: the rows it had claimed wait REMINDER_STUCK_AFTER (2 s here),
    then another worker sends them. Only messages in flight (sent, not yet recorded: a chunk
    per thread) can go out twice; the test reports how many did."""
    expected = due_agendas(officer, 150)
    slow = smtp.handle_DATA

    async def slow_data(server, session, envelope):
        await asyncio.sleep(0.02)  # a real server's pace, so that the kill lands mid-batch
        return await slow(server, session, envelope)

    smtp.handle_DATA = slow_data
    env = environment(smtp.port, settings.REDIS_URL, tmp_path)
    first = Worker(env, tmp_path / "first.log", "first")
    try:
        assert tick(env).returncode == 0
        wait_until(lambda: len(smtp.messages) >= 40, 60)
        first.kill()
    finally:
        first.stop()
    at_kill = len(smtp.messages)
    second = Worker(env, tmp_path / "second.log", "second")
    try:
        wait_until(all_sent, 90, every=1, then=lambda: tick(env))
    finally:
        second.stop()
    received = subjects(smtp)
    twice = sum(count - 1 for count in received.values())
    record_property("sent_twice", twice)
    print(
        f"\n{len(expected)} reminders, worker killed after {at_kill} messages: sent twice: {twice}"
    )
    assert set(received) == expected  # none lost
    assert twice <= 2 * CHUNK  # at most the chunk in flight in each of its two threads


def test_redis_down_while_booking_then_back(officer, smtp, tmp_path):
    """The booking writes rows, not messages: it succeeds with Redis stopped. A tick then
    cannot hand anything to a worker and gives the rows back; once Redis is back they go out."""
    port = free_port()
    redis_url = f"redis://127.0.0.1:{port}/0"
    env = environment(smtp.port, redis_url, tmp_path)
    engagement = plan_visit(officer)  # Redis (this one) is not running
    reminder = make_due(engagement)
    refused = tick(env)
    assert refused.returncode != 0  # no broker to hand the batch to
    assert Reminder.objects.get(pk=reminder.pk).status == "pending"  # given back, not lost
    redis = subprocess.Popen(
        [shutil.which("redis-server"), "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: redis_answers(port), 20)
        worker = Worker(env, tmp_path / "worker.log", "back")
        try:
            assert tick(env).returncode == 0
            wait_until(lambda: Reminder.objects.get(pk=reminder.pk).status == "sent", 30)
        finally:
            worker.stop()
    finally:
        redis.terminate()
        redis.wait(timeout=10)
    assert [" ".join(str(m["Subject"]).split()) for m in smtp.messages] == [
        "Reminder: Reception, July 6, 2027, 10:00–11:00"
    ]
