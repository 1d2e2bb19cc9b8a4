"""What calendars are told when an engagement's entry changes without the engagement itself
being edited (its room, hosts, guests or visit renamed)."""

from datetime import timedelta

from django.db.models import F, Q
from django.utils import timezone

from visits.models.choices import LIVE_ENGAGEMENT_STATUSES

# A cancelled or postponed engagement stays in feeds this long after the change, as
# STATUS:CANCELLED, so that subscribed calendars remove it.
CANCELLED_KEPT = timedelta(days=30)


def still_in_feeds(now) -> Q:
    return Q(status__in=LIVE_ENGAGEMENT_STATUSES) | Q(updated_at__gte=now - CANCELLED_KEPT)


def tell_calendars_of(engagements) -> int:
    """Their entries changed: the sequence moves. Not for those cancelled long enough ago to
    have left every feed, which a new update time would bring back for another 30 days."""
    now = timezone.now()
    return engagements.filter(still_in_feeds(now)).update(
        sequence=F("sequence") + 1, updated_at=now
    )
