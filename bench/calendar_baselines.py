"""What the calendar benchmark compares our feed with: the same rows through django-ical (the
usual Django feed library, on icalendar), and a floor (one raw SQL query and f-strings, no
object model), with a second floor that reads every value as text."""

from django.conf import settings
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_ical.views import ICalFeed

from calendar_feeds.selection import feed_engagements, with_details
from calendar_feeds.views import PUBLIC_NAME
from visits.ical.content import PRODID, REFRESH, STATUSES
from visits.models import Engagement, Venue
from visits.models.visits import principals_of


class LibraryFeed(ICalFeed):
    """The same rows through django-ical, as close to our events as it allows: UID, SUMMARY,
    DESCRIPTION, DTSTART/DTEND (with TZID), LOCATION, STATUS, CATEGORIES, TRANSP, CREATED,
    LAST-MODIFIED and DTSTAMP from the row, SEQUENCE (passed through `item_extra_kwargs`).
    It writes no VTIMEZONE, and the syndication framework wants a link: URL is added."""

    product_id = PRODID
    timezone = settings.TIME_ZONE  # X-WR-TIMEZONE (the module `timezone` is used below)
    ttl = REFRESH
    description = None

    def title(self):
        return str(PUBLIC_NAME)

    def items(self):
        return with_details(feed_engagements(None, timezone.now()))

    def item_guid(self, item):
        return f"{item.uid}@protocol"

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        hosts = ", ".join(host.name for host in item.hosts.all())
        guests = ", ".join(p.guest.name for p in principals_of(item.visit))
        lines = [item.visit.occasion]
        if guests:
            lines.append(_("Guests: %(names)s") % {"names": guests})
        if hosts:
            lines.append(_("Hosts: %(names)s") % {"names": hosts})
        return "\n".join(lines)

    def item_link(self, item):
        return f"/calendars/engagements/{item.uid}.ics"

    def item_start_datetime(self, item):
        return timezone.localtime(item.starts_at)

    def item_end_datetime(self, item):
        return timezone.localtime(item.ends_at)

    def item_location(self, item):
        return item.venue.name if item.venue else item.location

    def item_status(self, item):
        return STATUSES.get(item.status, "CANCELLED")

    def item_categories(self, item):
        return [item.get_kind_display()]

    def item_transparency(self, item):
        return "OPAQUE"

    def item_created(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_timestamp(self, item):
        return item.updated_at

    def item_extra_kwargs(self, item):
        return {**super().item_extra_kwargs(item), "sequence": item.sequence}


def library_feed(request) -> bytes:
    with translation.override("fr"), timezone.override(settings.TIME_ZONE):
        return LibraryFeed()(request).content


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


FLOOR_STATUSES = {"tentative": "TENTATIVE", "confirmed": "CONFIRMED"}
FLOOR_SQL = (
    "SELECT {columns} FROM {engagements} e LEFT JOIN {venues} v ON v.id = e.venue_id"
    " WHERE e.id = ANY(%s) ORDER BY e.starts_at, e.id"
)
# The floor's columns: as the driver gives them (UUID and aware datetimes, through Django's
# time zone loader), or as text made by PostgreSQL (times already in iCalendar's UTC form).
OBJECTS = "e.uid, e.title_fr, e.starts_at, e.ends_at, e.status, e.sequence, e.updated_at"
UTC_TEXT = "to_char({} AT TIME ZONE 'UTC', 'YYYYMMDD\"T\"HH24MISS\"Z\"')"
TEXTS = ", ".join(
    [
        "e.uid::text",
        "e.title_fr",
        UTC_TEXT.format("e.starts_at"),
        UTC_TEXT.format("e.ends_at"),
        "e.status",
        "e.sequence",
        UTC_TEXT.format("e.updated_at"),
    ]
)


def floor_rows(pks: list[int], columns: str) -> list[tuple]:
    sql = FLOOR_SQL.format(
        columns=f"{columns}, COALESCE(v.name, e.location)",
        engagements=Engagement._meta.db_table,
        venues=Venue._meta.db_table,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [pks])
        return cursor.fetchall()


def floor_calendar(events: list[str]) -> bytes:
    head = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{PRODID}\r\n"
    return (head + "".join(events) + "END:VCALENDAR\r\n").encode()


def floor_feed(pks: list[int]) -> bytes:
    """The same rows, one raw query, formatted with f-strings (UTC times, no folding)."""
    return floor_calendar(
        [
            "BEGIN:VEVENT\r\n"
            f"UID:{uid}@protocol\r\n"
            f"DTSTAMP:{updated:%Y%m%dT%H%M%SZ}\r\n"
            f"LAST-MODIFIED:{updated:%Y%m%dT%H%M%SZ}\r\n"
            f"SEQUENCE:{sequence}\r\n"
            f"DTSTART:{starts:%Y%m%dT%H%M%SZ}\r\n"
            f"DTEND:{ends:%Y%m%dT%H%M%SZ}\r\n"
            f"SUMMARY:{escape(title)}\r\n"
            f"STATUS:{FLOOR_STATUSES.get(status, 'CANCELLED')}\r\n"
            f"LOCATION:{escape(place)}\r\n"
            "END:VEVENT\r\n"
            for uid, title, starts, ends, status, sequence, updated, place in floor_rows(
                pks, OBJECTS
            )
        ]
    )


def floor_text_feed(pks: list[int]) -> bytes:
    """The same, every value read as text: no UUID or datetime made in Python."""
    return floor_calendar(
        [
            "BEGIN:VEVENT\r\n"
            f"UID:{uid}@protocol\r\n"
            f"DTSTAMP:{updated}\r\n"
            f"LAST-MODIFIED:{updated}\r\n"
            f"SEQUENCE:{sequence}\r\n"
            f"DTSTART:{starts}\r\n"
            f"DTEND:{ends}\r\n"
            f"SUMMARY:{escape(title)}\r\n"
            f"STATUS:{FLOOR_STATUSES.get(status, 'CANCELLED')}\r\n"
            f"LOCATION:{escape(place)}\r\n"
            "END:VEVENT\r\n"
            for uid, title, starts, ends, status, sequence, updated, place in floor_rows(pks, TEXTS)
        ]
    )
