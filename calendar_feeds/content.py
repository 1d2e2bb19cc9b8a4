"""Engagements as iCalendar text (RFC 5545 and RFC 7986), built as strings: every value is
escaped, every line folded at 75 octets, and the same rows give the same bytes (DTSTAMP and
LAST-MODIFIED come from the data, DESIGN.md decision 5). No ORGANIZER, and so no METHOD."""

import re
from datetime import UTC, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from calendar_feeds.timezones import vtimezone

PRODID = "-//Ville de Paris//Protocol scheduler 1.0//FR"
STATUSES = {"tentative": "TENTATIVE", "confirmed": "CONFIRMED"}  # postponed too: CANCELLED
# How private an event is (RFC 5545, 3.8.1.3): restricted visits are for City Hall staff.
CLASSES = {"public": "PUBLIC", "restricted": "PRIVATE", "confidential": "CONFIDENTIAL"}
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
REFRESH = "PT1H"


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


def utc_text(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def moment_property(name: str, moment) -> str:
    """Local time with its TZID, as calendars show it; in UTC when that wall time happens twice
    (the autumn change), which a TZID cannot tell apart: readers differ on which is meant
    (ical.js takes the second, icalendar and vobject the first)."""
    local = timezone.localtime(moment)
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        return f"{name}:{utc_text(moment)}"
    return f"{name};TZID={settings.TIME_ZONE}:{local.strftime('%Y%m%dT%H%M%S')}"


def run_sheet_url(visit) -> str:
    """The visit's run-sheet, as a link in mails and calendars (a staff page)."""
    return settings.SITE_URL + reverse("staff:run_sheet", args=[visit.reference])


def principals_of(visit) -> list:
    """Prefetched by the feeds (`with_principal_guests`); read here for a single event."""
    found = getattr(visit, "principal_participants", None)
    if found is None:
        found = list(visit.participants.filter(role="principal").select_related("guest"))
    return found


def event_lines(engagement, *, staff: bool) -> list[str]:
    visit = engagement.visit
    place = engagement.venue.name if engagement.venue else engagement.location
    hosts = ", ".join(host.name for host in engagement.hosts.all())
    guests = ", ".join(p.guest.name for p in principals_of(visit))
    description = [visit.occasion]
    if guests:
        description.append(_("Guests: %(names)s") % {"names": guests})
    if hosts:
        description.append(_("Hosts: %(names)s") % {"names": hosts})
    lines = [
        "BEGIN:VEVENT",
        f"UID:{engagement.uid}@protocol",
        f"DTSTAMP:{utc_text(engagement.updated_at)}",
        f"CREATED:{utc_text(engagement.created_at)}",
        f"LAST-MODIFIED:{utc_text(engagement.updated_at)}",
        f"SEQUENCE:{engagement.sequence}",
        moment_property("DTSTART", engagement.starts_at),
        moment_property("DTEND", engagement.ends_at),
        f"SUMMARY:{escape(engagement.title)}",
        f"STATUS:{STATUSES.get(engagement.status, 'CANCELLED')}",
        f"CATEGORIES:{escape(str(engagement.get_kind_display()))}",
        f"CLASS:{CLASSES[visit.confidentiality]}",
        "TRANSP:OPAQUE",
    ]
    if place:
        lines.append(f"LOCATION:{escape(place)}")
    if staff:  # the run-sheet is a staff page
        link = run_sheet_url(visit)
        description.append(link)
        lines.append(f"URL:{link}")
    lines.append(f"DESCRIPTION:{escape(chr(10).join(description))}")
    return [*lines, "END:VEVENT"]


def event_text(engagement, *, staff: bool) -> str:
    """One VEVENT, folded, each line ending in CRLF (in the active language and time zone)."""
    return "".join(fold(line) + "\r\n" for line in event_lines(engagement, staff=staff))


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
        events = [event_text(engagement, staff=staff) for engagement in engagements]
    return calendar_text(name=name, first_day=first_day, last_day=last_day, events=events)


WINDOW_DAYS = 90  # feeds show this many days back, and all that is to come


def window_start(now=None):
    return (now or timezone.now()) - timedelta(days=WINDOW_DAYS)


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
