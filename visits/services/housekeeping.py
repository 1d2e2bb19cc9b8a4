"""Rows kept only for a while."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from visits.models import AddressCard, IdempotentRequest


def forget_idempotency_keys(now=None) -> int:
    """Forgets the answers kept for API retries (and the claims of requests that died) older
    than IDEMPOTENCY_KEPT seconds; never a claim whose request may still run. Returns how many.
    A client retrying after that runs its request anew, as a client with a new key would."""
    now = now or timezone.now()
    old = Q(created_at__lt=now - timedelta(seconds=settings.IDEMPOTENCY_KEPT))
    settled = Q(status_code__isnull=False) | IdempotentRequest.lapsed(now)
    removed, _ = IdempotentRequest.objects.filter(old & settled).delete()
    return removed


def erase_needs_past_their_time(today=None) -> int:
    """Erases the dietary and accessibility needs of the address cards kept until a day now
    past (issue 17: kept only while the office needs them). Returns how many cards."""
    today = today or timezone.localdate()
    return AddressCard.objects.filter(needs_kept_until__lt=today).update(
        dietary_needs="", accessibility_needs="", needs_kept_until=None
    )
