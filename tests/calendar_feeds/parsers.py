"""Three independent readers of a calendar: icalendar, vobject (validating) and Mozilla's
ical.js (Thunderbird's, under node)."""

from datetime import UTC, datetime

import icalendar
import vobject

from tests.calendar_feeds.icaljs import icaljs_events


def events_by_parser(body: bytes) -> dict:
    """Each parser's (UID → start in UTC)."""
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
    return {"icalendar": by_icalendar, "vobject": by_vobject, "ical.js": by_icaljs}
