"""`Idempotency-Key` on the API's POSTs: a retry gets the first response, a duplicate sent
while the first still runs gets 409, and nothing is created twice, even when the first request
dies half-way (the claim's lease: visits.api.claims).

A middleware, because the response to replay is the rendered one. Only a success is kept: a
refused request created nothing, so its key is freed and a corrected retry runs.
"""

import hashlib

from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import gettext as _

from visits.api import claims
from visits.api.auth import api_caller

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
            return self.get_response(request)  # the API answers 401 or 403 itself
        if len(key) > 200 or "\x00" in key:
            message = _("An Idempotency-Key is at most 200 characters of printable text.")
            return claims.refusal(400, "invalid", message)
        fingerprint = hashlib.sha256(
            b"\n".join([request.method.encode(), request.path.encode(), request.body])
        ).hexdigest()
        claim = claims.take(user, key, fingerprint)
        if isinstance(claim, HttpResponse):
            return claim  # the answer instead: a replay, 409 or 422
        return self.run_once(request, claim)

    def run_once(self, request, claim):
        """The request, and its answer kept, in one transaction under the claim's lock."""
        try:
            with transaction.atomic():
                if not claims.hold(claim):
                    return claims.in_progress(claim)
                response = self.get_response(request)
                claims.settle(claim, response)
        except BaseException:  # the database failed, or the worker is stopping (SystemExit)
            claims.release(claim)
            raise
        return response
