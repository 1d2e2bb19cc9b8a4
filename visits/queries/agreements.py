"""The agreements as the public reads them (those the office published), and the visits
exchanged under each, through the door."""

from django.db.models import Prefetch
from django.utils import timezone

from visits.models import Agreement, Guest, Visit
from visits.models.agreements import AgreementStatus
from visits.models.visits import principal_names


def published_agreements():
    """Oldest first (Rome, 1956, leads), each with its texts and signatories: four queries."""
    return (
        Agreement.objects.published()
        .prefetch_related(
            "texts",
            "signatory_hosts",
            # A signatory the public may not know of stays unnamed (DESIGN.md, decision 1).
            Prefetch("signatory_guests", Guest.objects.visible_to(None).order_by("name")),
        )
        .order_by("signed_on", "partner_city_en", "pk")
    )


def in_force(agreements) -> list:
    return [a for a in agreements if a.status == AgreementStatus.IN_FORCE]


def published_agreement(pk: int) -> Agreement | None:
    return published_agreements().filter(pk=pk).first()


def published_actions(agreement) -> list:
    """The actions under the agreement the office published, latest first: one query."""
    return list(agreement.actions.filter(published=True).order_by("-started_on", "-pk"))


def visits_exchanged(agreement):
    """The visits under the agreement the public may see, held by now, latest first, each
    with its principal guests' names."""
    past = Visit.objects.visible_to(None).filter(starts_on__lte=timezone.localdate())
    visits = agreement.visits.filter(pk__in=past.values("pk"))
    return visits.annotate(principal_names=principal_names()).order_by("-starts_on", "-pk")
