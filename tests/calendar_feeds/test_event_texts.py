"""A feed reads its events' values in bulk (visits/ical/events.py: three queries of values,
timestamps as text); one download or a reminder's attachment takes them from an engagement
already loaded. Both must write the same bytes, in each language, for staff and the public."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone, translation

from calendar_feeds import rendering, views
from calendar_feeds.selection import first_day, with_details
from tests.calendar_feeds.test_subscriptions import subscribe
from tests.factories import EngagementFactory, GuestFactory, HostFactory, VisitFactory
from visits import services
from visits.ical import content
from visits.ical.content import Words, event_text
from visits.ical.events import event_of
from visits.models import Engagement, VisitGuest

pytestmark = pytest.mark.django_db

PARIS = timezone.get_default_timezone()


@pytest.fixture
def engagements():
    day = timezone.localdate() + timedelta(days=12)
    visit = VisitFactory(
        starts_on=day,
        occasion_fr="Visite d'État ; dîner",
        occasion_en="",  # falls back to French
        principal=GuestFactory(name="Zoé Première"),
    )
    VisitGuest.objects.create(visit=visit, guest=GuestFactory(name="Adam Second"), position=1)
    VisitGuest.objects.create(
        visit=visit, guest=GuestFactory(name="Délégué"), role="delegation", position=2
    )
    start = datetime.combine(day, datetime.min.time(), PARIS)
    with_room = EngagementFactory(
        visit=visit,
        starts_at=start.replace(hour=10),
        ends_at=start.replace(hour=11, minute=30),
        title_fr="Déjeuner, salon; étage",
        title_en="Lunch",
        kind="lunch",
    )
    with_room.hosts.set(
        [HostFactory(name="Anne", precedence=5), HostFactory(name="Zed", precedence=1)]
    )
    elsewhere = EngagementFactory(
        visit=VisitFactory(starts_on=day, confidentiality="restricted"),
        venue=None,
        location="Parvis de l'Hôtel de Ville",
        starts_at=start.replace(hour=15),
        ends_at=start.replace(hour=16),
        title_fr="Accueil",
        title_en="",
        status="tentative",
    )
    return [with_room, elsewhere]


def downloads(engagements, *, staff: bool, language: str) -> list[str]:
    """Each event's text as one engagement's download writes it."""
    loaded = with_details(Engagement.objects.filter(pk__in=[e.pk for e in engagements]))
    with translation.override(language), timezone.override(PARIS):
        words = Words.current()
        return [event_text(event_of(e), staff=staff, words=words) for e in loaded]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("staff", [False, True])
def test_a_feed_writes_each_event_as_its_own_download_does(engagements, staff, language):
    rendering.TEXTS.clear()
    now = timezone.now()
    feed = Engagement.objects.filter(pk__in=[e.pk for e in engagements]).order_by("starts_at")
    body = rendering.feed_bytes(
        feed, name="Essai", language=language, staff=staff, first_day=first_day(now)
    ).decode()
    expected = downloads(engagements, staff=staff, language=language)
    assert body.count("BEGIN:VEVENT") == len(expected) == 2
    assert [text in body for text in expected] == [True, True]


def summaries(body: bytes) -> list[str]:
    text = body.replace(b"\r\n ", b"").decode()
    lines = [line[len("SUMMARY:") :] for line in text.split("\r\n") if line.startswith("SUMMARY:")]
    return [line.replace("\\,", ",") for line in lines]


def meeting(guest="Keiko Castillo", *, title_fr="Entretien", title_en="Meeting", **visit):
    day = timezone.localdate() + timedelta(days=12)
    engagement = EngagementFactory(
        visit=VisitFactory(starts_on=day, principal=GuestFactory(name=guest), **visit),
        kind="meeting",
        title_fr=title_fr,
        title_en=title_en,
        status="confirmed",
    )
    return engagement


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Meeting: Keiko Castillo"), ("fr", "Entretien\N{NO-BREAK SPACE}: Keiko Castillo")],
)
def test_feed_titles_name_the_guest_in_the_feeds_language(client, language, expected):
    meeting()
    body = client.get(f"/calendars/public.ics?lang={language}").content
    assert summaries(body) == [expected]


def test_feed_titles_name_every_principal_guest_and_no_delegate(client, engagements):
    rendering.TEXTS.clear()
    english = summaries(client.get("/calendars/public.ics?lang=en").content)
    # the restricted visit's engagement is not in the public feed
    assert english == ["Lunch: Zoé Première, Adam Second"]
    assert "Délégué" not in client.get("/calendars/public.ics?lang=fr").content.decode()


def test_a_title_that_names_its_guest_already_is_left_as_it_is(client):
    meeting(title_fr="Remise à Keiko Castillo", title_en="Honouring KEIKO CASTILLO")
    assert summaries(client.get("/calendars/public.ics?lang=en").content) == [
        "Honouring KEIKO CASTILLO"
    ]


def test_a_confidential_guest_is_never_named_to_who_may_not_see_them(
    client, staff_member, cleared_officer
):
    secret = meeting("Zqxhidden Guest", confidentiality="confidential")
    meeting("Zqxrestricted Guest", confidentiality="restricted")
    public = client.get("/calendars/public.ics?lang=en").content.decode()
    assert "Zqxhidden" not in public and "Zqxrestricted" not in public
    staff_feed = subscribe(client, staff_member).replace("lang=fr", "lang=en")
    room_feed = subscribe(client, staff_member, scope="venue", venue=secret.venue_id)
    for url in (staff_feed, room_feed):
        text = client.get(url).content.replace(b"\r\n ", b"").decode()
        assert "Zqxhidden" not in text, url
    assert "Meeting: Zqxrestricted Guest" in summaries(client.get(staff_feed).content)
    cleared = subscribe(client, cleared_officer).replace("lang=fr", "lang=en")
    assert "Meeting: Zqxhidden Guest" in summaries(client.get(cleared).content)


def test_new_texts_reach_subscribers_whose_data_did_not_change(client, monkeypatch):
    """A deploy that changes every event's text (not a SEQUENCE-worthy edit of one) moves
    TEXTS_CHANGED: the ETag kept for unchanged data is not trusted, and Last-Modified moves on,
    so no calendar keeps the old text on a 304."""
    meeting()
    url = "/calendars/public.ics"
    before = client.get(url)
    monkeypatch.setattr(content, "PRODID", "-//Ville de Paris//New texts//FR")  # new code
    assert client.get(url, HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 304  # kept ETag
    monkeypatch.setattr(views, "TEXTS_CHANGED", timezone.now() + timedelta(minutes=1))
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and b"New texts" in after.content
    assert after["ETag"] != before["ETag"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=before["Last-Modified"]).status_code == 200


def test_a_guest_renamed_or_added_reaches_the_titles_of_a_warm_feed(client):
    engagement = meeting()
    url = "/calendars/public.ics?lang=en"
    assert summaries(client.get(url).content) == ["Meeting: Keiko Castillo"]
    guest = engagement.visit.guests.get()
    services.update_record(guest, by=None, name="Keiko Castillo-Ortiz")
    assert summaries(client.get(url).content) == ["Meeting: Keiko Castillo-Ortiz"]
    other = GuestFactory(name="Ana Ortiz")
    delegation = [(guest, "principal"), (other, "principal")]
    services.change_delegation(engagement.visit, by=None, delegation=delegation)
    assert summaries(client.get(url).content) == ["Meeting: Keiko Castillo-Ortiz, Ana Ortiz"]
