"""Engagements: read through the door, written through the scheduling services."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StrictInt

from visits import services
from visits.api.auth import SIGNED_IN
from visits.api.lookups import visible_or_field_error
from visits.api.pagination import Page
from visits.api.partial import partial
from visits.api.schemas import EngagementOut, EngagementUid, InputSchema, IsoDateTime, with_errors
from visits.api.versions import etag_of, if_match
from visits.models import Host, Venue, Visit
from visits.models.choices import EngagementKind, EngagementStatus, GuestCategory
from visits.queries.engagements import filter_engagements, visible_engagements

router = Router(tags=["engagements"], auth=SIGNED_IN)


class EngagementFilters(Schema):
    starts_from: IsoDateTime | None = Field(None, description="Starting at or after this time.")
    starts_until: IsoDateTime | None = Field(None, description="Starting at or before it.")
    status: EngagementStatus | None = Field(None, description="Only engagements in this status.")
    venue: int | None = Field(None, description="Only in this room.")
    host: int | None = Field(None, description="Only with this host.")
    visit: str | None = Field(None, description="A visit's reference.")
    kind: EngagementKind | None = Field(None, description="Only engagements of this kind.")
    guest: int | None = Field(None, description="Of visits with this guest (any role).")
    category: GuestCategory | None = Field(None, description="Of visits with a guest of it.")
    country: str | None = Field(None, max_length=2, description="Of visits with a guest from it.")


class EngagementFields(InputSchema):
    kind: EngagementKind = Field(description="reception, golden_book, meeting, lunch, ...")
    title_fr: str = Field(min_length=1, max_length=300, description="The title, in French.")
    title_en: str = Field(min_length=1, max_length=300, description="The title, in English.")
    starts_at: IsoDateTime = Field(description="With an offset; or naive, read in Europe/Paris.")
    ends_at: IsoDateTime = Field(description="After the start, by the next day.")
    venue: StrictInt | None = Field(None, description="The room's id (see /venues), or null.")
    location: str = Field("", max_length=300, description="Where, when it is not a room.")
    hosts: list[StrictInt] = Field([], description="The hosts' ids (see /hosts).")
    status: EngagementStatus = Field(
        EngagementStatus.TENTATIVE, description="tentative, confirmed, postponed or cancelled"
    )
    notes: str = Field("", max_length=10_000, description="Internal notes; never published.")


class EngagementIn(EngagementFields):
    visit: str = Field(description="The visit's reference.")


EngagementChange = partial(EngagementFields, "EngagementChange")


@router.get(
    "/engagements",
    response=with_errors({200: list[EngagementOut]}),
    summary="Engagements you may see",
)
@paginate(Page)
def list_engagements(request, filters: Query[EngagementFilters]):
    """In time order. `limit` is at most 100."""
    return filter_engagements(visible_engagements(request.auth), **filters.dict())


@router.get("/engagements/{uid}", response=with_errors({200: EngagementOut}))
def get_engagement(request, uid: EngagementUid, response: HttpResponse):
    engagement = get_object_or_404(visible_engagements(request.auth), uid=uid)
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
def change_engagement(
    request, uid: EngagementUid, payload: EngagementChange, response: HttpResponse
):
    engagement = get_object_or_404(visible_engagements(request.auth), uid=uid)
    changes = payload.dict(exclude_unset=True)
    if "venue" in changes:
        changes["venue"] = linked(Venue.objects.all(), "venue", changes["venue"])
    if changes.get("hosts") is not None:
        changes["hosts"] = [linked(Host.objects.all(), "hosts", pk) for pk in changes["hosts"]]
    engagement = services.update_engagement(
        engagement, by=request.auth, precondition=if_match(request), **changes
    )
    response["ETag"] = etag_of(engagement)
    return engagement


@router.delete(
    "/engagements/{uid}",
    response=with_errors({204: None}),
    summary="Delete a tentative engagement; send its ETag as If-Match",
)
def delete_engagement(request, uid: EngagementUid):
    """Any other is cancelled instead (`PATCH` its status), so calendars remove it (400)."""
    engagement = get_object_or_404(visible_engagements(request.auth), uid=uid)
    services.delete_engagement(engagement, by=request.auth, precondition=if_match(request))
    return Status(204, None)


def linked(queryset, field, pk):
    return None if pk is None else visible_or_field_error(queryset, field, pk=pk)
