"""What a feed shows, decided at each fetch through the visibility door, and the state of the
data it is drawn from (its cache key and its Last-Modified), read in one query."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db import connection
from django.db.models import Count, Max, Q, Subquery, Sum
from django.db.models.expressions import RawSQL
from django.utils import timezone

from calendar_feeds.models import FeedScope
from visits.models import Engagement, Visit
from visits.models.visits import with_principal_guests
from visits.queries.feeds import CANCELLED_KEPT, WINDOW_DAYS, still_in_feeds, window_start

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def first_day(now) -> date:
    """The window's first day, in the office's time zone (the VTIMEZONE starts there)."""
    return timezone.localdate(window_start(now))


def feed_engagements(viewer, now=None, *, scope=FeedScope.VISIBLE, owner_id=None, venue_id=None):
    """Engagements `viewer` may see (None: the public), from the window's start on, ordered;
    `scope` narrows them to those of the user `owner_id` or to one room."""
    now = now or timezone.now()
    engagements = Engagement.objects.visible_to(viewer, now, withdrawn=True).filter(
        still_in_feeds(now), ends_at__gte=window_start(now)
    )
    if scope == FeedScope.MINE:
        mine = (
            Q(visit__lead_officer_id=owner_id)
            | Q(hosts__user_id=owner_id)
            | Q(assigned_staff__id=owner_id)
            | Q(visit__followers__id=owner_id)
        )
        engagements = engagements.filter(pk__in=Engagement.objects.filter(mine).values("pk"))
    elif scope == FeedScope.VENUE:
        engagements = engagements.filter(venue_id=venue_id)
    return engagements.order_by("starts_at", "pk")


def with_details(engagements):
    """What an event says: its room, visit, hosts and the visit's principal guests."""
    return engagements.select_related("venue", "visit").prefetch_related(
        "hosts", with_principal_guests("visit__participants")
    )


def row_versions() -> dict:
    """On PostgreSQL, a sum of the row versions (xmin) of every engagement and its visit: it
    changes with any write, even one that commits after a later-stamped one (the timestamps
    come from the application's clock, before the commit)."""
    if connection.vendor != "postgresql":
        return {}
    # The visit's table is joined by the other aggregates (visit__...), under its own name.
    return {
        f"{model._meta.model_name}_versions": Sum(
            RawSQL(f'"{model._meta.db_table}".xmin::text::bigint', [])  # noqa: S611 (no input)
        )
        for model in (Engagement, Visit)
    }


@dataclass(frozen=True)
class DataState:
    """Everything a feed can change with, for every viewer at once (so that no permission is
    read to answer a conditional request), and the moment it last changed."""

    key: tuple
    last_change: datetime


def data_state(now=None) -> DataState:
    """One query over all engagements, whoever may see them: a change anywhere may change a
    feed (a visit hidden from a viewer leaves their feed), so any change gives a new key and a
    later Last-Modified. Each moment is one when some feed changed, none is later than now, and
    none goes back: rows changed, deleted, gone out of the window or past their 30 days as
    cancelled, embargoes lifted."""
    now = now or timezone.now()
    start = window_start(now)
    in_window = Q(ends_at__gte=start)
    expired = in_window & ~still_in_feeds(now)
    deleted = Engagement.history.filter(history_type="-").order_by("-history_date")
    state = Engagement.objects.aggregate(
        count=Count("pk", filter=in_window),
        changed=Max("updated_at"),
        visit_changed=Max("visit__updated_at"),
        **row_versions(),
        embargo_lifted=Max("visit__embargo_until", filter=Q(visit__embargo_until__lte=now)),
        left_window=Max("ends_at", filter=~in_window),
        expired=Max("updated_at", filter=expired),
        deleted=Max(Subquery(deleted.values("history_date")[:1])),
    )
    moments = [
        state["changed"],
        state["visit_changed"],
        state["embargo_lifted"],
        state["left_window"] and state["left_window"] + timedelta(days=WINDOW_DAYS),
        state["expired"] and state["expired"] + CANCELLED_KEPT,
        state["deleted"],
    ]
    last_change = max((moment for moment in moments if moment is not None), default=EPOCH)
    key = (*state.values(), first_day(now))
    return DataState(key=tuple(str(value) for value in key), last_change=last_change)
