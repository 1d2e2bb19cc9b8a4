"""The ical.js harness (tests/calendar_feeds/icaljs.py) on hand-written calendars: no database."""

import pytest

from tests.calendar_feeds import icaljs
from tests.calendar_feeds.icaljs import icaljs_events

PARIS = """\
BEGIN:VTIMEZONE
TZID:Europe/Paris
BEGIN:DAYLIGHT
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
END:STANDARD
END:VTIMEZONE
"""


def calendar(*parts: str) -> str:
    body = "".join(parts)
    text = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//harness//EN\n{body}END:VCALENDAR\n"
    return text.replace("\n", "\r\n")


def event(uid: str, *lines: str) -> str:
    return "\n".join(["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20260101T000000Z", *lines]) + (
        "\nEND:VEVENT\n"
    )


def test_tzid_times_are_read_with_the_files_own_vtimezone():
    events = icaljs_events(
        calendar(
            PARIS,
            event(
                "spring@test",
                "DTSTART;TZID=Europe/Paris:20270328T030000",
                "DTEND;TZID=Europe/Paris:20270328T040000",
                "SUMMARY:First hour of summer time",
                "STATUS:CONFIRMED",
                "SEQUENCE:3",
            ),
            event(
                "autumn@test",
                "DTSTART;TZID=Europe/Paris:20271031T020000",
                "DURATION:PT30M",
                "SUMMARY:Repeated hour",
            ),
        )
    )

    spring, autumn = events
    assert spring == {
        "uid": "spring@test",
        "start_utc": "2027-03-28T01:00:00Z",
        "end_utc": "2027-03-28T02:00:00Z",
        "status": "CONFIRMED",
        "summary": "First hour of summer time",
        "sequence": 3,
    }
    # 02:00 on 31 October 2027 happens twice in Paris: 00:00Z (still +02:00) and 01:00Z (+01:00).
    # ical.js 2.2.1 takes the second, standard-time one; icalendar and vobject (dateutil, fold=0)
    # take the first. A feed that writes such a wall time is read an hour apart by them.
    assert autumn["start_utc"] in {"2027-10-31T00:00:00Z", "2027-10-31T01:00:00Z"}
    assert autumn["start_utc"] == "2027-10-31T01:00:00Z"
    assert autumn["end_utc"] == "2027-10-31T01:30:00Z"
    assert autumn["status"] is None
    assert autumn["sequence"] is None


def test_utc_times():
    (utc,) = icaljs_events(
        calendar(event("utc@test", "DTSTART:20270115T083000Z", "DTEND:20270115T093000Z"))
    )

    assert (utc["start_utc"], utc["end_utc"]) == (
        "2027-01-15T08:30:00Z",
        "2027-01-15T09:30:00Z",
    )


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (event("colon@test", "DTSTART:20270115T083000Z", "SUMMARY no colon"), "invalid line"),
        (
            event("nesting@test", "DTSTART:20270115T083000Z").replace("END:VEVENT", "END:VTODO"),
            "END:VTODO does not close",
        ),
        ("BEGIN:VEVENT\nUID:open@test\nDTSTART:20270115T083000Z\n", "END:VCALENDAR does not close"),
        (event("zone@test", "DTSTART;TZID=Europe/Berlin:20270115T083000"), "not in the file"),
        (event("digits@test", "DTSTART:2027011XT083000Z"), "not a DATE-TIME"),
    ],
    ids=[
        "line-without-colon",
        "end-of-another-component",
        "unclosed-vevent",
        "unknown-tzid",
        "bad-digit",
    ],
)
def test_text_ical_js_or_the_harness_refuses_raises(broken, message):
    with pytest.raises(AssertionError, match=message):
        icaljs_events(calendar(PARIS, broken).encode())


def test_no_node_is_an_error_that_says_what_to_do_not_a_skip(monkeypatch):
    monkeypatch.setattr(icaljs.shutil, "which", lambda name: None)

    with pytest.raises(AssertionError, match="make install"):
        icaljs.icaljs_events(calendar())
