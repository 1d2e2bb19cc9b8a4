"""Visits, read through the visibility door."""

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from visits import services
from visits.api.auth import SIGNED_IN
from visits.api.lookups import visible_or_field_error
from visits.api.pagination import Page
from visits.api.schemas import IsoDate, IsoDateTime, VisitDetailOut, VisitOut, with_errors
from visits.api.versions import etag_of
from visits.models import Engagement, Guest, Host, Visit, VisitGuest
from visits.models.choices import (
    Confidentiality,
    DelegationRole,
    GuestCategory,
    RequestChannel,
    VisitKind,
    VisitStatus,
)
from visits.models.visits import with_principal_guests

router = Router(tags=["visits"], auth=SIGNED_IN)


class VisitFilters(Schema):
    starts_from: IsoDate | None = None
    starts_until: IsoDate | None = None
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


@router.get("/visits", response=with_errors({200: list[VisitOut]}), summary="Visits you may see")
@paginate(Page)
def list_visits(request, filters: Query[VisitFilters]):
    """Newest first (by first day, then reference). `limit` is at most 100."""
    visits = Visit.objects.visible_to(request.auth).order_by("-starts_on", "-reference")
    return filters.apply(visits).prefetch_related(with_principal_guests())


@router.get(
    "/visits/{reference}",
    response=with_errors({200: VisitDetailOut}),
    summary="One visit, with its delegation and programme",
)
def get_visit(request, reference: str, response: HttpResponse):
    programme = Engagement.objects.select_related("venue").order_by("starts_at", "pk")
    delegation = VisitGuest.objects.select_related("guest").order_by("position", "pk")
    visits = Visit.objects.visible_to(request.auth).prefetch_related(
        with_principal_guests(),
        Prefetch("participants", delegation, to_attr="delegation"),
        Prefetch("engagements", programme, to_attr="programme"),
    )
    visit = get_object_or_404(visits, reference=reference)
    response["ETag"] = etag_of(visit)
    return visit


class DelegateIn(Schema):
    guest: int
    role: DelegationRole = DelegationRole.PRINCIPAL


class VisitIn(Schema):
    kind: VisitKind
    occasion_fr: str = Field(max_length=300)
    occasion_en: str = Field(max_length=300)
    starts_on: IsoDate
    ends_on: IsoDate | None = None
    confidentiality: Confidentiality = Confidentiality.RESTRICTED
    embargo_until: IsoDateTime | None = None
    request_channel: RequestChannel | None = None
    requested_on: IsoDate | None = None
    notes: str = Field("", max_length=10_000)
    delegation: list[DelegateIn] = Field(min_length=1, description="At least one principal.")
    hosts: list[int] = []


class TransitionIn(Schema):
    to: VisitStatus = Field(description="The status to move to.")
    note: str = Field("", max_length=2_000)


@router.post(
    "/visits",
    response=with_errors({201: VisitDetailOut}),
    summary="Record a requested visit",
)
def create_visit(request, payload: VisitIn, response: HttpResponse):
    data = payload.dict()
    guests = Guest.objects.visible_to(request.auth)
    delegation = [
        (visible_or_field_error(guests, "delegation", pk=row["guest"]), row["role"])
        for row in data.pop("delegation")
    ]
    hosts = [visible_or_field_error(Host.objects.all(), "hosts", pk=pk) for pk in data.pop("hosts")]
    data["request_channel"] = data["request_channel"] or ""
    visit = services.create_visit(by=request.auth, delegation=delegation, hosts=hosts, **data)
    response["ETag"] = etag_of(visit)
    return Status(201, get_visit(request, visit.reference, response))


@router.post(
    "/visits/{reference}/transitions",
    response=with_errors({200: VisitDetailOut}),
    summary="Move a visit along its lifecycle (409 names the allowed moves)",
)
def move_visit(request, reference: str, payload: TransitionIn, response: HttpResponse):
    visit = get_object_or_404(Visit.objects.visible_to(request.auth), reference=reference)
    services.move_visit(visit, payload.to, by=request.auth, note=payload.note)
    return get_visit(request, reference, response)
