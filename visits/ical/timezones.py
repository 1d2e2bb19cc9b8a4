"""A VTIMEZONE from zoneinfo, in the RRULE form Outlook reads (one yearly rule per change)
when the zone's rule holds over the whole window; otherwise each change listed (RDATE)."""

import calendar
import functools
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def offset_text(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


@functools.cache  # a year's changes do not change; the search takes milliseconds
def transitions(
    zone: ZoneInfo, year: int
) -> tuple[tuple[datetime, timedelta, timedelta, str], ...]:
    """Each change of offset in `year`: (local wall time it happens at, by the old offset;
    offset before; offset after; name after), found hour by hour then minute by minute."""
    found = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    before = moment.astimezone(zone).utcoffset()
    while moment < end:
        later = moment + timedelta(hours=1)
        after = later.astimezone(zone).utcoffset()
        if after != before:
            exact = moment
            while exact.astimezone(zone).utcoffset() == before:
                exact += timedelta(minutes=1)
            wall = (exact + before).replace(tzinfo=None)
            found.append((wall, before, after, exact.astimezone(zone).tzname()))
            before = after
        moment = later
    return tuple(found)


def yearly_rule(wall: datetime) -> str:
    """The RRULE that gives this wall time each year: the nth (or last) weekday of the month."""
    last_day = calendar.monthrange(wall.year, wall.month)[1]
    weekday = WEEKDAYS[wall.weekday()]
    nth = "-1" if wall.day > last_day - 7 else str((wall.day - 1) // 7 + 1)
    return f"FREQ=YEARLY;BYMONTH={wall.month};BYDAY={nth}{weekday}"


def vtimezone(name: str, first: date, last: date) -> list[str]:
    """The lines of a VTIMEZONE for `name` that agrees with zoneinfo from `first` to `last`."""
    zone = ZoneInfo(name)
    years = range(first.year, last.year + 1)
    changes = [change for year in years for change in transitions(zone, year)]
    lines = ["BEGIN:VTIMEZONE", f"TZID:{name}"]
    if not changes:  # no change in the window: one standard offset
        offset = datetime(first.year, 1, 1, tzinfo=zone).utcoffset()
        return [*lines, "BEGIN:STANDARD", f"DTSTART:{first:%Y%m%d}T000000",
                f"TZOFFSETFROM:{offset_text(offset)}", f"TZOFFSETTO:{offset_text(offset)}",
                "END:STANDARD", "END:VTIMEZONE"]  # fmt: skip
    kinds = {}
    for wall, before, after, tzname in changes:
        kind = "DAYLIGHT" if after > before else "STANDARD"
        kinds.setdefault((kind, before, after, tzname), []).append(wall)
    for (kind, before, after, tzname), walls in sorted(kinds.items(), key=lambda k: k[1][0]):
        rules = {(yearly_rule(w), w.time()) for w in walls}
        lines += [
            f"BEGIN:{kind}",
            f"TZNAME:{tzname}",
            f"TZOFFSETFROM:{offset_text(before)}",
            f"TZOFFSETTO:{offset_text(after)}",
            f"DTSTART:{walls[0]:%Y%m%dT%H%M%S}",
        ]
        if len(rules) == 1 and len(walls) == len(years):  # one rule, every year of the window
            lines.append(f"RRULE:{next(iter(rules))[0]}")
        else:
            lines += [f"RDATE:{wall:%Y%m%dT%H%M%S}" for wall in walls[1:]]
        lines.append(f"END:{kind}")
    return [*lines, "END:VTIMEZONE"]
