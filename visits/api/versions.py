"""ETags and `If-Match`: no lost updates. Every resource the API changes carries an ETag built
from its last change; a write must send it back, and a stale one is refused with 412."""

from django.utils.translation import gettext as _
from ninja.errors import HttpError


def etag_of(record) -> str:
    return f'"{record.pk}-{int(record.updated_at.timestamp() * 1_000_000)}"'


def require_current(request, record) -> None:
    sent = request.headers.get("If-Match")
    if not sent:
        raise HttpError(428, _("Send the ETag you last read as If-Match."))
    if sent.strip() not in (etag_of(record), "*"):
        raise HttpError(412, _("Changed since you read it: read it again, then retry."))


def if_match(request):
    """The precondition a service runs once it holds the row's lock: checking before the lock
    would let two writers with the same ETag both pass."""
    return lambda current: require_current(request, current)
