"""Answers kept for API retries are forgotten after IDEMPOTENCY_KEPT; a claim whose request may
still run never is."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from visits.models import IdempotentRequest
from visits.tasks import forget_idempotency_keys

pytestmark = pytest.mark.django_db


def kept(key, *, age, status_code=None, lease=None):
    now = timezone.now()
    row = IdempotentRequest.objects.create(
        user=UserFactory(username=key),
        key=key,
        fingerprint="f" * 64,
        status_code=status_code,
        lease_until=None if lease is None else now + lease,
    )
    IdempotentRequest.objects.filter(pk=row.pk).update(created_at=now - age)
    return key


def test_old_answers_and_dead_claims_are_forgotten_and_the_rest_kept(settings):
    settings.IDEMPOTENCY_KEPT = 24 * 3600
    day, minute = timedelta(days=1), timedelta(minutes=1)
    forgotten = {
        kept("answered-two-days-ago", age=2 * day, status_code=201),
        kept("died-two-days-ago", age=2 * day, lease=-day),
        kept("claimed-before-leases", age=2 * day),
    }
    still_kept = {
        kept("answered-an-hour-ago", age=timedelta(hours=1), status_code=201),
        kept("running-under-its-lease", age=2 * day, lease=minute),  # a long request: not ours
    }
    assert forget_idempotency_keys() == len(forgotten)
    assert set(IdempotentRequest.objects.values_list("key", flat=True)) == still_kept
