"""10,000 due reminders drained by one worker (threads, concurrency 2) on Redis and
PostgreSQL, sending to the locmem mail backend, against the rate at which the same worker runs
10,000 empty tasks, in the same run."""

import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone

from visits.models import Engagement, Reminder, ReminderKind, ReminderStatus, StaffProfile

ROOT = Path(__file__).resolve().parents[1]
CELERY = str(Path(sys.executable).with_name("celery"))


def worker_env(mail_dir: Path) -> dict:
    db = connection.settings_dict
    kept = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME")}
    return {
        **kept,
        "DJANGO_SETTINGS_MODULE": "protocol.settings",
        "SECRET_KEY": settings.SECRET_KEY,  # as the web's: invitations' links are derived with it
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        "EMAIL_URL": f"filemail:///{mail_dir.resolve()}",
        "SECURE_SSL_REDIRECT": "false",
    }


def start_worker(log: Path, mail_dir: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [CELERY, "-A", "protocol", "worker", "-I", "bench.tasks", "--pool=prefork",
         "--concurrency=2", "--without-mingle", "--without-gossip", "--loglevel=INFO"],
        cwd=ROOT, env=worker_env(mail_dir), stdout=log.open("w"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while "ready." not in log.read_text():
        if time.monotonic() > deadline or process.poll() is not None:
            raise RuntimeError(log.read_text())
        time.sleep(0.2)
    return process


def wait_for(done, seconds=600) -> None:
    # Polled every quarter second: oftener, counting sent rows would take the workers' CPU.
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError("timed out")
        time.sleep(0.25)


def due_reminders(admin, count: int) -> None:
    """`count` reminders of one engagement (with its .ics), due now, for the admin."""
    Reminder.objects.filter(key__startswith="bench:").delete()
    StaffProfile.objects.update_or_create(user=admin, defaults={"email": "admin@example.org"})
    engagement = Engagement.objects.filter(visit__lead_officer=admin).order_by("pk").first()
    engagement = engagement or Engagement.objects.order_by("pk").first()
    now = timezone.now()
    Reminder.objects.bulk_create(
        (
            Reminder(
                key=f"bench:{n}",
                kind=ReminderKind.ENGAGEMENT,
                recipient=admin,
                engagement=engagement,
                due_at=now,
            )
            for n in range(count)
        ),
        batch_size=2000,
    )


def messages_per_reminder(mail_dir: Path) -> Counter:
    """The file backend writes each connection's messages to a file: count the keys."""
    keys = Counter()
    for path in mail_dir.iterdir():
        for line in path.read_text(errors="replace").splitlines():
            if line.startswith("X-Protocol-Reminder: bench:"):
                keys[line.split(": ", 1)[1]] += 1
    return keys


def run(
    admin, count: int = 10_000, work_dir: Path = Path("var/bench"), make_rows=due_reminders
) -> dict:
    """Rates per second, their ratio, and what was lost or sent twice. `make_rows(admin,
    count)` writes the rows to send, their keys starting with "bench:"."""
    from bench.tasks import noop
    from visits.tasks import dispatch_due_reminders

    mail_dir = work_dir / "mail"
    shutil.rmtree(work_dir, ignore_errors=True)
    mail_dir.mkdir(parents=True)
    counter = redis.Redis.from_url(settings.REDIS_URL)
    counter.delete("bench:noop")
    cleanup = make_rows(admin, count)
    worker = start_worker(work_dir / "worker.log", mail_dir)
    try:
        started = time.perf_counter()
        for _ in range(count):
            noop.delay()
        wait_for(lambda: int(counter.get("bench:noop") or 0) >= count)
        empty_rate = count / (time.perf_counter() - started)

        started = time.perf_counter()
        while dispatch_due_reminders():  # one beat tick claims 100 batches of 100
            pass
        sent = Reminder.objects.filter(key__startswith="bench:", status=ReminderStatus.SENT)
        wait_for(lambda: sent.count() >= count)
        reminder_rate = count / (time.perf_counter() - started)
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    received = messages_per_reminder(mail_dir)
    Reminder.objects.filter(key__startswith="bench:").delete()
    if cleanup is not None:
        cleanup()
    return {
        "empty_tasks_per_second": empty_rate,
        "reminders_per_second": reminder_rate,
        "ratio": reminder_rate / empty_rate,
        "lost": count - len(received),
        "sent_twice": sum(n - 1 for n in received.values()),
    }
