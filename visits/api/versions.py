"""ETags and `If-Match`: no lost updates. Every resource the API changes carries an ETag built
from its last change; a write must send it back, and a stale one is refused with 412.

The ETag is opaque: a hash of the record's identity and version, keyed with SECRET_KEY. An id
in it would let staff count the records hidden from them (a visit's id grows with every visit,
confidential ones included); unkeyed, they could still try ids until one gave the hash. A tag in
another form (the previous release's `"<id>-<version>"`, a weak tag, garbage) matches nothing:
412, and the client reads the record again."""

from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from ninja.errors import HttpError

SALT = "visits.api.versions.etag"


def etag_of(record) -> str:
    version = int(record.updated_at.timestamp() * 1_000_000)
    identity = f"{record._meta.label_lower}:{record.pk}:{version}"
    return f'"{salted_hmac(SALT, identity, algorithm="sha256").hexdigest()[:32]}"'


def matches(if_match: str, current: str) -> bool:
    """RFC 9110 §13.1.1: `*`, or a list of entity tags compared strongly (a weak one never
    matches)."""
    sent = [tag.strip() for tag in if_match.split(",")]
    return sent == ["*"] or current in sent


def require_current(request, record) -> None:
    sent = request.headers.get("If-Match")
    if not sent:
        raise HttpError(428, _("Send the ETag you last read as If-Match."))
    if not matches(sent, etag_of(record)):
        raise HttpError(412, _("Changed since you read it: read it again, then retry."))


def if_match(request):
    """The precondition a service runs once it holds the row's lock: checking before the lock
    would let two writers with the same ETag both pass."""
    return lambda current: require_current(request, current)
