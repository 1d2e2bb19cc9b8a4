"""An Idempotency-Key's claim: the row that says a first request with this key runs, then
holds its answer.

The claim is committed before the request runs, so that a duplicate sees it at once (409). The
request then runs in one transaction with the claim's row locked, and its answer is written in
that same transaction: the answer and what the request wrote commit together, or neither does.
So a claim still open after its request's transaction ended belongs to a request that died
(worker killed, connection lost, timeout) and wrote nothing. It holds for a lease
(IDEMPOTENCY_LEASE seconds, above the web server's timeout); after it, a retry takes it over
with a conditional UPDATE, which one retry alone can win, and runs the request. A request still
running keeps its row locked, so a takeover waits for it and finds its answer, however long it
ran. A request that fails on its own frees its key at once.
"""

import contextlib
import math
from datetime import timedelta

from django.conf import settings
from django.db import Error, IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from visits.api.errors import error_body
from visits.models import IdempotentRequest


def lease_end():
    return timezone.now() + timedelta(seconds=settings.IDEMPOTENCY_LEASE)


def take(user, key: str, fingerprint: str):
    """The claim for this request, or the answer to give instead: the first one's (a replay),
    409 while it runs, 422 for another request under the same key."""
    record = None
    for _attempt in range(3):  # a claim freed or finished between two reads: look again
        try:
            with transaction.atomic():
                return IdempotentRequest.objects.create(
                    user=user, key=key, fingerprint=fingerprint, lease_until=lease_end()
                )
        except IntegrityError:
            pass
        record = IdempotentRequest.objects.filter(user=user, key=key).first()
        if record is None:
            continue
        if record.fingerprint != fingerprint:
            message = _("This Idempotency-Key was already used for another request.")
            return refusal(422, "idempotency_key_reused", message)
        if record.status_code is not None:
            return replay(record)
        if not record.has_lapsed(timezone.now()):
            return in_progress(record)
        taken = take_over(record)
        if taken is not None:
            return taken
    return in_progress(record)


def take_over(record):
    """The claim of a request that died, if this retry wins it. The UPDATE waits while the row
    is locked (its request still runs), then reads the row again: an answer, a freed key or a
    fresh lease (another retry won) all make it change nothing."""
    now, until = timezone.now(), lease_end()
    won = (
        IdempotentRequest.objects.filter(pk=record.pk, status_code__isnull=True)
        .filter(IdempotentRequest.lapsed(now))
        .update(lease_until=until)
    )
    if not won:
        return None
    record.lease_until = until
    return record


def hold(claim) -> bool:
    """Locks the claim's row for the request's transaction; False if it is no longer ours (only
    when the lease is shorter than the moment between the claim and this lock)."""
    mine = IdempotentRequest.objects.select_for_update().filter(
        pk=claim.pk, status_code__isnull=True, lease_until=claim.lease_until
    )
    return mine.exists()


def settle(claim, response) -> None:
    """Keeps a success to replay; frees the key of a refusal (it created nothing, so a corrected
    retry runs)."""
    kept = IdempotentRequest.objects.filter(pk=claim.pk)
    if 200 <= response.status_code < 300:
        kept.update(
            status_code=response.status_code,
            body=response.content,
            content_type=response.get("Content-Type", ""),
            lease_until=None,
        )
    else:
        kept.delete()


def release(claim) -> None:
    """Frees the key of a request that failed on its own. If even that fails (the database is
    gone), the lease frees it."""
    with contextlib.suppress(Error):
        IdempotentRequest.objects.filter(
            pk=claim.pk, status_code__isnull=True, lease_until=claim.lease_until
        ).delete()


def replay(record):
    response = HttpResponse(
        bytes(record.body), status=record.status_code, content_type=record.content_type
    )
    response["Idempotent-Replayed"] = "true"
    return response


def in_progress(record):
    message = _("The first request with this Idempotency-Key is still running.")
    response = refusal(409, "in_progress", message)
    if record is not None and record.lease_until is not None:
        # By then it has answered, or it died and a retry runs it.
        seconds = (record.lease_until - timezone.now()).total_seconds()
        response["Retry-After"] = str(max(1, math.ceil(seconds)))
    return response


def refusal(status, code, message):
    return JsonResponse(error_body(code, message), status=status)
