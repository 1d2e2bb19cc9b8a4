"""Visits, read through the visibility door."""

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StrictInt

from visits import services
from visits.api.auth import SIGNED_IN
from visits.api.lookups import visible_or_field_error
from visits.api.pagination import Page
from visits.api.schemas import (
    InputSchema,
    IsoDate,
    IsoDateTime,
    VisitDetailOut,
    VisitOut,
    VisitReference,
    with_errors,
)
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
    starts_from: IsoDate | None = Field(None, description="Visits starting on or after this day.")
    starts_until: IsoDate | None = Field(None, description="Visits starting on or before it.")
    status: VisitStatus | None = Field(None, description="Only visits at this step.")
    kind: VisitKind | None = Field(None, description="Only visits of this kind.")
    venue: int | None = Field(None, description="Visits with an engagement in this room.")
    host: int | None = Field(None, description="Visits this host receives.")
    guest: int | None = Field(None, description="Visits of this guest (any role).")
    category: GuestCategory | None = Field(None, description="Visits with a guest of it.")
    country: str | None = Field(None, max_length=2, description="Visits with a guest from it.")

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
def get_visit(request, reference: VisitReference, response: HttpResponse):
    programme = (
        Engagement.objects.select_related("venue")
        .prefetch_related("hosts")
        .order_by("starts_at", "pk")
    )
    delegation = VisitGuest.objects.select_related("guest").order_by("position", "pk")
    visits = Visit.objects.visible_to(request.auth).prefetch_related(
        with_principal_guests(),
        "hosts",
        Prefetch("participants", delegation, to_attr="delegation"),
        Prefetch("engagements", programme, to_attr="programme"),
    )
    visit = get_object_or_404(visits, reference=reference)
    response["ETag"] = etag_of(visit)
    return visit


class DelegateIn(InputSchema):
    guest: StrictInt = Field(description="A guest's id (see /guests).")
    role: DelegationRole = Field(DelegationRole.PRINCIPAL, description="principal, spouse, ...")


class VisitFields(InputSchema):
    kind: VisitKind = Field(description="state_visit, official_visit, ...")
    occasion_fr: str = Field(min_length=1, max_length=300, description="The occasion, in French.")
    occasion_en: str = Field(min_length=1, max_length=300, description="The occasion, in English.")
    starts_on: IsoDate = Field(description="The first day.")
    ends_on: IsoDate | None = Field(None, description="The last day, for a visit of several days.")
    confidentiality: Confidentiality = Field(
        Confidentiality.RESTRICTED, description="public, restricted (staff) or confidential."
    )
    embargo_until: IsoDateTime | None = Field(
        None, description="A public visit stays unpublished until then."
    )
    request_channel: RequestChannel | None = Field(None, description="How the request came.")
    requested_on: IsoDate | None = Field(None, description="When the request came.")
    notes: str = Field("", max_length=10_000, description="Internal notes; never published.")
    hosts: list[StrictInt] = Field([], description="The hosts' ids (see /hosts).")


class VisitIn(VisitFields):
    delegation: list[DelegateIn] = Field(
        min_length=1, description="Guests in order of precedence; at least one principal."
    )


def visit_fields(request, data: dict) -> dict:
    """The payload's ids as the records the services take, each one the caller may see."""
    if "hosts" in data:
        data["hosts"] = [
            visible_or_field_error(Host.objects.all(), "hosts", pk=pk) for pk in data["hosts"]
        ]
    if "request_channel" in data:
        data["request_channel"] = data["request_channel"] or ""
    if "delegation" in data:
        guests = Guest.objects.visible_to(request.auth)
        data["delegation"] = [
            (visible_or_field_error(guests, "delegation", pk=row["guest"]), row["role"])
            for row in data["delegation"]
        ]
    return data


@router.post(
    "/visits",
    response=with_errors({201: VisitDetailOut}),
    summary="Record a requested visit",
)
def create_visit(request, payload: VisitIn, response: HttpResponse):
    """The caller becomes the visit's lead officer."""
    fields = visit_fields(request, payload.dict())
    visit = services.create_visit(by=request.auth, lead_officer=request.auth, **fields)
    return Status(201, get_visit(request, visit.reference, response))
