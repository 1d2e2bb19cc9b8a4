"""What a feed shows, decided at each fetch through the visibility door."""

from datetime import UTC, datetime, timedelta

from django.db.models import Max, Q
from django.utils import timezone

from calendar_feeds.content import window_start
from visits.models import Engagement
from visits.models.choices import LIVE_ENGAGEMENT_STATUSES
from visits.models.visits import with_principal_guests

# A cancelled or postponed engagement stays in feeds this long after the change, as
# STATUS:CANCELLED, so that subscribed calendars remove it.
CANCELLED_KEPT = timedelta(days=30)


def feed_engagements(viewer, now=None):
    """Engagements `viewer` may see (None: the public), from the window's start on."""
    now = now or timezone.now()
    shown = Q(status__in=LIVE_ENGAGEMENT_STATUSES) | Q(updated_at__gte=now - CANCELLED_KEPT)
    return (
        Engagement.objects.visible_to(viewer, now)
        .filter(shown, ends_at__gte=window_start(now))
        .select_related("venue", "visit")
        .prefetch_related("hosts", with_principal_guests("visit__participants"))
        .order_by("starts_at", "pk")
    )


def last_change(engagements):
    """When the feed last changed: its newest row, or the latest deletion of an engagement
    (a removed event changes the feed too)."""
    newest = max((e.updated_at for e in engagements), default=None)
    deleted = Engagement.history.filter(history_type="-").aggregate(at=Max("history_date"))["at"]
    moments = [moment for moment in (newest, deleted) if moment is not None]
    return max(moments, default=datetime(2000, 1, 1, tzinfo=UTC))
