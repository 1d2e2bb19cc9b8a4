"""Visits, read through the visibility door."""

from datetime import date

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from visits.api.auth import SIGNED_IN
from visits.api.schemas import ErrorOut, VisitDetailOut, VisitOut
from visits.models import Engagement, Visit, VisitGuest
from visits.models.choices import DelegationRole, GuestCategory, VisitKind, VisitStatus

router = Router(tags=["visits"], auth=SIGNED_IN)


class VisitFilters(Schema):
    starts_from: date | None = None
    starts_until: date | None = None
    status: VisitStatus | None = None
    kind: VisitKind | None = None
    venue: int | None = None
    host: int | None = None
    guest: int | None = None
    category: GuestCategory | None = None
    country: str | None = None

    def apply(self, visits):
        if self.starts_from:
            visits = visits.filter(starts_on__gte=self.starts_from)
        if self.starts_until:
            visits = visits.filter(starts_on__lte=self.starts_until)
        if self.status:
            visits = visits.filter(status=self.status)
        if self.kind:
            visits = visits.filter(kind=self.kind)
        if self.venue is not None:
            visits = visits.filter(
                pk__in=Engagement.objects.filter(venue=self.venue).values("visit")
            )
        if self.host is not None:
            visits = visits.filter(hosts=self.host)
        if self.guest is not None:
            visits = visits.filter(participants__guest=self.guest)
        if self.category:
            visits = visits.filter(participants__guest__category=self.category)
        if self.country:
            visits = visits.filter(participants__guest__country=self.country.upper())
        return visits.distinct() if self.joins() else visits

    def joins(self) -> bool:
        return any(v is not None for v in (self.host, self.guest, self.category, self.country))


def principals():
    return Prefetch(
        "participants",
        VisitGuest.objects.filter(role=DelegationRole.PRINCIPAL).select_related("guest"),
        to_attr="principal_participants",
    )


@router.get("/visits", response=list[VisitOut], summary="Visits the caller may see")
@paginate(LimitOffsetPagination)
def list_visits(request, filters: Query[VisitFilters]):
    """Newest first (by first day, then reference). `limit` is at most 100."""
    visits = Visit.objects.visible_to(request.auth).order_by("-starts_on", "-reference")
    return filters.apply(visits).prefetch_related(principals())


@router.get(
    "/visits/{reference}",
    response={200: VisitDetailOut, 404: ErrorOut},
    summary="One visit, with its delegation and programme",
)
def get_visit(request, reference: str):
    programme = Engagement.objects.select_related("venue").order_by("starts_at", "pk")
    delegation = VisitGuest.objects.select_related("guest").order_by("position", "pk")
    visits = Visit.objects.visible_to(request.auth).prefetch_related(
        principals(),
        Prefetch("participants", delegation, to_attr="delegation"),
        Prefetch("engagements", programme, to_attr="programme"),
    )
    return get_object_or_404(visits, reference=reference)
