"""Reads an iCalendar text from stdin with libical (through ICalGLib) and runs its restriction
check, as Evolution and many servers do; prints JSON: every error libical wrote into the tree
(X-LIC-ERROR: parse errors, then the restriction check's) and each VEVENT's UID and start in UTC.

Run by the SYSTEM python (/usr/bin/python3), which has Debian's gir1.2-ical-3.0 and python3-gi;
`tests/calendar_feeds/libical.py` runs it. Exit 3: libical cannot be loaded."""

import json
import sys

try:
    import gi

    gi.require_version("ICalGLib", "3.0")
    from gi.repository import ICalGLib
except (ImportError, ValueError) as error:
    print(f"libical (ICalGLib 3.0) cannot be loaded: {error}", file=sys.stderr)
    sys.exit(3)

ANY = ICalGLib.ComponentKind.ANY_COMPONENT
ERROR = ICalGLib.PropertyKind.XLICERROR_PROPERTY


def errors(component) -> list[str]:
    found, name = [], ICalGLib.Component.kind_to_string(component.isa())
    prop = component.get_first_property(ERROR)
    while prop is not None:
        found.append(f"{name}: {prop.get_xlicerror()}")
        prop = component.get_next_property(ERROR)
    child = component.get_first_component(ANY)
    while child is not None:
        found += errors(child)
        child = component.get_next_component(ANY)
    return found


def start_utc(event) -> str:
    start = event.get_dtstart()
    start = start.convert_to_zone(ICalGLib.Timezone.get_utc_timezone())
    return (
        f"{start.get_year():04d}-{start.get_month():02d}-{start.get_day():02d}T"
        f"{start.get_hour():02d}:{start.get_minute():02d}:{start.get_second():02d}Z"
    )


def main() -> int:
    text = sys.stdin.buffer.read().decode("utf-8")
    calendar = ICalGLib.Component.new_from_string(text)
    if calendar is None:
        print(json.dumps({"errors": ["libical could not parse the text at all"], "events": []}))
        return 0
    ICalGLib.restriction_check(calendar)  # adds its findings to the parser's, in the tree
    events = []
    event = calendar.get_first_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    while event is not None:
        events.append({"uid": event.get_uid(), "start_utc": start_utc(event)})
        event = calendar.get_next_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    print(json.dumps({"errors": errors(calendar), "events": events}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
