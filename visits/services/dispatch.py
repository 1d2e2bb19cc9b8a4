"""Sending the reminder rows that are due, each once (DESIGN.md, decision 4).

The beat task claims due rows in batches with `select_for_update(skip_locked=True)` (two beat
ticks get disjoint batches), marks them sending and commits, then hands each batch to a worker.
The worker locks each row again, skipping it unless it is still sending: a retried or
duplicated task finds it sent. A worker that dies leaves its rows sending; they are released
after REMINDER_STUCK_AFTER, and only those in flight when it died can go out twice.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from visits.mail import compose
from visits.models import Reminder, ReminderKind, ReminderStatus, StaffProfile

log = logging.getLogger(__name__)
Status = ReminderStatus
BATCH = 100
MAX_BATCHES_PER_TICK = 100
MAX_ATTEMPTS = 5


def stuck_after() -> timedelta:
    return timedelta(seconds=getattr(settings, "REMINDER_STUCK_AFTER", 600))


def claim_due(now=None, batch: int = BATCH) -> list[int]:
    """Mark up to `batch` due rows as sending, in their own transaction; their ids."""
    now = now or timezone.now()
    with transaction.atomic():
        due = (
            Reminder.objects.select_for_update(skip_locked=True)
            .filter(status=Status.PENDING, due_at__lte=now)
            .order_by("due_at", "pk")
        )
        ids = list(due.values_list("pk", flat=True)[:batch])
        Reminder.objects.filter(pk__in=ids).update(
            status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1, updated_at=now
        )
    return ids


def release(ids) -> None:
    """Claimed rows that could not be handed to a worker (the broker is down) wait again."""
    Reminder.objects.filter(pk__in=ids, status=Status.SENDING).update(
        status=Status.PENDING, claimed_at=None, attempts=F("attempts") - 1
    )


def release_stuck(now=None) -> int:
    """Rows left sending by a worker that died go back to pending."""
    now = now or timezone.now()
    stuck = Reminder.objects.filter(status=Status.SENDING, claimed_at__lt=now - stuck_after())
    return stuck.update(status=Status.PENDING, claimed_at=None, updated_at=now)


def is_permanent(error: Exception) -> bool:
    """A 5xx answer: retrying will not help. A 4xx, a dropped connection: it may."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    code = getattr(error, "smtp_code", None)
    return isinstance(code, int) and code >= 500


def send_one(pk: int) -> str:
    """Send one claimed reminder; what became of it."""
    with transaction.atomic():
        row = (
            Reminder.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .filter(pk=pk, status=Status.SENDING)
            .first()
        )
        if row is None:
            return "skipped"  # sent, cancelled or being sent by another worker
        now = timezone.now()
        try:
            message = compose(row)
            if message is None:
                row.status = Status.CANCELLED
            else:
                message.send()
                row.status, row.sent_at, row.last_error = Status.SENT, now, ""
        except Exception as error:  # noqa: BLE001 (each failure is recorded on its row)
            log.warning("Reminder %s failed: %r", row.key, error)
            row.last_error = f"{type(error).__name__}: {error}"[:2000]
            if is_permanent(error) or row.attempts >= MAX_ATTEMPTS:
                row.status = Status.FAILED
            else:  # try again later: 2, 4, 8, 16 minutes
                row.status, row.due_at = Status.PENDING, now + timedelta(minutes=2**row.attempts)
        row.claimed_at = None
        row.save()
        return row.status


def retry(reminders) -> int:
    """Failed reminders (picked in the admin) go out again at the next tick."""
    return reminders.filter(status=Status.FAILED).update(
        status=Status.PENDING, due_at=timezone.now(), attempts=0, updated_at=timezone.now()
    )


def plan_daily_agendas(now=None) -> int:
    """Tomorrow's agenda, once per subscriber: the key holds the day, so a beat that restarts
    (or ticks twice) at 18:00 adds nothing."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    subscribers = StaffProfile.objects.filter(wants_daily_agenda=True, user__is_active=True)
    rows = [
        Reminder(
            key=f"agenda:{tomorrow.isoformat()}:{profile.user_id}",
            kind=ReminderKind.AGENDA,
            recipient_id=profile.user_id,
            due_at=now,
            details={"day": tomorrow.isoformat()},
        )
        for profile in subscribers
    ]
    return len(Reminder.objects.bulk_create(rows, ignore_conflicts=True))
