"""The staff agenda: engagements of a period in time order, with neutral busy blocks for the
ones the viewer may not see, so that nobody books over them blindly (DESIGN.md, decision 1)."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from visits.models import Engagement, Venue
from visits.models.choices import LIVE_ENGAGEMENT_STATUSES, EngagementStatus
from visits.models.visibility import visit_filter_for
from visits.models.visits import with_principal_guests
from visits.queries.clashes import clash, live_overlapping


@dataclass
class AgendaItem:
    starts_at: datetime
    ends_at: datetime
    venue: Venue | None
    visit_id: int
    engagement: Engagement | None = None  # None: a busy block the viewer may not open
    clashes: bool = False
    host_ids: set = field(default_factory=set)
    guest_ids: set = field(default_factory=set)

    @property
    def is_busy_block(self) -> bool:
        return self.engagement is None

    @property
    def is_tentative(self) -> bool:
        return self.engagement is not None and self.engagement.status == EngagementStatus.TENTATIVE


@dataclass
class AgendaDay:
    day: date
    items: list[AgendaItem]


def local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def agenda(viewer, first_day: date, days: int, venue=None, host=None) -> list[AgendaDay]:
    begin, end = local_midnight(first_day), local_midnight(first_day + timedelta(days=days))
    in_period = live_overlapping(begin, end)
    if venue is not None:
        in_period = in_period.filter(venue=venue)
    if host is not None:
        in_period = in_period.filter(hosts=host)
    items = [*visible_items(in_period, viewer), *busy_blocks(in_period, viewer)]
    mark_clashes(items)
    items.sort(key=lambda item: (item.starts_at, item.ends_at))
    by_day = {first_day + timedelta(days=n): [] for n in range(days)}
    for item in items:
        # An engagement running over midnight into the period is listed on its first day.
        by_day[max(timezone.localdate(item.starts_at), first_day)].append(item)
    return [AgendaDay(day, day_items) for day, day_items in by_day.items()]


def visible_items(in_period, viewer) -> list[AgendaItem]:
    engagements = (
        in_period.visible_to(viewer)
        .select_related("visit", "venue")
        .prefetch_related("hosts", with_principal_guests("visit__participants"))
    )
    return [
        AgendaItem(
            starts_at=engagement.starts_at,
            ends_at=engagement.ends_at,
            venue=engagement.venue,
            visit_id=engagement.visit_id,
            engagement=engagement,
            host_ids={host.pk for host in engagement.hosts.all()},
            guest_ids={p.guest_id for p in engagement.visit.principal_participants},
        )
        for engagement in engagements
    ]


def busy_engagements(engagements, viewer):
    """Of `engagements`, the live ones the door hides from this viewer: shown as busy blocks
    (room and time only) by the agenda and by room feeds, so nobody books over them blindly."""
    if visit_filter_for(viewer) is None:
        return engagements.none()
    live = engagements.filter(status__in=LIVE_ENGAGEMENT_STATUSES)
    return live.exclude(pk__in=live.visible_to(viewer).values("pk"))


def busy_blocks(in_period, viewer) -> list[AgendaItem]:
    """Room and time only, of what the door hides from this viewer."""
    return [
        AgendaItem(starts_at=e.starts_at, ends_at=e.ends_at, venue=e.venue, visit_id=e.visit_id)
        for e in busy_engagements(in_period, viewer).select_related("venue")
    ]


def mark_clashes(items: list[AgendaItem]) -> None:
    """Items that clash (`visits.queries.clashes`, the services' rule): the services refuse
    these, but data written before the rules, or imported, may hold some."""
    for index, one in enumerate(items):
        for other in items[index + 1 :]:
            if clash(one, other):
                one.clashes = other.clashes = True
