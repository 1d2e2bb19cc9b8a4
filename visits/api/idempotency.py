"""`Idempotency-Key` on the API's POSTs: a retry gets the first response, a duplicate sent
while the first still runs gets 409, and nothing is created twice.

A middleware, because the response to replay is the rendered one. The key's row is written in
its own transaction before the view runs (so a concurrent duplicate sees it at once), and
completed with the response after. Only a success is kept: a refused request created nothing,
so its key is freed and a corrected retry runs.
"""

import hashlib

from django.db import IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from visits.api.auth import api_caller
from visits.api.errors import error_body
from visits.models import IdempotentRequest

HEADER = "Idempotency-Key"


class IdempotencyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = request.headers.get(HEADER)
        if request.method != "POST" or not key or not request.path.startswith("/api/"):
            return self.get_response(request)
        user = api_caller(request)
        if user is None:
            return self.get_response(request)  # the API answers 401 itself
        if len(key) > 200 or "\x00" in key:
            message = _("An Idempotency-Key is at most 200 characters of printable text.")
            return refusal(400, "invalid", message)
        fingerprint = hashlib.sha256(
            b"\n".join([request.method.encode(), request.path.encode(), request.body])
        ).hexdigest()
        try:
            with transaction.atomic():
                record = IdempotentRequest.objects.create(
                    user=user, key=key, fingerprint=fingerprint
                )
        except IntegrityError:
            return replay(IdempotentRequest.objects.get(user=user, key=key), fingerprint)
        response = self.get_response(request)
        if not 200 <= response.status_code < 300:
            record.delete()
        else:
            record.status_code = response.status_code
            record.body = response.content
            record.content_type = response.get("Content-Type", "")
            record.save(update_fields=["status_code", "body", "content_type"])
        return response


def replay(record, fingerprint):
    if record.fingerprint != fingerprint:
        message = _("This Idempotency-Key was already used for another request.")
        return refusal(422, "idempotency_key_reused", message)
    if record.status_code is None:
        message = _("The first request with this Idempotency-Key is still running.")
        return refusal(409, "in_progress", message)
    response = HttpResponse(
        bytes(record.body), status=record.status_code, content_type=record.content_type
    )
    response["Idempotent-Replayed"] = "true"
    return response


def refusal(status, code, message):
    return JsonResponse(error_body(code, message), status=status)
