"""The world of the leak properties: viewers, an oracle of the rules, generated visits."""

import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, time, timedelta

import icalendar
from django.db import transaction
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from calendar_feeds.models import Subscription
from calendar_feeds.tokens import digest, new_token
from tests.factories import (
    PARIS,
    EngagementFactory,
    GuestFactory,
    VisitFactory,
)
from visits.models import Engagement, Guest, Visit
from visits.models.choices import (
    Confidentiality,
    EngagementStatus,
    VisitStatus,
)

# Examples per property: CI runs fewer (LEAK_EXAMPLES in .ci/run) to stay under its 15 minutes.
EXAMPLES = int(os.environ.get("LEAK_EXAMPLES", "25"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# The rules, restated for the oracle (not imported from the door).
PUBLISHED = {VisitStatus.CONFIRMED, VisitStatus.HELD}
LIVE = {EngagementStatus.TENTATIVE, EngagementStatus.CONFIRMED}
EMBARGOES = {
    "none": lambda now: None,
    "past": lambda now: now - timedelta(days=1),
    "future": lambda now: now + timedelta(days=1),
}
BUSY_BLOCK = "Confidential engagement"


# --- the viewers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Viewer:
    name: str
    user: object  # AnonymousUser for the public
    staff: bool = False  # holds visits.view_visit
    cleared: bool = False  # holds visits.view_confidential_visits
    leads: bool = False  # is the lead officer of the visits drawn as led
    active: bool = True

    @property
    def signed_in(self) -> bool:
        return self.user.is_authenticated and self.active

    @property
    def staff_member(self) -> bool:
        """May open the staff pages, the API's lists and calendar feeds."""
        return self.signed_in and self.staff


def sees(viewer: Viewer, spec) -> bool:
    """The oracle: who may see a visit, straight from the rules."""
    if viewer.user.is_authenticated and not viewer.active:
        return False
    if viewer.cleared:
        return True
    if viewer.staff:
        led_by_viewer = spec.led and viewer.leads
        return spec.confidentiality != Confidentiality.CONFIDENTIAL or led_by_viewer
    return (
        spec.confidentiality == Confidentiality.PUBLIC
        and spec.status in PUBLISHED
        and spec.embargo != "future"
    )


@dataclass
class World:
    viewers: list[Viewer]
    clients: dict[str, Client]
    lead: object
    venue: object
    mayor: object
    monday: object

    def viewer(self, name) -> Viewer:
        return next(viewer for viewer in self.viewers if viewer.name == name)


# --- the data -------------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitSpec:
    confidentiality: str
    status: str
    embargo: str
    led: bool
    engagement_status: str
    day: int
    hour: int


visit_specs = st.builds(
    VisitSpec,
    confidentiality=st.sampled_from(Confidentiality.values),
    status=st.sampled_from(VisitStatus.values),
    embargo=st.sampled_from(sorted(EMBARGOES)),
    led=st.booleans(),
    engagement_status=st.sampled_from(EngagementStatus.values),
    day=st.integers(0, 6),
    hour=st.sampled_from([9, 11, 14, 16]),  # two hours apart: no room turnover between them
)
scenarios = st.lists(visit_specs, min_size=1, max_size=4, unique_by=lambda s: (s.day, s.hour))


@dataclass
class Row:
    spec: VisitSpec
    visit: Visit
    engagement: Engagement
    guest: Guest

    @property
    def tokens(self) -> list[str]:
        e = self.engagement
        return [
            self.guest.name,
            self.visit.occasion_en,
            e.title_en,
            e.title_fr,
            self.visit.reference,
            str(e.uid),
        ]

    @property
    def live(self) -> bool:
        return self.spec.engagement_status in LIVE

    @property
    def slot(self) -> str:
        start, end = (
            timezone.localtime(self.engagement.starts_at),
            timezone.localtime(self.engagement.ends_at),
        )
        return f"{start:%H:%M}–{end:%H:%M}"


def seed(world: World, specs) -> list[Row]:
    """Rows written directly, as data imported or written before the rules would be."""
    now = timezone.now()
    rows = []
    for n, spec in enumerate(specs, start=1):
        day = world.monday + timedelta(days=spec.day)
        guest = GuestFactory(name=f"Zqx{n}Guest")
        visit = VisitFactory(
            confidentiality=spec.confidentiality,
            status=spec.status,
            embargo_until=EMBARGOES[spec.embargo](now),
            lead_officer=world.lead if spec.led else None,
            occasion_fr=f"Zqx{n}Occasion",
            occasion_en=f"Zqx{n}Occasion",
            starts_on=day,
            principal=guest,
        )
        starts_at = datetime.combine(day, time(spec.hour), PARIS)
        engagement = EngagementFactory(
            visit=visit,
            venue=world.venue,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=1),
            status=spec.engagement_status,
            title_en=f"Zqx{n}Title",
            title_fr=f"Zqx{n}Titre",
        )
        engagement.hosts.add(world.mayor)
        rows.append(Row(spec, visit, engagement, guest))
    return rows


@contextmanager
def rolled_back():
    """One example's rows, gone afterwards so that examples do not pile up."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def split(rows, viewer):
    shown = [row for row in rows if sees(viewer, row.spec)]
    hidden = [row for row in rows if not sees(viewer, row.spec)]
    return shown, hidden


def leaks(text: str, hidden) -> list[str]:
    return [token for row in hidden for token in row.tokens if token in text]


def pks(objects) -> set[int]:
    return {obj.pk for obj in objects}


# --- calendar feeds -------------------------------------------------------------------------

FEED_SCOPES = ("mine", "visible", "venue", "public")


def feed_addresses(world: World) -> dict[tuple[str, str], str]:
    """A feed of each scope for every signed-in viewer (made directly, as the page would),
    by (viewer, scope): its address, in English."""
    addresses = {}
    for viewer in world.viewers:
        if not viewer.user.is_authenticated:
            continue
        for scope in FEED_SCOPES:
            token = new_token()
            Subscription.objects.create(
                owner=viewer.user,
                name=f"{viewer.name} {scope}",
                scope=scope,
                venue=world.venue if scope == "venue" else None,
                token_digest=digest(token),
            )
            addresses[viewer.name, scope] = f"/calendars/feeds/{token}.ics?lang=en"
    return addresses


@dataclass(frozen=True)
class FeedEvent:
    start: datetime
    summary: str
    status: str | None


def feed_events(body: bytes) -> dict[str, FeedEvent]:
    """Each event of a feed by UID (busy blocks' start with `busy-`)."""
    return {
        str(event["UID"]): FeedEvent(
            event.decoded("DTSTART"), str(event["SUMMARY"]), event.get("STATUS")
        )
        for event in icalendar.Calendar.from_ical(body).walk("VEVENT")
    }


def uid_of(row) -> str:
    return f"{row.engagement.uid}@protocol"
