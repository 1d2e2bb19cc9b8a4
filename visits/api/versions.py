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


def keyed_tag(identity: str) -> str:
    return f'"{salted_hmac(SALT, identity, algorithm="sha256").hexdigest()[:32]}"'


def etag_of(record) -> str:
    version = int(record.updated_at.timestamp() * 1_000_000)
    return keyed_tag(f"{record._meta.label_lower}:{record.pk}:{version}")


def ceremony_etag(engagement_pk: int, revision: int | None) -> str:
    """A ceremony's version is its revision, which every write to its options, attendance or
    places moves; a ceremony nobody has written yet (no row) is at revision 0."""
    return keyed_tag(f"ceremony:{engagement_pk}:{revision or 0}")


def matches(if_match: str, current: str) -> bool:
    """RFC 9110 §13.1.1: `*`, or a list of entity tags compared strongly (a weak one never
    matches)."""
    sent = [tag.strip() for tag in if_match.split(",")]
    return sent == ["*"] or current in sent


def require_tag(request, current: str) -> None:
    sent = request.headers.get("If-Match")
    if not sent:
        raise HttpError(428, _("Send the ETag you last read as If-Match."))
    if not matches(sent, current):
        raise HttpError(412, _("Changed since you read it: read it again, then retry."))


def require_current(request, record) -> None:
    require_tag(request, etag_of(record))


def if_match(request):
    """The precondition a service runs once it holds the row's lock: checking before the lock
    would let two writers with the same ETag both pass."""
    return lambda current: require_current(request, current)


def if_match_ceremony(request):
    """The same, on the engagement's locked Ceremony row, against the ceremony's ETag."""
    return lambda current: require_tag(
        request, ceremony_etag(current.engagement_id, current.revision)
    )
