import re
from datetime import UTC, date, datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator, BeforeValidator

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
    id: int
    name: str


class ParticipantOut(Schema):
    guest: GuestRef
    role: str = Field(description="principal, spouse, minister, ..., member")
    position: int


class EngagementOut(Schema):
    uid: str = Field(description="The calendar UID; never changes.")
    kind: str
    title_fr: str
    title_en: str
    starts_at: datetime
    ends_at: datetime
    venue: str | None = Field(description="The room's name, or null for another location.")
    location: str
    status: str = Field(description="tentative, confirmed, postponed or cancelled")
    sequence: int = Field(description="The calendar revision; grows on each visible change.")

    @staticmethod
    def resolve_uid(engagement) -> str:
        return str(engagement.uid)

    @staticmethod
    def resolve_venue(engagement) -> str | None:
        return engagement.venue.name if engagement.venue else None


class VisitOut(Schema):
    reference: str = Field(description="V-<year>-<number>, unique and stable.")
    kind: str
    status: str = Field(description="The lifecycle step: requested, ..., held.")
    confidentiality: str = Field(description="public, restricted or confidential")
    embargo_until: datetime | None
    occasion_fr: str
    occasion_en: str
    starts_on: date
    ends_on: date | None
    principal_guests: list[GuestRef]

    @staticmethod
    def resolve_principal_guests(visit) -> list:
        return [participant.guest for participant in visit.principal_participants]


class VisitDetailOut(VisitOut):
    delegation: list[ParticipantOut]
    programme: list[EngagementOut]

    @staticmethod
    def resolve_delegation(visit) -> list:
        return visit.delegation

    @staticmethod
    def resolve_programme(visit) -> list:
        return visit.programme


class DistinguishedGuestOut(Schema):
    """A principal guest of a published visit (built from the visit's delegation row)."""

    name: str
    title_fr: str
    title_en: str
    country: str = Field(description="ISO 3166 code, or empty.")
    received_on: date = Field(description="The visit's first day.")
    reference: str = Field(description="The visit's reference.")
    occasion_fr: str
    occasion_en: str

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
    def resolve_reference(participant) -> str:
        return participant.visit.reference

    @staticmethod
    def resolve_occasion_fr(participant) -> str:
        return participant.visit.occasion_fr

    @staticmethod
    def resolve_occasion_en(participant) -> str:
        return participant.visit.occasion_en
