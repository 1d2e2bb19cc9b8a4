import re
from datetime import UTC, date, datetime
from typing import Annotated
from uuid import UUID

from django.utils import timezone, translation
from ninja import Field, Path, Schema
from pydantic import AfterValidator, BeforeValidator, model_validator

from visits.models.visits import EARLIEST_DAY, LATEST_DAY


def iso_text(pattern: str, example: str):
    """Dates and times as ISO 8601 text only: pydantic would otherwise read `0` as 1970-01-01."""

    def check(value):
        if isinstance(value, date | datetime):
            return value
        if not isinstance(value, str) or not re.fullmatch(pattern, value):
            raise ValueError(f"Expected ISO 8601 text, like {example}")
        return value

    return BeforeValidator(check)


IsoDate = Annotated[date, iso_text(r"\d{4}-\d{2}-\d{2}", "2027-07-06")]


def in_utc_and_in_range(value: datetime) -> datetime:
    """An offset time becomes UTC (PostgreSQL refuses offsets beyond ±15:59, which ISO text
    allows), within the office's calendar (visits.models.visits)."""
    message = f"Expected a time between {EARLIEST_DAY.year} and {LATEST_DAY.year}"
    if value.tzinfo is not None:
        try:
            value = value.astimezone(UTC)
        except OverflowError as error:
            raise ValueError(message) from error
    if not EARLIEST_DAY <= value.date() <= LATEST_DAY:
        raise ValueError(message)
    return value


ISO_DATETIME = r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"
IsoDateTime = Annotated[
    datetime,
    iso_text(ISO_DATETIME, "2027-07-06T10:00:00+02:00"),
    AfterValidator(in_utc_and_in_range),
]


class InputSchema(Schema):
    """What callers send: text is trimmed once it has passed the document's limits (trimming
    first would accept a text over its maxLength), so "  " becomes empty and a required name
    is refused by the model."""

    @model_validator(mode="after")
    def trimmed(self):
        for name in self.model_fields_set:
            value = getattr(self, name)
            if type(value) is str:  # not the choices, which are str enums
                setattr(self, name, value.strip())
        return self


# Path parameters, described once.
VisitReference = Annotated[
    str,
    Path(description="The visit's reference, like V-2027-001.", pattern=r"^[A-Za-z0-9-]{1,40}$"),
]
EngagementUid = Annotated[UUID, Path(description="The engagement's calendar UID.")]
GuestId = Annotated[int, Path(description="The guest's id.")]
VenueId = Annotated[int, Path(description="The room's id.")]
HostId = Annotated[int, Path(description="The host's id.")]
HonourId = Annotated[int, Path(description="The honour's id.")]
InvitationId = Annotated[int, Path(description="The invitation's number.")]
TokenId = Annotated[int, Path(description="The token's id (see GET /tokens).")]


class ErrorOut(Schema):
    error: str = Field(description="A short code: invalid, unauthorized, forbidden, ...")
    message: str = Field(description="What went wrong, in the caller's language.")
    fields: dict[str, list[str]] = Field(description="Why each named input was refused.")


# Every operation may answer these, in ErrorOut's shape: bad input (400, 422), not signed in
# (401), not allowed (403), not found or not visible (404), a clash or a refused move (409), a
# stale or missing If-Match (412, 428).
ERROR_CODES = frozenset({400, 401, 403, 404, 409, 412, 422, 428})


def with_errors(success: dict) -> dict:
    return {**success, ERROR_CODES: ErrorOut}


class GuestRef(Schema):
    id: int = Field(description="The guest's id (see /guests).")
    name: str = Field(description="As it is written in print.")


class ParticipantOut(Schema):
    guest: GuestRef = Field(description="Who.")
    role: str = Field(description="principal, spouse, minister, ..., member")
    position: int = Field(description="Order of precedence in the delegation, from 0.")


class PlaceRef(Schema):
    id: int = Field(description="The room's id (see /venues).")
    name: str = Field(description="The room's name.")


class HostRef(Schema):
    id: int = Field(description="The host's id (see /hosts).")
    name: str = Field(description="As it is written in print.")


class EngagementOut(Schema):
    uid: str = Field(description="The calendar UID; never changes.")
    visit: str = Field(description="The visit's reference.")
    kind: str = Field(description="reception, honorary_citizenship, golden_book, meeting, ...")
    title_fr: str = Field(description="The title, in French.")
    title_en: str = Field(description="The title, in English.")
    starts_at: datetime = Field(description="When it starts, in UTC.")
    ends_at: datetime = Field(description="When it ends, in UTC.")
    venue: PlaceRef | None = Field(description="The room, or null for another location.")
    location: str = Field(description="Where, when it is not one of the rooms.")
    hosts: list[HostRef] = Field(description="Who receives, in order of precedence.")
    status: str = Field(description="tentative, confirmed, postponed or cancelled")
    sequence: int = Field(description="The calendar revision; grows on each visible change.")
    notes: str = Field(description="Internal notes; never published.")

    @staticmethod
    def resolve_uid(engagement) -> str:
        return str(engagement.uid)

    @staticmethod
    def resolve_visit(engagement) -> str:
        return engagement.visit.reference

    @staticmethod
    def resolve_hosts(engagement) -> list:
        return sorted(engagement.hosts.all(), key=lambda host: (host.precedence, host.name))


class VisitOut(Schema):
    reference: str = Field(description="V-<year>-<number>, unique and stable.")
    kind: str = Field(description="state_visit, official_visit, ..., reception, other")
    status: str = Field(description="The lifecycle step: requested, ..., held.")
    confidentiality: str = Field(description="public, restricted or confidential")
    embargo_until: datetime | None = Field(description="Unpublished until then (UTC), if set.")
    occasion_fr: str = Field(description="The occasion, in French.")
    occasion_en: str = Field(description="The occasion, in English.")
    starts_on: date = Field(description="The first day.")
    ends_on: date | None = Field(description="The last day, for a visit of several days.")
    principal_guests: list[GuestRef] = Field(description="The principal guests, in order.")

    @staticmethod
    def resolve_principal_guests(visit) -> list:
        return [participant.guest for participant in visit.principal_participants]


class VisitDetailOut(VisitOut):
    hosts: list[HostRef] = Field(description="Who receives the visit, in order of precedence.")
    request_channel: str = Field(description="How the request came (embassy, ...), or empty.")
    requested_on: date | None = Field(description="When the request came.")
    notes: str = Field(description="Internal notes; never published.")
    delegation: list[ParticipantOut] = Field(description="Everyone who comes, in order.")
    programme: list[EngagementOut] = Field(description="The engagements, in time order.")

    @staticmethod
    def resolve_hosts(visit) -> list:
        return sorted(visit.hosts.all(), key=lambda host: (host.precedence, host.name))

    @staticmethod
    def resolve_delegation(visit) -> list:
        return visit.delegation

    @staticmethod
    def resolve_programme(visit) -> list:
        return visit.programme


def public_page(guest, language: str, request) -> str:
    """The guest's public page, as the open data links it (visits.views.public.page_of)."""
    with translation.override(language):
        return request.build_absolute_uri(guest.public_path)


class DistinguishedGuestOut(Schema):
    """A principal guest of a published visit (built from the visit's delegation row)."""

    name: str = Field(description="The guest's name, as it is written in print.")
    title_fr: str = Field(description="Their office or title, in French.")
    title_en: str = Field(description="Their office or title, in English.")
    country: str = Field(description="ISO 3166 code, or empty.")
    received_on: date = Field(description="The visit's first day.")
    reference: str | None = Field(
        None,
        description=(
            "Deprecated, always null: the visit's reference numbers the visits of a year, and "
            "the gaps between public ones counted those the public may not know of. The field "
            "goes at the Sunset date (1 July 2027); link the guest's page (`page_fr`, `page_en`)."
        ),
        json_schema_extra={"deprecated": True},
    )
    occasion_fr: str = Field(description="The occasion, in French.")
    occasion_en: str = Field(description="The occasion, in English.")
    page_fr: str = Field(description="The address of the guest's public page, in French.")
    page_en: str = Field(description="The address of the guest's public page, in English.")

    @staticmethod
    def resolve_name(participant) -> str:
        return participant.guest.name

    @staticmethod
    def resolve_title_fr(participant) -> str:
        return participant.guest.title_fr

    @staticmethod
    def resolve_title_en(participant) -> str:
        return participant.guest.title_en

    @staticmethod
    def resolve_country(participant) -> str:
        return participant.guest.country.code or ""

    @staticmethod
    def resolve_received_on(participant) -> date:
        return participant.visit.starts_on

    @staticmethod
    def resolve_reference(participant) -> None:
        return None

    @staticmethod
    def resolve_page_fr(participant, context) -> str:
        return public_page(participant.guest, "fr", context["request"])

    @staticmethod
    def resolve_page_en(participant, context) -> str:
        return public_page(participant.guest, "en", context["request"])

    @staticmethod
    def resolve_occasion_fr(participant) -> str:
        return participant.visit.occasion_fr

    @staticmethod
    def resolve_occasion_en(participant) -> str:
        return participant.visit.occasion_en


class HonoraryCitizenOut(Schema):
    """A voted or conferred honorary citizenship, as the public may read it."""

    name: str = Field(description="The honoree's name.")
    title_fr: str = Field(description="Their office or title, in French.")
    title_en: str = Field(description="Their office or title, in English.")
    country: str = Field(description="ISO 3166 code, or empty.")
    status: str = Field(description="voted or conferred")
    voted_on: date | None = Field(description="The Conseil de Paris vote.")
    voted_on_precision: str = Field(description="day, month or year: what is known of the date.")
    ceremony_on: date | None = Field(description="The ceremony's day, once it is public.")
    posthumous: bool = Field(description="Conferred after the honoree's death.")
    citation_fr: str = Field(description="The citation, in French.")
    citation_en: str = Field(description="The citation, in English.")

    @staticmethod
    def resolve_name(honour) -> str:
        return honour.honoree.name

    @staticmethod
    def resolve_title_fr(honour) -> str:
        return honour.honoree.title_fr

    @staticmethod
    def resolve_title_en(honour) -> str:
        return honour.honoree.title_en

    @staticmethod
    def resolve_country(honour) -> str:
        return honour.honoree.country.code or ""

    @staticmethod
    def resolve_ceremony_on(honour) -> date | None:
        return timezone.localdate(honour.ceremony_on) if honour.ceremony_on else None
