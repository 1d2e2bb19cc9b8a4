"""Celery tasks: thin, they take primary keys, load, and call a service."""

from celery import shared_task
from django.contrib.sessions.models import Session
from django.utils import timezone

from visits.services import dispatch, housekeeping
from visits.services.lifecycle import mark_past_visits_held


@shared_task
def clear_expired_sessions() -> int:
    """Housekeeping: drop expired login sessions; returns how many were removed."""
    removed, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return removed


@shared_task
def forget_idempotency_keys() -> int:
    """Housekeeping: answers kept for API retries, once past their time."""
    return housekeeping.forget_idempotency_keys()


@shared_task
def erase_needs_past_their_time() -> int:
    """Daily: the invitees' needs, once the office no longer needs them."""
    return housekeeping.erase_needs_past_their_time()


@shared_task
def mark_held_visits() -> int:
    """Daily: confirmed visits whose last day is over become held."""
    return mark_past_visits_held()


@shared_task
def dispatch_due_reminders() -> int:
    """Every minute: claim what is due, in batches, and hand each batch to a worker."""
    dispatch.release_stuck()
    handed = 0
    for _ in range(dispatch.MAX_BATCHES_PER_TICK):
        ids = dispatch.claim_due()
        if not ids:
            break
        try:
            send_reminders.delay(ids)
        except Exception:
            dispatch.release(ids)  # the broker is down: the next tick tries again
            raise
        handed += len(ids)
    return handed


@shared_task
def send_reminders(ids: list[int]) -> dict:
    """One batch the dispatcher claimed; what became of each (sent, failed, skipped, ...)."""
    return dict(dispatch.send_batch(ids))


@shared_task
def plan_daily_agendas() -> int:
    return dispatch.plan_daily_agendas()
