"""Engagements as a viewer may read them: the API's list and detail, a day's agenda mailed to
a member of staff. Each starts from the door (`Engagement.objects.visible_to`)."""

from datetime import date, timedelta

from visits.models import Engagement, VisitGuest
from visits.models.choices import LIVE_ENGAGEMENT_STATUSES
from visits.queries.agenda import local_midnight

ONE_DAY = timedelta(days=1)


def visible_engagements(viewer):
    """In time order, with room, visit and hosts."""
    return (
        Engagement.objects.visible_to(viewer)
        .select_related("venue", "visit")
        .prefetch_related("hosts")
        .order_by("starts_at", "pk")
    )


def filter_engagements(
    engagements,
    *,
    starts_from=None,
    starts_until=None,
    status=None,
    venue=None,
    host=None,
    visit=None,
    kind=None,
    guest=None,
    category=None,
    country=None,
):
    """`engagements` narrowed to those asked for; `visit` is a reference, `guest`, `category`
    and `country` are of any guest of the visit."""
    if starts_from:
        engagements = engagements.filter(starts_at__gte=starts_from)
    if starts_until:
        engagements = engagements.filter(starts_at__lte=starts_until)
    if status:
        engagements = engagements.filter(status=status)
    if venue is not None:
        engagements = engagements.filter(venue=venue)
    if host is not None:
        engagements = engagements.filter(hosts=host).distinct()
    if visit:
        engagements = engagements.filter(visit__reference=visit)
    if kind:
        engagements = engagements.filter(kind=kind)
    guests = {
        "guest": guest,
        "guest__category": category,
        "guest__country": country.upper() if country else None,
    }
    for lookup, value in guests.items():
        if value is not None:
            delegations = VisitGuest.objects.filter(**{lookup: value}).values("visit")
            engagements = engagements.filter(visit__in=delegations)
    return engagements


def day_programme(viewer, day: date):
    """The live engagements starting on `day` (in the office's time zone) that the viewer may
    see, in time order, with room and visit: a daily agenda's items."""
    return (
        Engagement.objects.visible_to(viewer)
        .filter(starts_at__gte=local_midnight(day), starts_at__lt=local_midnight(day + ONE_DAY))
        .filter(status__in=LIVE_ENGAGEMENT_STATUSES)
        .select_related("venue", "visit")
        .order_by("starts_at", "pk")
    )
