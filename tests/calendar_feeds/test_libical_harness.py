"""The libical harness (tests/calendar_feeds/libical.py) on hand-written calendars: no database."""

import pytest

from tests.calendar_feeds import libical
from tests.calendar_feeds.libical import libical_events, libical_read
from tests.calendar_feeds.test_icaljs_harness import PARIS, calendar, event


def test_tzid_times_are_read_with_the_files_own_vtimezone():
    events = libical_events(
        calendar(
            PARIS,
            event("summer@test", "DTSTART;TZID=Europe/Paris:20270706T100000", "SUMMARY:Lunch"),
            event("winter@test", "DTSTART;TZID=Europe/Paris:20270105T180000", "SUMMARY:Dinner"),
            event("utc@test", "DTSTART:20271031T003000Z", "SUMMARY:Night"),
        )
    )
    assert events == [
        {"uid": "summer@test", "start_utc": "2027-07-06T08:00:00Z"},
        {"uid": "winter@test", "start_utc": "2027-01-05T17:00:00Z"},
        {"uid": "utc@test", "start_utc": "2027-10-31T00:30:00Z"},
    ]


def test_a_publish_without_organizer_is_refused_by_the_restriction_check():
    """What the public feed once sent: RFC 5546 wants an ORGANIZER in every PUBLISH."""
    published = calendar(
        "METHOD:PUBLISH\n", event("a@test", "DTSTART:20270115T083000Z", "SUMMARY:Lunch")
    )
    found = libical_read(published)["errors"]
    assert found == [
        "VEVENT: Failed iTIP restrictions for ORGANIZER property. "
        "Expected 1 instances of the property and got 0"
    ]
    with pytest.raises(AssertionError, match="ORGANIZER"):
        libical_events(published)


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (event("twice@test", "DTSTART:20270115T083000Z", "SUMMARY:a", "SUMMARY:b"), "SUMMARY"),
        (event("digits@test", "DTSTART:2027011XT083000Z"), "DATE-TIME"),
    ],
    ids=["a-property-twice", "bad-digit"],
)
def test_text_libical_refuses_raises(broken, message):
    with pytest.raises(AssertionError, match=message):
        libical_events(calendar(PARIS, broken))


def test_no_libical_is_an_error_naming_the_debian_packages_not_a_skip(monkeypatch, tmp_path):
    monkeypatch.setattr(libical, "SYSTEM_PYTHON", tmp_path / "no-python")
    with pytest.raises(AssertionError, match="gir1.2-ical-3.0 and python3-gi"):
        libical_events(calendar())


def test_a_system_python_without_icalglib_is_an_error_too(monkeypatch):
    monkeypatch.setattr(libical, "PYTHON_OPTIONS", ("-S",))  # no site packages: no gi
    with pytest.raises(AssertionError, match="gir1.2-ical-3.0 and python3-gi"):
        libical_events(calendar())
