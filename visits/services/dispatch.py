"""Sending the reminder rows that are due, each once (DESIGN.md, decision 4).

The beat task claims due rows in batches with `select_for_update(skip_locked=True)` (two beat
ticks get disjoint batches), marks them sending and commits, then hands each batch to a worker.
The worker takes rows as it comes to them, with one conditional UPDATE that only one
execution can win (a duplicated or retried task finds them taken or sent), sends them, and
records the outcomes. A worker that dies leaves its rows sending; they are released after
REMINDER_STUCK_AFTER (far longer than EMAIL_TIMEOUT), so only the messages in flight when it
died can go out twice (rows are taken and recorded CHUNK at a time: at most that many).
"""

import logging
import smtplib
import uuid
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F, Prefetch
from django.utils import timezone

from visits.models import (
    Engagement,
    OfficeHolding,
    Reminder,
    ReminderKind,
    ReminderStatus,
    StaffProfile,
)
from visits.services.messages import Composer
from visits.services.reminders import notice

log = logging.getLogger(__name__)
# An invitee's offices, for their forms of address (visits.services.messages).
INVITEES_OFFICES = Prefetch(
    "invitation__guest__holdings",
    OfficeHolding.objects.select_related("office").order_by("pk"),
    to_attr="held",
)
Status = ReminderStatus
BATCH = 100
MAX_BATCHES_PER_TICK = 100
MAX_ATTEMPTS = 5
# Reminders taken, sent and recorded together: a worker that dies can send at most one chunk
# twice (two commits per chunk instead of two per message, which the disk pays for).
CHUNK = 20


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
    Reminder.objects.filter(pk__in=ids, status=Status.SENDING, taken_by__isnull=True).update(
        status=Status.PENDING, claimed_at=None, attempts=F("attempts") - 1
    )


def release_stuck(now=None) -> int:
    """Rows left sending by a worker that died go back to pending."""
    now = now or timezone.now()
    stuck = Reminder.objects.filter(status=Status.SENDING, claimed_at__lt=now - stuck_after())
    return stuck.update(status=Status.PENDING, claimed_at=None, taken_by=None, updated_at=now)


def is_permanent(error: Exception) -> bool:
    """Retrying will not help: a message that cannot be written (a header with a line break,
    BadHeaderError; an address that cannot be encoded, UnicodeError; both ValueErrors), a server
    that cannot take it (no SMTPUTF8) or a 5xx answer. A 4xx, a dropped connection: it may."""
    if isinstance(error, ValueError | smtplib.SMTPNotSupportedError):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    code = getattr(error, "smtp_code", None)
    return isinstance(code, int) and code >= 500


def send_batch(ids) -> Counter:
    """Send the claimed reminders `ids` through one mail connection, CHUNK at a time; what
    became of each."""
    composer, execution = Composer(), uuid.uuid4()
    rows = list(
        Reminder.objects.filter(pk__in=ids, status=Status.SENDING)
        .select_related(
            "recipient__staff_profile",
            "engagement__venue",
            "engagement__visit",
            "task__visit__lead_officer",
            "task__assignee",
            "invitation__guest__card",
        )
        .prefetch_related(INVITEES_OFFICES)
        .order_by("pk")
    )
    outcomes = Counter(skipped=len(ids) - len(rows))
    with get_connection() as connection:
        for start in range(0, len(rows), CHUNK):
            outcomes += send_chunk(rows[start : start + CHUNK], composer, connection, execution)
    return outcomes


def send_one(pk: int) -> str:
    [(outcome, _count)] = send_batch([pk]).items()
    return outcome


def send_chunk(rows, composer, connection, execution) -> Counter:
    """Take the rows (one conditional UPDATE only one execution can win: a duplicated task
    finds them taken or sent), send each, record the outcomes: two commits per chunk."""
    now = timezone.now()
    pks = [row.pk for row in rows]
    outermost = not transaction.get_connection().in_atomic_block
    with transaction.atomic():
        if outermost:  # SET LOCAL lasts until the outermost transaction ends
            not_waiting_for_the_disk()
        count = Reminder.objects.filter(
            pk__in=pks, status=Status.SENDING, taken_by__isnull=True
        ).update(taken_by=execution, claimed_at=now)
    taken = set(pks)
    if count < len(pks):  # another execution took some: which did this one get?
        mine = Reminder.objects.filter(pk__in=pks, taken_by=execution)
        taken = set(mine.values_list("pk", flat=True))
    outcomes = Counter(skipped=len(rows) - len(taken))
    refresh_engagements(rows)  # as they are now, not as the batch found them
    results = {}
    for row in rows:
        if row.pk in taken:
            results[row.pk] = send_row(row, composer, connection, now)
            outcomes[results[row.pk]["status"]] += 1
    done = {"taken_by": None, "claimed_at": None, "updated_at": timezone.now()}
    sent = [pk for pk, changes in results.items() if changes == {"status": Status.SENT}]
    with transaction.atomic():
        mine = Reminder.objects.filter(taken_by=execution)
        mine.filter(pk__in=sent).update(
            status=Status.SENT, sent_at=done["updated_at"], last_error="", **done
        )
        for pk, changes in results.items():
            if pk not in sent:
                mine.filter(pk=pk).update(**changes, **done)
    tell_of_changes_since([row for row in rows if row.pk in sent])
    return +outcomes


def not_waiting_for_the_disk() -> None:
    """The take is seen by every other transaction as soon as it commits, which is all that
    keeps a duplicated task away, so its commit need not wait for the disk (the record of what
    was sent does). Were PostgreSQL itself to crash, the take could be lost: its rows would be
    released as stuck and sent again, as they would be had the crash come a moment later."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def refresh_engagements(rows) -> None:
    ids = {row.engagement_id for row in rows if row.engagement_id}
    fresh = Engagement.objects.select_related("venue", "visit").in_bulk(ids)
    for row in rows:
        if row.engagement_id in fresh:
            row.engagement = fresh[row.engagement_id]


def tell_of_changes_since(sent) -> None:
    """An engagement moved or cancelled while its reminder was being sent: the planner did not
    know that reminder had gone (it was not recorded yet), so the notice is written here."""
    about = [row for row in sent if row.kind == ReminderKind.ENGAGEMENT and row.engagement]
    fields = ("starts_at", "ends_at", "status")
    now = {
        values["pk"]: values
        for values in Engagement.objects.filter(pk__in={r.engagement_id for r in about}).values(
            "pk", *fields
        )
    }
    for row in about:
        told, current = row.engagement, now.get(row.engagement_id)
        before = {name: getattr(told, name) for name in fields}
        if current is None or {name: current[name] for name in fields} == before:
            continue  # unchanged; or deleted, and forget_engagement told those it could
        changed = Engagement.objects.select_related("visit").get(pk=row.engagement_id)
        kind = ReminderKind.CHANGED if changed.is_live else ReminderKind.CANCELLED
        if kind == ReminderKind.CANCELLED or (told.starts_at, told.ends_at) != (
            changed.starts_at,
            changed.ends_at,
        ):
            notice(changed, row.recipient_id, kind, before, timezone.now())


def send_row(row: Reminder, composer: Composer, connection, now) -> dict:
    """Compose and send one reminder; the changes that record what happened."""
    try:
        message = composer.compose(row)
        if message is None:
            return {"status": Status.CANCELLED}  # nothing to say any more
        message.connection = connection
        message.send()
        return {"status": Status.SENT}
    except Exception as error:  # noqa: BLE001 (each failure is recorded on its row)
        log.warning("Reminder %s failed: %r", row.key, error)
        reason = f"{type(error).__name__}: {error}"[:2000]
        if is_permanent(error) or row.attempts >= MAX_ATTEMPTS:
            return {"status": Status.FAILED, "last_error": reason}
        # Try again later: 2, 4, 8, 16 minutes.
        due = now + timedelta(minutes=2**row.attempts)
        return {"status": Status.PENDING, "last_error": reason, "due_at": due}


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
    subscribers = [profile for profile in subscribers.select_related("user") if profile.address]
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
