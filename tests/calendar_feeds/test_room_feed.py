"""A room's feed does not show the room free when it is not: what the door hides from its owner
is there as the agenda shows it, a neutral busy block (time only); and every event says how
private it is (CLASS)."""

import re
from datetime import datetime, timedelta

import icalendar
import pytest
from django.utils import timezone

from calendar_feeds import rendering
from tests.calendar_feeds.parsers import PARSERS, events_by_parser
from tests.calendar_feeds.test_subscriptions import subscribe
from tests.factories import EngagementFactory, GuestFactory, VenueFactory, VisitFactory
from visits import services

pytestmark = pytest.mark.django_db

PARIS = timezone.get_default_timezone()
DAY = timezone.localdate() + timedelta(days=10)


def at(hour: int) -> datetime:
    return datetime.combine(DAY, datetime.min.time(), PARIS).replace(hour=hour)


def booked(room, hour, confidentiality, name, status="confirmed"):
    visit = VisitFactory(
        starts_on=DAY,
        confidentiality=confidentiality,
        occasion_en=f"{name} occasion",
        occasion_fr=f"{name} occasion",
        principal=GuestFactory(name=f"{name} guest"),
    )
    return EngagementFactory(
        visit=visit,
        venue=room,
        starts_at=at(hour),
        ends_at=at(hour) + timedelta(hours=1),
        title_fr=f"{name} titre",
        title_en=f"{name} title",
        status=status,
    )


def events(body: bytes) -> dict:
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(body).walk("VEVENT")}


def in_language(url: str, language: str) -> str:
    return re.sub(r"lang=\w+", f"lang={language}", url)


@pytest.fixture
def room():
    return VenueFactory(name="Salon des Arcades")


def test_a_room_feed_shows_what_its_owner_may_not_see_as_busy_blocks(client, staff_member, room):
    shown = booked(room, 9, "restricted", "Zqxopen")
    secret = booked(room, 14, "confidential", "Zqxsecret")
    booked(room, 17, "confidential", "Zqxgone", status="cancelled")  # frees the room
    booked(VenueFactory(), 14, "confidential", "Zqxelsewhere")  # another room
    url = subscribe(client, staff_member, scope="venue", venue=room.pk)
    body = client.get(in_language(url, "en")).content
    found = events(body)
    [block_uid] = set(found) - {f"{shown.uid}@protocol"}
    block = found[block_uid]
    assert sorted(block) == ["CLASS", "DTEND", "DTSTAMP", "DTSTART", "SEQUENCE", "SUMMARY",
                             "TRANSP", "UID"]  # fmt: skip
    assert str(block["SUMMARY"]) == "Confidential engagement"
    assert (block.decoded("DTSTART"), block.decoded("DTEND")) == (secret.starts_at, secret.ends_at)
    assert str(block["CLASS"]) == "CONFIDENTIAL" and str(block["TRANSP"]) == "OPAQUE"
    text = body.replace(b"\r\n ", b"").decode()
    assert "Zqxsecret" not in text and "Zqxgone" not in text and "Zqxelsewhere" not in text
    assert str(secret.uid) not in text and str(secret.uid).replace("-", "") not in text
    assert str(found[f"{shown.uid}@protocol"]["CLASS"]) == "PRIVATE"
    french = events(client.get(in_language(url, "fr")).content)
    assert str(french[block_uid]["SUMMARY"]) == "Séquence confidentielle"


def test_a_busy_block_keeps_its_uid_until_it_moves(client, staff_member, room):
    secret = booked(room, 14, "confidential", "Zqxsecret")
    url = subscribe(client, staff_member, scope="venue", venue=room.pk)
    first = client.get(url).content
    rendering.TEXTS.clear()  # another process
    assert client.get(url).content == first
    other_room = VenueFactory()
    url_elsewhere = subscribe(client, staff_member, scope="venue", venue=other_room.pk)
    services.update_engagement(secret, by=None, title_fr="Zqxsecret nouveau titre")
    assert client.get(url).content == first  # nothing a block shows changed
    services.reschedule_engagement(
        secret, by=None, starts_at=at(15), ends_at=at(16) + timedelta(minutes=30)
    )
    [moved] = events(client.get(url).content).values()
    [before] = events(first).values()
    assert moved["UID"] != before["UID"]  # a new block: no client keeps the old time
    assert (moved.decoded("DTSTART"), moved.decoded("DTEND")) == (
        at(15),
        at(16) + timedelta(minutes=30),
    )
    assert events(client.get(url_elsewhere).content) == {}


def test_a_cleared_officer_sees_the_engagement_itself_marked_confidential(
    client, cleared_officer, room
):
    public = booked(room, 9, "public", "Zqxpublic")
    secret = booked(room, 14, "confidential", "Zqxsecret")
    url = subscribe(client, cleared_officer, scope="venue", venue=room.pk)
    found = events(client.get(url).content)
    assert {uid: str(event["CLASS"]) for uid, event in found.items()} == {
        f"{public.uid}@protocol": "PUBLIC",
        f"{secret.uid}@protocol": "CONFIDENTIAL",
    }


def test_a_room_feed_with_busy_blocks_reads_alike_in_every_parser(client, staff_member, room):
    shown = booked(room, 9, "public", "Zqxopen")
    secret = booked(room, 14, "confidential", "Zqxsecret")
    body = client.get(subscribe(client, staff_member, scope="venue", venue=room.pk)).content
    parsed = events_by_parser(body)
    [block_uid] = set(parsed["icalendar"]) - {f"{shown.uid}@protocol"}
    expected = {f"{shown.uid}@protocol": shown.starts_at, block_uid: secret.starts_at}
    assert parsed == dict.fromkeys(PARSERS, expected)


@pytest.mark.parametrize("count", [1, 3])
def test_a_room_feed_reads_a_fixed_number_of_queries(
    client, staff_member, room, django_assert_num_queries, count
):
    for hour in range(count):
        booked(room, 9 + 2 * hour, "public", f"Zqxopen{hour}")
        booked(room, 10 + 2 * hour, "confidential", f"Zqxsecret{hour}")
    url = subscribe(client, staff_member, scope="venue", venue=room.pk)
    # As any personal feed (tests/calendar_feeds/test_subscriptions.py), and its busy blocks.
    with django_assert_num_queries(12):
        body = client.get(url).content
    assert body.count(b"BEGIN:VEVENT") == 2 * count and body.count(b"UID:busy-") == count
