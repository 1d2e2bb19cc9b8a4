"""What the ceremony endpoints read and write (visits.api.ceremony): the order with its reasons,
the places, speakers and flags; the office's attendance, places and options; a guest's forms of
address."""

from datetime import date

from ninja import Field, Schema
from pydantic import StrictBool, StrictInt, model_validator

from visits.api.partial import partial
from visits.api.schemas import InputSchema, IsoDate
from visits.models.ceremony_choices import AttendanceRole, Capacity, Layout, PairRule

# Beyond what a banquet of the City needs (the bench seats 600 on 60 tables): a plan of more
# would take the server long to draw, for nobody.
MOST_TABLES = 100
MOST_PLACES_PER_TABLE = 200
SMALLINT = 32_767

# Input


class AttendeeFields(InputSchema):
    role: AttendanceRole = Field(
        AttendanceRole.AUTHORITY, description="host, guest_of_honour, delegation or authority"
    )
    capacity: Capacity = Field(
        Capacity.OWN,
        description=(
            "own, represents, president_representative, interim, adjoint_for_mayor, "
            "vice_president or substitute (art. 13-14); any but own names whom or which office."
        ),
    )
    represents: StrictInt | None = Field(None, description="The guest represented (see /guests).")
    represents_office: str | None = Field(
        None,
        max_length=80,
        description="The code of the office represented, like `mayor_of_paris`.",
    )
    place_after: StrictInt | None = Field(
        None, ge=0, le=SMALLINT, description="Art. 18: placed after this rank; 0 places first."
    )
    place_after_reason: str = Field(
        "", max_length=300, description="Why, shown with the order; needed with place_after."
    )
    inviting: StrictBool = Field(False, description="Head of the inviting body (art. 9).")
    speaks: StrictBool = Field(False, description="Makes a speech (art. 19 orders them).")
    pinned: StrictBool = Field(False, description="Kept at their place when seats are proposed.")


class AttendeeIn(AttendeeFields):
    guest: StrictInt = Field(description="Who attends: a guest of the registry (see /guests).")


AttendeeChange = partial(AttendeeFields, "AttendeeChange")


class CeremonyOptionsFields(InputSchema):
    precedence_list: StrictInt | None = Field(
        None, description="The precedence list's id; null: the Paris list in force on the day."
    )
    ranked_on: IsoDate | None = Field(
        None,
        description="The day the order is read on (the list in force, the offices held then); "
        "null: the engagement's day.",
    )
    ordered_by_government: StrictBool = Field(
        False, description="If not, the head of the inviting body ranks after the prefect (art. 9)."
    )
    with_european_flag: StrictBool = Field(True, description="The European flag flies too.")
    layout: Layout = Field(Layout.FRENCH, description="french, english, round or platform")
    tables: StrictInt = Field(
        1, ge=1, le=MOST_TABLES, description="Tables, or rows of a platform; table 1 is the host's."
    )
    seats_per_table: StrictInt = Field(
        0, ge=0, le=MOST_PLACES_PER_TABLE, description="Places per table or row; 0: as needed."
    )
    central_aisle: StrictBool = Field(False, description="A platform's rows have a central aisle.")
    civil_military_sides: StrictBool = Field(
        False, description="On a platform, civil authorities on the right, military on the left."
    )
    alternate_sexes: StrictBool = Field(False, description="Alternate women and men.")
    keep_spouses_apart: StrictBool = Field(True, description="Never seat spouses side by side.")


CeremonyOptionsChange = partial(CeremonyOptionsFields, "CeremonyOptionsChange")


class PlaceIn(Schema):
    attendee: StrictInt = Field(description="The attendee's id (`order[].attendee`).")
    table: StrictInt | None = Field(
        None, ge=1, le=SMALLINT, description="The table or row; null with place: unseated."
    )
    place: StrictInt | None = Field(
        None, ge=1, le=SMALLINT, description="The place at that table, from 1; null: unseated."
    )

    @model_validator(mode="after")
    def both_or_neither(self):
        if (self.table is None) != (self.place is None):
            raise ValueError("Give both the table and the place, or neither (unseated).")
        return self


class PlacesIn(InputSchema):
    places: list[PlaceIn] = Field(
        max_length=2_000,
        description="The places to keep: the proposal accepted, or a swap. Others stay put.",
    )


class PairIn(InputSchema):
    first: StrictInt = Field(description="An attendee's id (`order[].attendee`).")
    second: StrictInt = Field(description="Another attendee's id, of the same engagement.")
    rule: PairRule = Field(description="apart (never side by side) or together (side by side)")


# Output


class ReasonOut(Schema):
    rule: str = Field(description="The rule, short and stable: `D art. 17`, `tie`, `office`.")
    text: str = Field(description="The explanation, in the caller's language.")


class WhyOut(Schema):
    first: int = Field(description="The id of the attendee who comes first of the two.")
    second: int = Field(description="The id of the other, who comes after.")
    rule: str = Field(description="The rule that decides: `D art. 17`, `tie`, `office`.")
    text: str = Field(description="Why, in the caller's language, citing the article.")


class PrecedenceListOut(Schema):
    id: int = Field(description="The list's id.")
    name: str = Field(description="Its name, in the caller's language.")
    article: str = Field(description="The article that sets it: `D art. 2`.")
    effective_from: date = Field(description="In force from this day.")


class CeremonyOptionsOut(CeremonyOptionsFields):
    layout: str = Field(description="french, english, round or platform")


class PlacedOut(Schema):
    attendee: int = Field(description="The attendee's id.")
    guest: int = Field(description="The guest's id (see /guests).")
    name: str = Field(description="As it is written in print.")
    order: int = Field(description="1 is the highest.")
    rank_label: str = Field(description="The rank and what gives it, in the caller's language.")
    basis: ReasonOut = Field(description="Where they stand, and by which rule.")
    why_before_next: ReasonOut | None = Field(
        description="Why they come before the next in the order; null for the last."
    )


class UnplacedOut(Schema):
    attendee: int = Field(description="The attendee's id.")
    guest: int = Field(description="The guest's id.")
    name: str = Field(description="As it is written in print.")
    missing: str = Field(description="What the office must say before the rules can place them.")


class SeatOut(Schema):
    attendee: int = Field(description="The attendee's id.")
    table: int = Field(description="1 is the host's table (on a platform, the front row).")
    place: int = Field(description="The place at that table, numbered by the layout.")


class SpeakerOut(Schema):
    attendee: int = Field(description="The attendee's id.")
    position: int = Field(description="1 speaks first.")
    language: str = Field(description="The language of their speech.")
    opening_line: str = Field(description="The speech's greeting, in that language.")


class FlagOut(Schema):
    position: int = Field(description="1 is the leftmost, seen from the front.")
    country: str = Field(description="ISO 3166 alpha-2 code, `FR`, or `EU` for Europe's flag.")


class PairOut(Schema):
    id: int = Field(description="The seating rule's id (DELETE .../ceremony/pairs/{id}).")
    first: int = Field(description="An attendee's id.")
    second: int = Field(description="The other attendee's id.")
    rule: str = Field(description="apart or together")

    @staticmethod
    def resolve_first(pair) -> int:
        return pair.first_id

    @staticmethod
    def resolve_second(pair) -> int:
        return pair.second_id


class CeremonyOut(Schema):
    engagement: str = Field(description="The engagement's UID.")
    options: CeremonyOptionsOut = Field(description="The office's options (PATCH to change).")
    order: list[PlacedOut] = Field(description="The attendees the rules place, in order.")
    unplaced: list[UnplacedOut] = Field(description="Those they cannot: never guessed.")
    seats: list[SeatOut] = Field(description="Who sits where: kept, or else proposed.")
    seating_saved: bool = Field(description="The office kept these places; else a proposal.")
    broken: list[str] = Field(description="The seating rules the kept places break.")
    warnings: list[str] = Field(description="What the office should look at (seating, line).")
    unmet: list[str] = Field(description="Each seating constraint not met, and why.")
    pairs: list[PairOut] = Field(description="The office's seating rules: two apart, or together.")
    speakers: list[SpeakerOut] = Field(description="The speeches, in order (art. 19).")
    arrivals: list[int] = Field(description="Attendee ids, in order of arrival: highest last.")
    receiving_line: list[int] = Field(description="Attendee ids, as guests meet them.")
    flags: list[FlagOut] = Field(description="The flags, left to right seen from the front.")
    anthems: list[str] = Field(description="The anthems' countries, in the order played.")
    revision: int = Field(description="Grows at each change; the ETag follows it.")
    # Last: in the class body, a field named `list` hides the type from the fields after it.
    list: PrecedenceListOut | None = Field(
        description="The precedence list that ranks them; null when none is in force."
    )


class AttendeeOut(AttendeeFields):
    id: int = Field(description="The attendee's id.")
    guest: int = Field(description="The guest's id (see /guests).")
    role: str = Field(description="host, guest_of_honour, delegation or authority")
    capacity: str = Field(description="own, represents, ...: as sent.")
    table: int | None = Field(description="Their kept table, or null.")
    place: int | None = Field(description="Their kept place, or null.")

    @staticmethod
    def resolve_guest(attendance) -> int:
        return attendance.guest_id

    @staticmethod
    def resolve_represents(attendance) -> int | None:
        return attendance.represents_id

    @staticmethod
    def resolve_represents_office(attendance) -> str | None:
        office = attendance.represents_office
        return office.code if office else None

    @staticmethod
    def resolve_place(attendance) -> int | None:
        return attendance.seat


class FormsOut(Schema):
    appel: str = Field(description="Opens a letter or a speech.")
    traitement: str = Field(description="The third person: “Votre Excellence”.")
    suscription: str = Field(description="The envelope's line.")
    place_card: str = Field(description="The place card's line.")
    closing: str = Field(description="The letter's closing formula.")
    generated: list[str] = Field(
        description="The fields made from the office's table; the others are the guest's own."
    )


class AddressOut(Schema):
    fr: FormsOut = Field(description="In French.")
    en: FormsOut = Field(description="In English.")
