"""The sort key of one placed attendee: a tuple of parts, compared in turn, each naming the
rule it stands for. The order is the order of the keys, and the explanation of any two
attendees is the rule of the first part where their keys differ, so the explanations always
agree with the order. The last base part is the attendee's key: no two keys are equal.

An attendee who follows another (a spouse, 7 then 7.1; the inviting authority after the
State's representative, D art. 9) has that person's key plus one part: they come right after
them, before anyone else."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import IntEnum
from typing import NamedTuple

from visits.ceremony.people import Attendee, DiplomaticClass, OfficeGroup
from visits.ceremony.ranking_lists import Source, Standing, Tier


class Kind(IntEnum):
    """How people of one slot and office break their tie (PROTOCOL_RULES.md § 1.5)."""

    HEAD_OF_MISSION = 0  # class, then the date they took up their functions (V art. 14, 16)
    ELECTED = 1  # date of first election (Q)
    FORMER = 2  # date of taking office (D art. 2 for former Presidents and Prime Ministers)
    OTHER = 3


class Follow(IntEnum):
    SPOUSE = 0  # just after the principal, before anyone else (practice)
    ART_9 = 1  # the inviting authority, right after the State's representative


# The nuncio is dean of the diplomatic corps in France (V art. 16(3)): first of the ambassadors.
CLASS_ORDER = {
    DiplomaticClass.NUNCIO: 0,
    DiplomaticClass.AMBASSADOR: 1,
    DiplomaticClass.ENVOY: 2,
    DiplomaticClass.CHARGE: 3,
}
UNKNOWN_CLASS = len(CLASS_ORDER)
LAST = 10**9  # sorts after every real position


class Part(NamedTuple):  # a tuple: a banquet's keys are thousands of parts
    """One component of a sort key: `value` is compared, the rest explains it."""

    name: str  # slot, tier, office, kind, age, name, key, follow
    value: tuple
    owner: Attendee  # whose standing this part describes (the principal, for a follower)
    standing: Standing
    follows: Follow | None = None
    anchor: Attendee | None = None  # for a "follow" part: whom the owner follows


SortKey = tuple[Part, ...]


def values(key: SortKey) -> tuple:
    return tuple(part.value for part in key)


def known(value: date | datetime | None) -> tuple:
    """Earlier first, unknown last."""
    if value is None:
        return (1,)
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # naive and aware times must compare
    return (0, value)


def sort_name(attendee: Attendee) -> str:
    return (attendee.sort_name or attendee.name).casefold()


def kind_value(attendee: Attendee, standing: Standing) -> tuple:
    office, holding = standing.office, standing.holding
    if office is not None and office.group == OfficeGroup.HEAD_OF_MISSION:
        order = CLASS_ORDER.get(attendee.diplomatic_class, UNKNOWN_CLASS)
        return (Kind.HEAD_OF_MISSION, order, known(attendee.functions_taken_up_at))
    if standing.source == Source.ART_18 or holding is None:
        return (Kind.OTHER,)
    if standing.tier == Tier.FORMER or (office and office.code.startswith("former_")):
        return (Kind.FORMER, known(holding.took_office_on))
    if office is not None and office.elected and standing.tier == Tier.IN_PERSON:
        return (Kind.ELECTED, known(holding.first_elected_on))
    return (Kind.OTHER,)


def base_key(attendee: Attendee, standing: Standing) -> SortKey:
    parts = (
        ("slot", standing.slot),
        ("tier", (int(standing.tier),)),
        ("office", (standing.office_index,)),
        ("kind", kind_value(attendee, standing)),
        ("age", known(attendee.born_on)),
        ("name", (sort_name(attendee),)),
        ("key", (attendee.key,)),
    )
    return tuple(Part(name, value, attendee, standing) for name, value in parts)


def follower_key(
    anchor_key: SortKey, attendee: Attendee, follows: Follow, own: Standing | None
) -> SortKey:
    """Right after the anchor: the anchor's key plus one part that orders the followers."""
    anchor = anchor_key[-1].owner  # the last part is the anchor's own: "key" or "follow"
    own_slot = own.slot if own is not None else (LAST,)
    value = (
        (int(follows), sort_name(attendee), attendee.key)
        if follows == Follow.SPOUSE
        else (int(follows), own_slot, sort_name(attendee), attendee.key)
    )
    part = Part("follow", value, attendee, anchor_key[0].standing, follows, anchor)
    return (*anchor_key, part)
