"""/calendars/public.ics and one engagement's .ics: right for every client (icalendar, vobject
with validation, Mozilla's ical.js and libical with its restriction check agree on every time,
across both daylight-saving changes), escaped, deterministic, conditional, and through the
visibility door."""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from dateutil.rrule import rrulestr
from django.urls import reverse
from django.utils import timezone

from tests.calendar_feeds.parsers import PARSERS, events_by_parser
from tests.factories import EngagementFactory, GuestFactory, VisitFactory
from visits import services
from visits.ical.timezones import transitions

pytestmark = pytest.mark.django_db

PARIS = timezone.get_default_timezone()
URL = "/calendars/public.ics"


def published(starts_at, title="Réception", **fields):
    visit = VisitFactory(
        starts_on=timezone.localdate(starts_at),
        status="confirmed",
        confidentiality="public",
        principal=GuestFactory(name="Roberto Gualtieri"),
    )
    return EngagementFactory(
        visit=visit,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=1),
        title_fr=title,
        title_en=fields.pop("title_en", title),
        status="confirmed",
        **fields,
    )


def test_the_public_calendar_is_a_calendar_for_every_client(client):
    published(datetime(2027, 7, 6, 10, tzinfo=PARIS))
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["X-Robots-Tag"] == "noindex"
    body = response.content
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in body
    assert b"\r\nX-WR-CALNAME:" in body and b"\r\nNAME:" in body
    assert b"TZID:Europe/Paris" in body and b"ORGANIZER" not in body
    assert b"\r\nMETHOD:" not in body  # not an iTIP message: a PUBLISH needs an ORGANIZER
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))


def test_every_parser_reads_the_same_utc_times_on_both_change_days(client):
    engagements = [
        published(datetime(2027, 3, 28, 10, tzinfo=PARIS)),  # the day clocks go forward
        published(datetime(2027, 3, 28, 1, 30, tzinfo=UTC)),  # 03:30, just after the change
        published(datetime(2027, 3, 28, 0, 30, tzinfo=UTC)),  # 01:30, just before it
        published(datetime(2027, 10, 31, 10, tzinfo=PARIS)),  # the day they go back
        # 02:30 happens twice that night: the first time, then the second.
        published(datetime(2027, 10, 31, 0, 30, tzinfo=UTC)),
        published(datetime(2027, 10, 31, 1, 30, tzinfo=UTC)),
        published(datetime(2027, 1, 5, 18, tzinfo=PARIS)),
    ]
    parsed = events_by_parser(client.get(URL).content)
    expected = {f"{e.uid}@protocol": e.starts_at for e in engagements}
    assert parsed == dict.fromkeys(PARSERS, expected)


def test_the_timezone_agrees_with_zoneinfo_every_year_of_a_long_window(client):
    published(datetime(2040, 6, 1, 10, tzinfo=PARIS))
    calendar = icalendar.Calendar.from_ical(client.get(URL).content)
    [zone] = calendar.walk("VTIMEZONE")
    for part in zone.subcomponents:
        start = part.decoded("DTSTART")
        rule = rrulestr(part["RRULE"].to_ical().decode(), dtstart=start)
        for year in range(start.year, 2041):
            [expected] = [
                wall
                for wall, before, after, _name in transitions(PARIS, year)
                if (after > before) == (part.name == "DAYLIGHT")
            ]
            assert rule.after(datetime(year, 1, 1), inc=True) == expected, (part.name, year)


def test_text_cannot_break_out_of_its_property(client):
    tricky = "Dîner, salon; étage\nLOCATION:Ailleurs\\ fin"
    published(datetime(2027, 7, 6, 10, tzinfo=PARIS), title=tricky)
    [event] = icalendar.Calendar.from_ical(client.get(URL).content).walk("VEVENT")
    # the guest's name after, in French (the feed's default language)
    assert str(event["SUMMARY"]) == f"{tricky}\N{NO-BREAK SPACE}: Roberto Gualtieri"
    assert str(event["LOCATION"]) != "Ailleurs"


def test_the_same_data_gives_the_same_bytes_and_a_304(client):
    published(datetime(2027, 7, 6, 10, tzinfo=PARIS))
    first, second = client.get(URL), client.get(URL)
    assert first.content == second.content and first["ETag"] == second["ETag"]
    assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    head = client.head(URL)
    assert head.status_code == 200 and head["ETag"] == first["ETag"]


def test_a_change_changes_the_bytes_the_etag_and_the_sequence(client):
    engagement = published(datetime(2027, 7, 6, 10, tzinfo=PARIS))
    before = client.get(URL)
    services.reschedule_engagement(
        engagement,
        by=None,
        starts_at=datetime(2027, 7, 6, 15, tzinfo=PARIS),
        ends_at=datetime(2027, 7, 6, 16, tzinfo=PARIS),
    )
    after = client.get(URL, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert b"SEQUENCE:1\r\n" in after.content


def test_a_cancelled_engagement_stays_30_days_as_cancelled(client):
    engagement = published(datetime(2027, 7, 6, 10, tzinfo=PARIS))
    services.cancel_engagement(engagement, by=None)
    assert b"STATUS:CANCELLED" in client.get(URL).content
    type(engagement).objects.filter(pk=engagement.pk).update(
        updated_at=timezone.now() - timedelta(days=31)
    )
    assert str(engagement.uid).encode() not in client.get(URL).content


def test_only_published_visits_are_in_the_public_calendar(client):
    shown = published(datetime(2027, 7, 6, 10, tzinfo=PARIS))
    secret = EngagementFactory(
        visit=VisitFactory(confidentiality="confidential", principal=GuestFactory(name="Secret"))
    )
    body = client.get(URL).content
    assert str(shown.uid).encode() in body
    assert str(secret.uid).encode() not in body and b"Secret" not in body


def test_the_calendar_speaks_the_language_asked(client):
    published(datetime(2027, 7, 6, 10, tzinfo=PARIS), title="Réception", title_en="Reception")
    english = client.get(URL, {"lang": "en"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert b"SUMMARY:Reception: Roberto Gualtieri\r\n" in english.content
    assert b"X-WR-CALNAME:Paris City Hall: official visits\r\n" in english.content
    assert english["Content-Language"] == "en"
    french = client.get(URL, {"lang": "fr"}, HTTP_ACCEPT_LANGUAGE="en")
    assert "SUMMARY:Réception\N{NO-BREAK SPACE}: Roberto Gualtieri\r\n".encode() in french.content
    assert french["Content-Language"] == "fr"
    unchanged = client.get(URL, {"lang": "en"}, HTTP_IF_NONE_MATCH=english["ETag"])
    assert (unchanged.status_code, unchanged["Content-Language"]) == (304, "en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_one_engagement_downloads_in_the_language_asked(client, language):
    engagement = published(
        datetime(2027, 7, 6, 10, tzinfo=PARIS), title="Déjeuner", title_en="Lunch"
    )
    url = reverse("calendars:engagement", args=[engagement.uid])
    other = {"en": "fr", "fr": "en"}[language]
    response = client.get(url, {"lang": language}, HTTP_ACCEPT_LANGUAGE=other)
    title = {"en": "Lunch", "fr": "Déjeuner"}[language]
    assert f"\r\nNAME:{title}\r\nX-WR-CALNAME:{title}\r\n".encode() in response.content
    summary = {"en": "Lunch: ", "fr": "Déjeuner\N{NO-BREAK SPACE}: "}[
        language
    ] + "Roberto Gualtieri"
    assert f"\r\nSUMMARY:{summary}\r\n".encode() in response.content
    assert response["Content-Language"] == language


def test_one_engagement_downloads_for_those_who_may_see_it(client, staff_member):
    restricted = EngagementFactory(visit=VisitFactory(confidentiality="restricted"))
    url = reverse("calendars:engagement", args=[restricted.uid])
    assert client.get(url).status_code == 404  # the public may not see it
    client.force_login(staff_member)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{restricted.uid}.ics"'
    assert f"UID:{restricted.uid}@protocol".encode() in response.content
    assert b"/run-sheet/" in response.content  # staff get the link


@pytest.mark.parametrize("count", [1, 3])
def test_the_public_calendar_reads_a_fixed_number_of_queries(
    client, django_assert_num_queries, count
):
    for day in range(count):
        published(datetime(2027, 7, 5 + day, 10, tzinfo=PARIS))
    # The request's savepoint and release; the state of the data; the feed's rows; then, for
    # the events not yet rendered, engagements, hosts and principal guests.
    with django_assert_num_queries(7):
        body = client.get(URL).content
    assert body.count(b"BEGIN:VEVENT") == count
