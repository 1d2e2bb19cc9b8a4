"""Engagements: read through the door, written through the scheduling services."""

from uuid import UUID

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from visits import services
from visits.api.auth import SIGNED_IN
from visits.api.lookups import visible_or_field_error
from visits.api.pagination import Page
from visits.api.schemas import EngagementOut, IsoDateTime, with_errors
from visits.api.versions import etag_of, require_current
from visits.models import Engagement, Host, Venue, Visit
from visits.models.choices import EngagementKind, EngagementStatus

router = Router(tags=["engagements"], auth=SIGNED_IN)


class EngagementFilters(Schema):
    starts_from: IsoDateTime | None = None
    starts_until: IsoDateTime | None = None
    status: EngagementStatus | None = None
    venue: int | None = None
    host: int | None = None
    visit: str | None = Field(None, description="A visit's reference.")

    def apply(self, engagements):
        if self.starts_from:
            engagements = engagements.filter(starts_at__gte=self.starts_from)
        if self.starts_until:
            engagements = engagements.filter(starts_at__lte=self.starts_until)
        if self.status:
            engagements = engagements.filter(status=self.status)
        if self.venue is not None:
            engagements = engagements.filter(venue=self.venue)
        if self.host is not None:
            engagements = engagements.filter(hosts=self.host).distinct()
        if self.visit:
            engagements = engagements.filter(visit__reference=self.visit)
        return engagements


class EngagementIn(Schema):
    visit: str = Field(description="The visit's reference.")
    kind: EngagementKind
    title_fr: str = Field(max_length=300)
    title_en: str = Field(max_length=300)
    starts_at: IsoDateTime = Field(description="With an offset; or naive, read in Europe/Paris.")
    ends_at: IsoDateTime
    venue: int | None = None
    location: str = Field("", max_length=300)
    hosts: list[int] = []
    status: EngagementStatus = EngagementStatus.TENTATIVE
    notes: str = Field("", max_length=10_000)


class EngagementChange(Schema):
    kind: EngagementKind | None = None
    title_fr: str | None = Field(None, max_length=300)
    title_en: str | None = Field(None, max_length=300)
    starts_at: IsoDateTime | None = None
    ends_at: IsoDateTime | None = None
    venue: int | None = None
    location: str | None = Field(None, max_length=300)
    hosts: list[int] | None = None
    status: EngagementStatus | None = None
    notes: str | None = Field(None, max_length=10_000)


def visible_engagements(request):
    return (
        Engagement.objects.visible_to(request.auth)
        .select_related("venue", "visit")
        .order_by("starts_at", "pk")
    )


@router.get(
    "/engagements",
    response=with_errors({200: list[EngagementOut]}),
    summary="Engagements you may see",
)
@paginate(Page)
def list_engagements(request, filters: Query[EngagementFilters]):
    """In time order. `limit` is at most 100."""
    return filters.apply(visible_engagements(request))


@router.get("/engagements/{uid}", response=with_errors({200: EngagementOut}))
def get_engagement(request, uid: UUID, response: HttpResponse):
    engagement = get_object_or_404(visible_engagements(request), uid=uid)
    response["ETag"] = etag_of(engagement)
    return engagement


@router.post(
    "/engagements",
    response=with_errors({201: EngagementOut}),
    summary="Book an engagement (conflicts are refused with 409)",
)
def create_engagement(request, payload: EngagementIn, response: HttpResponse):
    data = payload.dict()
    visits = Visit.objects.visible_to(request.auth)
    visit = visible_or_field_error(visits, "visit", reference=data.pop("visit"))
    data["venue"] = linked(Venue.objects.all(), "venue", data["venue"])
    data["hosts"] = [linked(Host.objects.all(), "hosts", pk) for pk in data["hosts"]]
    engagement = services.create_engagement(visit=visit, by=request.auth, **data)
    response["ETag"] = etag_of(engagement)
    return Status(201, engagement)


@router.patch(
    "/engagements/{uid}",
    response=with_errors({200: EngagementOut}),
    summary="Change an engagement; send its ETag as If-Match",
)
def change_engagement(request, uid: UUID, payload: EngagementChange, response: HttpResponse):
    with transaction.atomic():
        engagement = get_object_or_404(visible_engagements(request), uid=uid)
        require_current(request, engagement)
        changes = payload.dict(exclude_unset=True)
        if "venue" in changes:
            changes["venue"] = linked(Venue.objects.all(), "venue", changes["venue"])
        if changes.get("hosts") is not None:
            changes["hosts"] = [linked(Host.objects.all(), "hosts", pk) for pk in changes["hosts"]]
        engagement = services.update_engagement(engagement, by=request.auth, **changes)
    response["ETag"] = etag_of(engagement)
    return engagement


def linked(queryset, field, pk):
    return None if pk is None else visible_or_field_error(queryset, field, pk=pk)
