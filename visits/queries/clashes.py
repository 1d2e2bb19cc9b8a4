"""When two live engagements clash: one rule, written for the database (what the services
check before a booking, `visits.services.conflicts`) and for two items already loaded (what the
agenda marks, `visits.queries.agenda`), side by side so that they cannot drift apart.

Two engagements clash when they overlap in the same room, or in the same room within its
turnover time and belong to different visits (one visit's items may follow each other), or
when they overlap and share a host or a principal guest.
"""

from datetime import datetime, timedelta

from django.db.models import Q

from visits.models import Engagement
from visits.models.choices import LIVE_ENGAGEMENT_STATUSES, DelegationRole


def turnover(venue) -> timedelta:
    """How long the room is reset between two visits."""
    return timedelta(minutes=venue.turnover_minutes)


# In the database.


def overlapping(starts_at: datetime, ends_at: datetime) -> Q:
    return Q(starts_at__lt=ends_at, ends_at__gt=starts_at)


def live_engagements(exclude_pk=None):
    """Engagements that hold their room, hosts and guests (all but `exclude_pk`: one id, or a
    tuple of them when a whole programme moves together)."""
    live = Engagement.objects.filter(status__in=LIVE_ENGAGEMENT_STATUSES)
    if isinstance(exclude_pk, tuple):
        return live.exclude(pk__in=exclude_pk)
    return live.exclude(pk=exclude_pk) if exclude_pk else live


def live_overlapping(starts_at: datetime, ends_at: datetime, exclude_pk=None):
    return live_engagements(exclude_pk).filter(overlapping(starts_at, ends_at))


def keeps_the_room(venue, starts_at: datetime, ends_at: datetime, visit_id) -> Q:
    """Engagements in `venue` that keep it from this slot of visit `visit_id`."""
    gap = turnover(venue)
    near = Q(venue=venue) & overlapping(starts_at - gap, ends_at + gap)
    return near & (overlapping(starts_at, ends_at) | ~Q(visit_id=visit_id))


def with_host(host) -> Q:
    return Q(hosts=host)


def with_principal_guest(guest) -> Q:
    return Q(visit__participants__guest=guest, visit__participants__role=DelegationRole.PRINCIPAL)


# In Python: `one` and `other` have starts_at, ends_at, venue, visit_id, host_ids, guest_ids.


def overlap(one, other) -> bool:
    return one.starts_at < other.ends_at and other.starts_at < one.ends_at


def clash(one, other) -> bool:
    if one.venue is not None and one.venue == other.venue:
        if overlap(one, other):
            return True
        gap = turnover(one.venue)
        near = one.starts_at < other.ends_at + gap and other.starts_at < one.ends_at + gap
        if near and one.visit_id != other.visit_id:
            return True
    shared = one.host_ids & other.host_ids or one.guest_ids & other.guest_ids
    return overlap(one, other) and bool(shared)
