"""Whom the City has received, as the public may know it: the principal guests of past visits
the door lets anyone see, newest first (the API's public list and the public page)."""

from django.db.models import Q
from django.utils import timezone

from visits.models import Guest, Visit
from visits.models.visits import principal_participations


def received_guests():
    past = Visit.objects.visible_to(None).filter(starts_on__lt=timezone.localdate())
    return (
        principal_participations()
        .filter(visit__in=past)
        .select_related("visit")
        .order_by("-visit__starts_on", "-visit__reference", "position", "pk")
    )


def known_guests():
    """The guests the public may know of: received as a principal guest, or honoured in
    public. Not every guest the door shows: one only announced has no page yet."""
    from visits.queries.honours import visible_honours

    received = received_guests().values("guest")
    honoured = visible_honours(None).values("honoree")
    return Guest.objects.filter(Q(pk__in=received) | Q(pk__in=honoured))


def received_guest(pk: int):
    """The guest with this key if the public may know of them, else None."""
    return known_guests().filter(pk=pk).first()
