"""Engagements as iCalendar text (RFC 5545 and RFC 7986), built as strings: every value is
escaped, every line folded at 75 octets, and the same rows give the same bytes (DTSTAMP and
LAST-MODIFIED come from the data, DESIGN.md decision 5). No ORGANIZER, and so no METHOD."""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from visits.ical.events import Event, event_of, utc_text
from visits.ical.timezones import vtimezone
from visits.models.choices import EngagementKind

PRODID = "-//Ville de Paris//Protocol scheduler 1.0//FR"
STATUSES = {"tentative": "TENTATIVE", "confirmed": "CONFIRMED"}  # postponed too: CANCELLED
# How private an event is (RFC 5545, 3.8.1.3): restricted visits are for City Hall staff.
CLASSES = {"public": "PUBLIC", "restricted": "PRIVATE", "confidential": "CONFIDENTIAL"}
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
REFRESH = "PT1H"
# When this code last changed what every event says (its title names the visit's principal
# guests since then), as a deploy-time change rather than an edit: no SEQUENCE moves, but the
# feeds' Last-Modified is at least this and their ETag is looked up anew (calendar_feeds.views),
# so a subscribed calendar fetches the new text once instead of hearing "not modified".
TEXTS_CHANGED = datetime(2026, 12, 5, tzinfo=UTC)


def escape(text: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): nothing in it can end the line or the value."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL.sub("", text.replace("\t", " "))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued after CRLF and a space, never inside a character."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # a UTF-8 continuation byte
            end -= 1
        parts.append(data[start:end].decode())
        start, limit = end, 74  # the continuation's leading space counts
    return "\r\n ".join(parts)


def moment_property(name: str, moment, zone=None) -> str:
    """Local time with its TZID, as calendars show it; in UTC when that wall time happens twice
    (the autumn change), which a TZID cannot tell apart: readers differ on which is meant
    (ical.js takes the second, icalendar and vobject the first). `zone`: the active time zone,
    when the caller has it at hand."""
    local = moment.astimezone(zone or timezone.get_current_timezone())
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        return f"{name}:{utc_text(moment)}"
    return f"{name};TZID={settings.TIME_ZONE}:{local.strftime('%Y%m%dT%H%M%S')}"


def run_sheet_url(visit_or_reference) -> str:
    """The visit's run-sheet, as a link in mails and calendars (a staff page)."""
    reference = getattr(visit_or_reference, "reference", visit_or_reference)
    return settings.SITE_URL + reverse("staff:run_sheet", args=[reference])


@dataclass(frozen=True)
class Words:
    """What every event of a text says alike, in the active language: looked up once for a
    whole feed rather than once an event."""

    kinds: dict
    titled: str
    guests: str
    hosts: str
    zone: tzinfo
    run_sheets: dict = field(default_factory=dict)  # reference → link

    @classmethod
    def current(cls) -> "Words":
        return cls(
            kinds={kind: str(label) for kind, label in EngagementKind.choices},
            titled=_("%(title)s: %(guests)s"),
            guests=_("Guests: %(names)s"),
            hosts=_("Hosts: %(names)s"),
            zone=timezone.get_current_timezone(),
        )

    def summary(self, event: Event) -> str:
        """ "Meeting: Keiko Castillo": the title and the visit's principal guests, unless the
        title names them already ("Honorary citizenship of Keiko Castillo"). The event is one
        the feed's viewer may see, and its description names the same guests."""
        folded = event.title.casefold()
        if all(name.casefold() in folded for name in event.guests):
            return event.title
        return self.titled % {"title": event.title, "guests": ", ".join(event.guests)}

    def run_sheet(self, reference: str) -> str:
        link = self.run_sheets.get(reference)
        if link is None:
            link = self.run_sheets[reference] = run_sheet_url(reference)
        return link


def event_lines(event: Event, *, staff: bool, words: Words) -> list[str]:
    description = [event.occasion]
    if event.guests:
        description.append(words.guests % {"names": ", ".join(event.guests)})
    if event.hosts:
        description.append(words.hosts % {"names": ", ".join(event.hosts)})
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}@protocol",
        f"DTSTAMP:{event.updated}",
        f"CREATED:{event.created}",
        f"LAST-MODIFIED:{event.updated}",
        f"SEQUENCE:{event.sequence}",
        moment_property("DTSTART", event.starts_at, words.zone),
        moment_property("DTEND", event.ends_at, words.zone),
        f"SUMMARY:{escape(words.summary(event))}",
        f"STATUS:{STATUSES.get(event.status, 'CANCELLED')}",
        f"CATEGORIES:{escape(words.kinds.get(event.kind, event.kind))}",
        f"CLASS:{CLASSES[event.confidentiality]}",
        "TRANSP:OPAQUE",
    ]
    if event.place:
        lines.append(f"LOCATION:{escape(event.place)}")
    if staff:  # the run-sheet is a staff page
        link = words.run_sheet(event.reference)
        description.append(link)
        lines.append(f"URL:{link}")
    lines.append(f"DESCRIPTION:{escape(chr(10).join(description))}")
    return [*lines, "END:VEVENT"]


def event_text(event: Event, *, staff: bool, words: Words | None = None) -> str:
    """One VEVENT, folded, each line ending in CRLF (in the active language and time zone)."""
    lines = event_lines(event, staff=staff, words=words or Words.current())
    return "".join(fold(line) + "\r\n" for line in lines)


def calendar_text(*, name: str, first_day, last_day, events) -> bytes:
    """The calendar around its events' texts; the VTIMEZONE covers `first_day` to `last_day`."""
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        # No METHOD: a subscribed feed or a downloaded file is not an iTIP message (RFC 5546),
        # whose PUBLISH needs an ORGANIZER, which strict readers (libical) check and which
        # would make calendar applications write to the office (DESIGN.md).
        f"NAME:{escape(name)}",
        f"X-WR-CALNAME:{escape(name)}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}",
        f"X-PUBLISHED-TTL:{REFRESH}",
        f"X-WR-TIMEZONE:{settings.TIME_ZONE}",
        *vtimezone(settings.TIME_ZONE, first_day, max(last_day, first_day)),
    ]
    head = "".join(fold(line) + "\r\n" for line in head)
    return (head + "".join(events) + "END:VCALENDAR\r\n").encode()


def calendar_bytes(engagements, *, name: str, language: str, first_day, staff: bool) -> bytes:
    """The whole calendar. `engagements` come with venue, visit, hosts and the visit's principal
    participants (`principal_participants`) loaded; `first_day` starts the feed's window."""
    engagements = list(engagements)
    last_day = max((timezone.localdate(e.ends_at) for e in engagements), default=first_day)
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        words = Words.current()
        events = [event_text(event_of(e), staff=staff, words=words) for e in engagements]
    return calendar_text(name=name, first_day=first_day, last_day=last_day, events=events)


def engagement_bytes(engagement, language: str, *, staff: bool) -> bytes:
    """One engagement as a calendar of its own: the reminders' attachment, the download."""
    with translation.override(language):
        name = engagement.title
    return calendar_bytes(
        [engagement],
        name=name,
        language=language,
        first_day=timezone.localdate(engagement.starts_at),
        staff=staff,
    )
