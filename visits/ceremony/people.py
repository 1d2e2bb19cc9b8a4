"""The plain data the ceremony rules read and return. Frozen dataclasses, no Django models:
the rules are tested with hypothesis over these, and services build them from rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class OfficeGroup(StrEnum):
    """What an office is for the rules that name a kind of office rather than a rank."""

    OTHER = "other"
    HEAD_OF_STATE = "head_of_state"  # the President of the Republic (art. 14 representative)
    GOVERNMENT = "government"  # Prime Minister and ministers: art. 10 and art. 17 look for them
    STATE_REPRESENTATIVE = "state_representative"  # the prefect: art. 9, art. 10, art. 19
    ASSEMBLY_PRESIDENT = "assembly_president"  # the National Assembly's president: art. 10 anchor
    HEAD_OF_MISSION = "head_of_mission"  # foreign ambassadors and the nuncio: art. 17
    PARLIAMENTARIAN = "parliamentarian"  # deputies, senators: a suppléant has no rank (Q 16-2448)
    MAYOR = "mayor"  # an adjoint representing the mayor takes the mayor's rank (art. 14)


class Capacity(StrEnum):
    """In what capacity an attendee represents someone (D art. 13-14)."""

    OWN = "own"  # attends for themselves
    REPRESENTS = "represents"  # represents someone but keeps their own rank (art. 13)
    PRESIDENT_REPRESENTATIVE = "president_representative"  # of the President: takes the rank
    INTERIM = "interim"  # interim holder or legal substitute: takes the rank
    ADJOINT_FOR_MAYOR = "adjoint_for_mayor"  # takes the mayor's rank
    VICE_PRESIDENT = "vice_president"  # takes the rank where the office says so (Office)
    SUBSTITUTE = "substitute"  # parliamentary suppléant: no rank (Q 16-2448)


class DiplomaticClass(StrEnum):
    """Classes of heads of mission (V art. 14); the nuncio is an ambassador-class head."""

    AMBASSADOR = "ambassador"
    NUNCIO = "nuncio"
    ENVOY = "envoy"
    CHARGE = "charge"


class VicePresidentRule(StrEnum):
    """What a vice-president representing this office's holder takes (D art. 14)."""

    NONE = ""  # their own rank, like any representative
    SAME = "same"  # the office's rank (National Assembly, CESE, regional, departmental council)
    AFTER = "after"  # right after another office (the Senate's: after the Assembly's president)


@dataclass(frozen=True)
class Office:
    code: str
    label_fr: str
    label_en: str
    group: OfficeGroup = OfficeGroup.OTHER
    national: bool = True  # a national mandate outranks a local one (Q 12-74133)
    elected: bool = False  # ties broken by first election, then age
    military: bool = False
    vice_president_rule: VicePresidentRule = VicePresidentRule.NONE
    vice_president_after: str = ""  # office code, for VicePresidentRule.AFTER


@dataclass(frozen=True)
class ListedRank:
    """One row of a precedence list: an office at a position, with the article that puts it
    there. Several offices may share a position (D art. 2: "the deputies")."""

    position: int
    office: Office
    article: str  # e.g. "D art. 2"


@dataclass(frozen=True)
class PrecedenceRules:
    """A precedence list in force on a date, and the options of its rule set."""

    name_fr: str
    name_en: str
    article: str  # "D art. 2" (Paris) or "D art. 3" (outside Paris)
    effective_from: date
    ranks: tuple[ListedRank, ...]
    in_paris: bool = True  # art. 10 applies only in Paris
    representative_takes_rank: bool = False  # Italy's rule; France's is art. 13
    spouses_follow: bool = True  # a spouse ranks just after their principal (practice)


@dataclass(frozen=True)
class Holding:
    """An office a person holds or held."""

    office_code: str
    first_elected_on: date | None = None
    took_office_on: date | None = None
    left_office_on: date | None = None  # set: a former holder, ranked after serving ones


@dataclass(frozen=True)
class Attendee:
    """Someone present at one engagement, with what the rules need to rank and seat them."""

    key: str  # stable: the attendance's primary key
    name: str
    sort_name: str = ""
    gender: str = "n"  # "f", "m" or "n" (unknown)
    country: str = ""  # ISO 3166 alpha-2; "" for French officials
    language: str = "fr"  # of their speech
    holdings: tuple[Holding, ...] = ()
    born_on: date | None = None
    diplomatic_class: DiplomaticClass | None = None
    functions_taken_up_at: datetime | None = None  # heads of mission (V art. 13, 16(2))
    military: bool = False
    spouse_of: str = ""  # key of their principal, when both attend
    capacity: Capacity = Capacity.OWN
    represents_office: str = ""  # office code represented (with capacity)
    represents_name: str = ""  # whom they represent, as shown
    place_after: int | None = None  # art. 18: placed after this position; 0 puts them first
    place_after_reason: str = ""
    inviting: bool = False  # head of the inviting body (art. 9)
    guest_of_honour: bool = False
    host: bool = False
    speaks: bool = False
    concealed: bool = False  # shown under a neutral name: no sentence tells their dates


@dataclass(frozen=True)
class Occasion:
    """The engagement as the rules see it."""

    on: date
    rules: PrecedenceRules
    ordered_by_government: bool = False  # art. 9 applies only when False
    offices: tuple[Office, ...] = ()  # every office the attendees hold, listed or not


@dataclass(frozen=True)
class Reason:
    """Why one attendee comes before another, or where one stands: the rule and a sentence in
    the active language (`rule` is short and stable: "D art. 17", "tie", "office")."""

    rule: str
    text: str


@dataclass(frozen=True)
class Placed:
    attendee: Attendee
    order: int  # 1 is the highest
    rank_label: str  # "22: Mayor of Paris", in the active language
    basis: Reason  # where they stand and by which rule


@dataclass(frozen=True)
class Unplaced:
    attendee: Attendee
    missing: str  # what the office must say before the rules can place them


class AddressStyle(StrEnum):
    """The rows of the forms-of-address table (PROTOCOL_RULES.md § 5); an office or a guest
    names one. DEFAULT is "Monsieur" / "Madame" for anyone the table does not name."""

    DEFAULT = "default"
    PRESIDENT_OF_FRANCE = "president_of_france"
    HEAD_OF_STATE = "head_of_state"  # of a republic
    MONARCH = "monarch"
    ROYAL_HIGHNESS = "royal_highness"
    SERENE_HIGHNESS = "serene_highness"
    PRIME_MINISTER = "prime_minister"
    MINISTER = "minister"
    AMBASSADOR = "ambassador"
    MAYOR = "mayor"
    DEPUTY = "deputy"
    SENATOR = "senator"
    PREFECT = "prefect"
    POPE = "pope"
    CARDINAL = "cardinal"
    BISHOP = "bishop"  # and the nuncio


@dataclass(frozen=True)
class AddressForm:
    """One row of the editable table: how a person of one style, in one language and one
    grammatical gender, is addressed. Texts may hold {name}, {office} and {country}
    ("Son Excellence {name}, Ambassadeur de {country}"). `plural` greets several people of the
    style at once; the "n" row's plural is the mixed one ("Mesdames et Messieurs les
    Ambassadeurs")."""

    style: AddressStyle
    language: str  # "fr" or "en"
    gender: str  # "f", "m" or "n"
    appel: str  # opens a letter or a speech: "Monsieur le Maire"
    traitement: str  # third person: "Votre Majesté"
    suscription: str  # the envelope's line
    place_card: str  # the place card's line
    closing: str  # the letter's closing formula
    plural: str
