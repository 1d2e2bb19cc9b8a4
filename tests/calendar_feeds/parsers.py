"""Four independent readers of a calendar: icalendar, vobject (validating), Mozilla's ical.js
(Thunderbird's, under node) and libical (Evolution's and many servers', with its restriction
check, under the system python)."""

from datetime import UTC, datetime

import icalendar
import vobject

from tests.calendar_feeds.icaljs import icaljs_events
from tests.calendar_feeds.libical import libical_events

PARSERS = ("icalendar", "vobject", "ical.js", "libical")


def events_by_parser(body: bytes) -> dict:
    """Each parser's (UID → start in UTC); libical's restriction check must find nothing."""
    text = body.decode()
    by_icalendar = {
        str(e["UID"]): e.decoded("DTSTART").astimezone(UTC)
        for e in icalendar.Calendar.from_ical(text).walk("VEVENT")
    }
    parsed = vobject.readOne(text, validate=True)
    by_vobject = {
        e.uid.value: e.dtstart.value.astimezone(UTC) for e in getattr(parsed, "vevent_list", [])
    }
    by_icaljs = {e["uid"]: datetime.fromisoformat(e["start_utc"]) for e in icaljs_events(body)}
    by_libical = {e["uid"]: datetime.fromisoformat(e["start_utc"]) for e in libical_events(body)}
    return {
        "icalendar": by_icalendar,
        "vobject": by_vobject,
        "ical.js": by_icaljs,
        "libical": by_libical,
    }
