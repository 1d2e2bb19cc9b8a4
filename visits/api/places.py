"""Rooms and hosts: read by anyone signed in, written by the protocol office through
`visits.services.directory`. Neither is confidential; the engagements in them are."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StrictBool, StrictInt

from visits.api.auth import SIGNED_IN
from visits.api.pagination import Page
from visits.api.partial import partial
from visits.api.schemas import HostId, InputSchema, VenueId, with_errors
from visits.api.versions import etag_of, if_match
from visits.models import Host, Venue
from visits.models.choices import GrammaticalGender
from visits.queries.places import hosts_in_order, only_active, venues_in_order
from visits.services.directory import create_record, update_record

router = Router(auth=SIGNED_IN)


class VenueIn(InputSchema):
    name: str = Field(min_length=1, max_length=120, description="Unique within its building.")
    building: str = Field("Hôtel de Ville", min_length=1, max_length=120, description="Where.")
    gender: GrammaticalGender = Field(
        GrammaticalGender.FEMININE, description="f, m or n: of the name, for French agreements."
    )
    capacity: StrictInt | None = Field(None, ge=0, le=100_000, description="Seats, if known.")
    turnover_minutes: StrictInt = Field(
        30,
        ge=0,
        le=1_440,
        description="Kept free between two visits' engagements; applies to new bookings.",
    )
    notes: str = Field("", max_length=10_000, description="Access, equipment, ...")
    is_active: StrictBool = Field(True, description="In use: a room out of use takes no booking.")


class VenueOut(VenueIn):
    id: int = Field(description="The room's number, used by engagements.")


class HostIn(InputSchema):
    name: str = Field(min_length=1, max_length=200, description="As it is written in print.")
    office_fr: str = Field(min_length=1, max_length=200, description="Their office, in French.")
    office_en: str = Field(min_length=1, max_length=200, description="Their office, in English.")
    gender: GrammaticalGender = Field(
        GrammaticalGender.NEUTRAL, description="f, m or n: for French agreements."
    )
    precedence: StrictInt = Field(
        100, ge=0, le=32_767, description="Lower comes first: the Mayor is 1."
    )
    email: str = Field("", max_length=254, description="Where reminders go, or empty.")
    is_active: StrictBool = Field(True, description="In office.")


class HostOut(HostIn):
    id: int = Field(description="The host's number, used by visits and engagements.")


class ActiveFilter(Schema):
    is_active: bool | None = Field(None, description="Only those in use (true) or not (false).")


VenueChange = partial(VenueIn, "VenueChange")
HostChange = partial(HostIn, "HostChange")


@router.get("/venues", response=with_errors({200: list[VenueOut]}), tags=["venues"])
@paginate(Page)
def list_venues(request, filters: Query[ActiveFilter]):
    """Every room, by building and name."""
    return only_active(venues_in_order(), **filters.dict())


@router.get("/venues/{venue_id}", response=with_errors({200: VenueOut}), tags=["venues"])
def get_venue(request, venue_id: VenueId, response: HttpResponse):
    venue = get_object_or_404(venues_in_order(), pk=venue_id)
    response["ETag"] = etag_of(venue)
    return venue


@router.post("/venues", response=with_errors({201: VenueOut}), tags=["venues"])
def create_venue(request, payload: VenueIn, response: HttpResponse):
    venue = create_record(Venue, by=request.auth, **payload.dict())
    response["ETag"] = etag_of(venue)
    return Status(201, venue)


@router.patch(
    "/venues/{venue_id}",
    response=with_errors({200: VenueOut}),
    tags=["venues"],
    summary="Change a room; send its ETag as If-Match",
)
def change_venue(request, venue_id: VenueId, payload: VenueChange, response: HttpResponse):
    venue = get_object_or_404(venues_in_order(), pk=venue_id)
    changes = payload.dict(exclude_unset=True)
    venue = update_record(venue, by=request.auth, precondition=if_match(request), **changes)
    response["ETag"] = etag_of(venue)
    return venue


@router.get("/hosts", response=with_errors({200: list[HostOut]}), tags=["hosts"])
@paginate(Page)
def list_hosts(request, filters: Query[ActiveFilter]):
    """Every host, in order of precedence."""
    return only_active(hosts_in_order(), **filters.dict())


@router.get("/hosts/{host_id}", response=with_errors({200: HostOut}), tags=["hosts"])
def get_host(request, host_id: HostId, response: HttpResponse):
    host = get_object_or_404(hosts_in_order(), pk=host_id)
    response["ETag"] = etag_of(host)
    return host


@router.post("/hosts", response=with_errors({201: HostOut}), tags=["hosts"])
def create_host(request, payload: HostIn, response: HttpResponse):
    host = create_record(Host, by=request.auth, **payload.dict())
    response["ETag"] = etag_of(host)
    return Status(201, host)


@router.patch(
    "/hosts/{host_id}",
    response=with_errors({200: HostOut}),
    tags=["hosts"],
    summary="Change a host; send their ETag as If-Match",
)
def change_host(request, host_id: HostId, payload: HostChange, response: HttpResponse):
    host = get_object_or_404(hosts_in_order(), pk=host_id)
    changes = payload.dict(exclude_unset=True)
    host = update_record(host, by=request.auth, precondition=if_match(request), **changes)
    response["ETag"] = etag_of(host)
    return host
