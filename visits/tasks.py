"""Celery tasks: thin, they take primary keys, load, and call a service."""

from celery import shared_task
from django.contrib.sessions.models import Session
from django.utils import timezone

from visits.services.lifecycle import mark_past_visits_held


@shared_task
def clear_expired_sessions() -> int:
    """Housekeeping: drop expired login sessions; returns how many were removed."""
    removed, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return removed


@shared_task
def mark_held_visits() -> int:
    """Daily: confirmed visits whose last day is over become held."""
    return mark_past_visits_held()
