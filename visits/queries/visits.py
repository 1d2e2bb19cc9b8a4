"""Visits as a viewer may read them: the API's list and detail, the staff run-sheet. Each
starts from the door (`Visit.objects.visible_to`)."""

from django.db.models import Exists, OuterRef, Prefetch

from visits.models import Attendance, Engagement, Visit, VisitGuest
from visits.models.choices import LIVE_ENGAGEMENT_STATUSES
from visits.models.visits import with_principal_guests


def listed_visits(viewer):
    """Newest first (by first day, then reference), with their principal guests."""
    visits = Visit.objects.visible_to(viewer).order_by("-starts_on", "-reference")
    return visits.prefetch_related(with_principal_guests())


def filter_visits(
    visits,
    *,
    starts_from=None,
    starts_until=None,
    status=None,
    kind=None,
    venue=None,
    host=None,
    guest=None,
    category=None,
    country=None,
):
    """`visits` narrowed to those asked for; each visit once."""
    if starts_from:
        visits = visits.filter(starts_on__gte=starts_from)
    if starts_until:
        visits = visits.filter(starts_on__lte=starts_until)
    if status:
        visits = visits.filter(status=status)
    if kind:
        visits = visits.filter(kind=kind)
    if venue is not None:
        visits = visits.filter(pk__in=Engagement.objects.filter(venue=venue).values("visit"))
    if host is not None:
        visits = visits.filter(hosts=host)
    if guest is not None:
        visits = visits.filter(participants__guest=guest)
    if category:
        visits = visits.filter(participants__guest__category=category)
    if country:
        visits = visits.filter(participants__guest__country=country.upper())
    joined = any(value is not None for value in (host, guest, category, country))
    return visits.distinct() if joined else visits


def delegation_in_order():
    return VisitGuest.objects.select_related("guest").order_by("position", "pk")


def visit_details(viewer):
    """With principal guests, hosts, the delegation (`delegation`) and the whole programme
    (`programme`), each engagement with its room and hosts."""
    programme = (
        Engagement.objects.select_related("venue")
        .prefetch_related("hosts")
        .order_by("starts_at", "pk")
    )
    return Visit.objects.visible_to(viewer).prefetch_related(
        with_principal_guests(),
        "hosts",
        Prefetch("participants", delegation_in_order(), to_attr="delegation"),
        Prefetch("engagements", programme, to_attr="programme"),
    )


def run_sheets(viewer):
    """What a run-sheet prints: the lead officer, hosts, the delegation (`delegation`) and the
    live programme (`programme`) with rooms and hosts, each engagement saying whether anyone
    attends its ceremony (`has_attendees`: visits.queries.run_sheet_ceremony reads those)."""
    programme = (
        Engagement.objects.filter(status__in=LIVE_ENGAGEMENT_STATUSES)
        .select_related("venue", "ceremony")
        .prefetch_related("hosts")
        .annotate(has_attendees=Exists(Attendance.objects.filter(engagement=OuterRef("pk"))))
        .order_by("starts_at", "pk")
    )
    return (
        Visit.objects.visible_to(viewer)
        .select_related("lead_officer")
        .prefetch_related(
            "hosts",
            Prefetch("engagements", programme, to_attr="programme"),
            Prefetch("participants", delegation_in_order(), to_attr="delegation"),
        )
    )
