from datetime import date, datetime

from ninja import Field, Schema


class ErrorOut(Schema):
    error: str = Field(description="A short code: invalid, unauthorized, forbidden, ...")
    message: str = Field(description="What went wrong, in the caller's language.")
    fields: dict[str, list[str]] = Field(description="Why each named input was refused.")


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
