"""Guests, read through the door: a guest known only from visits hidden from the caller is
not found. Written through `visits.services.directory`."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StrictBool, field_validator

from visits.api.auth import SIGNED_IN
from visits.api.pagination import Page
from visits.api.partial import partial
from visits.api.schemas import GuestId, InputSchema, with_errors
from visits.api.versions import etag_of, if_match
from visits.models import Guest
from visits.models.choices import GrammaticalGender, GuestCategory, GuestKind
from visits.queries.guests import filter_guests, visible_guests
from visits.services.directory import create_record, update_record

router = Router(tags=["guests"], auth=SIGNED_IN)


class GuestIn(InputSchema):
    kind: GuestKind = Field(GuestKind.PERSON, description="person, organisation, city or group")
    name: str = Field(min_length=1, max_length=200, description="As it is written in print.")
    sort_name: str = Field("", max_length=200, description="“Watson, Paul”; the name if empty.")
    category: GuestCategory = Field(description="Head of state, mayor, ...: sets precedence.")
    title_fr: str = Field("", max_length=300, description="Office or title, in French.")
    title_en: str = Field("", max_length=300, description="Office or title, in English.")
    country: str = Field("", max_length=2, description="ISO 3166-1 alpha-2 code, or empty.")
    city: str = Field("", max_length=120, description="Their city, for mayors and cities.")
    gender: GrammaticalGender = Field(
        GrammaticalGender.NEUTRAL, description="f, m or n: for French agreements."
    )
    salutation_fr: str = Field("", max_length=200, description="How a letter opens, in French.")
    salutation_en: str = Field("", max_length=200, description="How a letter opens, in English.")
    envelope_fr: str = Field("", max_length=300, description="The envelope line, in French.")
    envelope_en: str = Field("", max_length=300, description="The envelope line, in English.")
    closing_fr: str = Field("", max_length=300, description="How a letter closes, in French.")
    closing_en: str = Field("", max_length=300, description="How a letter closes, in English.")
    deceased: StrictBool = Field(False, description="Deceased (posthumous honours).")
    notes: str = Field("", max_length=10_000, description="Internal notes; never published.")

    @field_validator("country")
    @classmethod
    def upper_case(cls, value: str) -> str:
        return value.upper()


GuestChange = partial(GuestIn, "GuestChange")


class GuestOut(GuestIn):
    id: int = Field(description="The guest's number, used by visits' delegations.")
    # Read back as the stored text (the enums are for input).
    kind: str = Field(description="person, organisation, city or group")
    category: str = Field(description="Head of state, mayor, ...: sets precedence.")
    gender: str = Field(description="f, m or n: for French agreements.")

    @staticmethod
    def resolve_country(guest) -> str:
        return guest.country.code or ""


class GuestFilters(Schema):
    q: str | None = Field(None, max_length=200, description="Part of the name.")
    kind: GuestKind | None = Field(None, description="Only guests of this kind.")
    category: GuestCategory | None = Field(None, description="Only guests of this category.")
    country: str | None = Field(None, max_length=2, description="An ISO 3166-1 alpha-2 code.")


@router.get("/guests", response=with_errors({200: list[GuestOut]}), summary="Guests you may see")
@paginate(Page)
def list_guests(request, filters: Query[GuestFilters]):
    """By sort name. A guest known only from visits you may not see is left out."""
    return filter_guests(visible_guests(request.auth), **filters.dict())


@router.get("/guests/{guest_id}", response=with_errors({200: GuestOut}), summary="One guest")
def get_guest(request, guest_id: GuestId, response: HttpResponse):
    guest = get_object_or_404(visible_guests(request.auth), pk=guest_id)
    response["ETag"] = etag_of(guest)
    return guest


@router.post("/guests", response=with_errors({201: GuestOut}), summary="Record a guest")
def create_guest(request, payload: GuestIn, response: HttpResponse):
    guest = create_record(Guest, by=request.auth, **payload.dict())
    response["ETag"] = etag_of(guest)
    return Status(201, guest)


@router.patch(
    "/guests/{guest_id}",
    response=with_errors({200: GuestOut}),
    summary="Change a guest; send its ETag as If-Match",
)
def change_guest(request, guest_id: GuestId, payload: GuestChange, response: HttpResponse):
    guest = get_object_or_404(visible_guests(request.auth), pk=guest_id)
    changes = payload.dict(exclude_unset=True)
    guest = update_record(guest, by=request.auth, precondition=if_match(request), **changes)
    response["ETag"] = etag_of(guest)
    return guest
