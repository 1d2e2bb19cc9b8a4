"""Which engagements calendar feeds show, whoever reads them (the door then decides for each
reader): those of the window, from WINDOW_DAYS back on; the live ones, and those cancelled or
postponed lately, kept as STATUS:CANCELLED so that subscribed calendars remove them (DESIGN.md,
decision 5). The services' bump of the sequence follows the same rule."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from visits.models.choices import LIVE_ENGAGEMENT_STATUSES

# A cancelled or postponed engagement stays in feeds this long after the change.
CANCELLED_KEPT = timedelta(days=30)
WINDOW_DAYS = 90  # feeds show this many days back, and all that is to come


def window_start(now=None):
    return (now or timezone.now()) - timedelta(days=WINDOW_DAYS)


def still_in_feeds(now) -> Q:
    return Q(status__in=LIVE_ENGAGEMENT_STATUSES) | Q(updated_at__gte=now - CANCELLED_KEPT)
