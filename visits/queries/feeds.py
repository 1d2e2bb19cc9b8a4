"""Which engagements calendar feeds still show, whoever reads them: the live ones, and those
cancelled or postponed lately, kept as STATUS:CANCELLED so that subscribed calendars remove
them (DESIGN.md, decision 5). The services' bump of the sequence follows the same rule."""

from datetime import timedelta

from django.db.models import Q

from visits.models.choices import LIVE_ENGAGEMENT_STATUSES

# A cancelled or postponed engagement stays in feeds this long after the change.
CANCELLED_KEPT = timedelta(days=30)


def still_in_feeds(now) -> Q:
    return Q(status__in=LIVE_ENGAGEMENT_STATUSES) | Q(updated_at__gte=now - CANCELLED_KEPT)
