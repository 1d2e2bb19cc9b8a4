"""What an event says, as plain values: read for a whole feed in three queries of values (rows,
hosts, principal guests), or taken from one engagement already loaded.

A feed's first render writes thousands of events: building an engagement, its visit, room,
hosts and guests as model instances (and their prefetch querysets) for each cost most of it,
and the values are all a text needs."""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import CharField
from django.db.models.functions import Cast

from visits.models import Engagement
from visits.models.visits import principal_participations, principals_of


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def utc_text_of(stored: str) -> str:
    """The same from a timestamp read as the database writes it in UTC (PostgreSQL's
    `2026-12-04 23:38:33.5+00`, SQLite's `2026-12-04 23:38:33.500000`): no datetime made."""
    day, time = stored[0:10].replace("-", ""), stored[11:19].replace(":", "")
    return f"{day}T{time}Z"


def as_text(field: str) -> Cast:
    """A timestamp read as the database writes it: thousands of them would otherwise each be
    made a datetime by Django's loader (in Python), which costs more than writing the feed."""
    return Cast(field, output_field=CharField())


def moment_of(stored: str) -> datetime:
    """The datetime of a timestamp read as text (in UTC), by the standard library's parser."""
    moment = datetime.fromisoformat(stored)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)  # SQLite's


@dataclass(frozen=True, slots=True)
class Event:
    uid: str
    created: str  # in iCalendar's UTC form
    updated: str
    sequence: int
    starts_at: datetime
    ends_at: datetime
    title: str  # in the language of the text
    status: str
    kind: str
    place: str
    confidentiality: str
    occasion: str
    reference: str
    hosts: tuple[str, ...]  # by precedence
    guests: tuple[str, ...]  # the visit's principal guests, in their order


def event_of(engagement) -> Event:
    """One engagement already loaded (a download, a reminder's attachment), in the active
    language."""
    visit = engagement.visit
    return Event(
        uid=str(engagement.uid),
        created=utc_text(engagement.created_at),
        updated=utc_text(engagement.updated_at),
        sequence=engagement.sequence,
        starts_at=engagement.starts_at,
        ends_at=engagement.ends_at,
        title=engagement.title,
        status=engagement.status,
        kind=engagement.kind,
        place=engagement.venue.name if engagement.venue else engagement.location,
        confidentiality=visit.confidentiality,
        occasion=visit.occasion,
        reference=visit.reference,
        hosts=tuple(host.name for host in engagement.hosts.all()),
        guests=tuple(p.guest.name for p in principals_of(visit)),
    )


FIELDS = (
    "pk",
    "sequence",
    "updated_text",
    "uid",
    "created_text",
    "starts_text",
    "ends_text",
    "title_fr",
    "title_en",
    "status",
    "kind",
    "venue__name",
    "location",
    "visit_id",
    "visit__confidentiality",
    "visit__occasion_fr",
    "visit__occasion_en",
    "visit__reference",
)


TIMES = ("updated", "created", "starts", "ends")


def first_of(language: str, french: str, english: str) -> str:
    """As `visits.models.bilingual.localized` reads a text stored in both languages: the one
    asked, else the other."""
    return (english or french) if language == "en" else (french or english)


def load_events(engagements, language: str):
    """(pk, sequence, update time as the database writes it, Event) of each engagement of the
    queryset, in three queries; the texts in `language`."""
    texts = {f"{name}_text": as_text(f"{name}_at") for name in TIMES}
    rows = list(engagements.annotate(**texts).values_list(*FIELDS))
    # The hosts and principal guests of the same engagements, the door's query as a subquery:
    # a list of thousands of ids would cost more to send and parse.
    hosts: dict[int, list[str]] = {}
    through = Engagement.hosts.through.objects.filter(engagement__in=engagements.values("pk"))
    ordered = through.order_by("host__precedence", "host__name", "host_id")
    for engagement_id, name in ordered.values_list("engagement_id", "host__name"):
        hosts.setdefault(engagement_id, []).append(name)
    guests: dict[int, list[str]] = {}
    principals = principal_participations().filter(visit__in=engagements.values("visit_id"))
    for visit_id, name in principals.values_list("visit_id", "guest__name"):
        guests.setdefault(visit_id, []).append(name)
    for (
        pk,
        sequence,
        updated,
        uid,
        created,
        starts_at,
        ends_at,
        title_fr,
        title_en,
        status,
        kind,
        venue,
        location,
        visit_id,
        confidentiality,
        occasion_fr,
        occasion_en,
        reference,
    ) in rows:
        event = Event(
            uid=str(uid),
            created=utc_text_of(created),
            updated=utc_text_of(updated),
            sequence=sequence,
            starts_at=moment_of(starts_at),
            ends_at=moment_of(ends_at),
            title=first_of(language, title_fr, title_en),
            status=status,
            kind=kind,
            place=venue or location,
            confidentiality=confidentiality,
            occasion=first_of(language, occasion_fr, occasion_en),
            reference=reference,
            hosts=tuple(hosts.get(pk, ())),
            guests=tuple(guests.get(visit_id, ())),
        )
        yield pk, sequence, updated, event
