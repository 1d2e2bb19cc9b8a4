"""A feed reads its events' values in bulk (visits/ical/events.py: three queries of values,
timestamps as text); one download or a reminder's attachment takes them from an engagement
already loaded. Both must write the same bytes, in each language, for staff and the public."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone, translation

from calendar_feeds import rendering
from calendar_feeds.selection import first_day, with_details
from tests.factories import EngagementFactory, GuestFactory, HostFactory, VisitFactory
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
