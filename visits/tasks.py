"""Celery tasks: thin, they take primary keys, load, and call a service."""

from celery import shared_task
from django.contrib.sessions.models import Session
from django.utils import timezone


@shared_task
def clear_expired_sessions() -> int:
    """Housekeeping: drop expired login sessions; returns how many were removed."""
    removed, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return removed
