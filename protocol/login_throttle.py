"""Sign-in throttling with django-axes: which address a failure is counted against, and one
limit per lockout parameter (settings.LOGIN_THROTTLE) where axes has one for all."""

from ipaddress import ip_address

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


def client_address(request) -> str | None:
    """The address of whoever is signing in.

    The peer address (REMOTE_ADDR), unless TRUSTED_PROXY_COUNT proxies stand in front: each of
    them appends the address it received the request from to X-Forwarded-For, so the client's
    is that many entries from the right. Anything further left was written by the client and
    is ignored, as is a header shorter than the proxies or holding something other than an
    address (the request then did not come through them)."""
    peer = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return peer
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:
        return peer
    candidate = forwarded[-proxies]
    try:
        return str(ip_address(candidate))
    except ValueError:
        return peer


class TieredLimitsHandler(AxesDatabaseHandler):
    """Axes's database handler, locking each parameter at its own number of failures.

    Axes compares its failure count with one limit (AXES_FAILURE_LIMIT). Here the count it is
    given is each parameter's failures scaled to that limit, so that it reaches the limit
    exactly when one parameter reaches its own: an account at one address locks sooner than an
    account from everywhere (which a stranger could otherwise lock at will) or an address
    (which a whole office may share behind one proxy)."""

    def get_failures(self, request, credentials=None) -> int:
        base = settings.AXES_FAILURE_LIMIT
        limits = [limit for _parameters, limit in settings.LOGIN_THROTTLE]
        counted = self.get_user_attempts(request, credentials)  # in the parameters' order
        return max(
            (
                (attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0)
                * base
                // limit
                for attempts, limit in zip(counted, limits, strict=True)
            ),
            default=0,
        )
