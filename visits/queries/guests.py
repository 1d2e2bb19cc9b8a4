"""Whom the City has received, as the public may know it: the principal guests of past visits
the door lets anyone see, newest first (the API's public list and the public page)."""

from django.utils import timezone

from visits.models import Visit, VisitGuest
from visits.models.choices import DelegationRole


def received_guests():
    past = Visit.objects.visible_to(None).filter(starts_on__lt=timezone.localdate())
    return (
        VisitGuest.objects.filter(role=DelegationRole.PRINCIPAL, visit__in=past)
        .select_related("guest", "visit")
        .order_by("-visit__starts_on", "-visit__reference", "position", "pk")
    )
