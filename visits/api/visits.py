"""Visits, read through the visibility door."""

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
from visits.models import Guest, Host
from visits.models.choices import (
    Confidentiality,
    DelegationRole,
    GuestCategory,
    RequestChannel,
    VisitKind,
    VisitStatus,
)
from visits.queries.visits import filter_visits, listed_visits, visit_details

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


@router.get("/visits", response=with_errors({200: list[VisitOut]}), summary="Visits you may see")
@paginate(Page)
def list_visits(request, filters: Query[VisitFilters]):
    """Newest first (by first day, then reference). `limit` is at most 100."""
    return filter_visits(listed_visits(request.auth), **filters.dict())


@router.get(
    "/visits/{reference}",
    response=with_errors({200: VisitDetailOut}),
    summary="One visit, with its delegation and programme",
)
def get_visit(request, reference: VisitReference, response: HttpResponse):
    visit = get_object_or_404(visit_details(request.auth), reference=reference)
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
