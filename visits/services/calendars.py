"""What calendars are told when an engagement's entry changes without the engagement itself
being edited (its room, hosts, guests or visit renamed)."""

from django.db.models import F
from django.utils import timezone

from visits.queries.feeds import still_in_feeds


def tell_calendars_of(engagements) -> int:
    """Their entries changed: the sequence moves. Not for those cancelled long enough ago to
    have left every feed, which a new update time would bring back for another 30 days."""
    now = timezone.now()
    return engagements.filter(still_in_feeds(now)).update(
        sequence=F("sequence") + 1, updated_at=now
    )
