"""The plain data of seating (PROTOCOL_RULES.md § 2), re-exported by `seating`: who sits, the
office's options, and the places the rules give them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Layout(StrEnum):
    FRENCH = "french"  # long table, host and co-host face each other mid-table
    ENGLISH = "english"  # long table, host and co-host at the two ends
    ROUND = "round"  # round tables, the place of honour facing the door
    PLATFORM = "platform"  # rows facing the audience (D art. 16); a "table" is a row


@dataclass(frozen=True)
class Sitter:
    """One attendee as seating sees them; `seat` is given them in precedence order."""

    key: str
    gender: str = "n"  # "f", "m", "n" (unknown: never breaks the alternation)
    military: bool = False
    spouse_of: str = ""  # key of their principal
    name: str = ""  # shown in the sentences that explain a broken rule; the key when empty


@dataclass(frozen=True)
class Pin:
    key: str
    table: int
    number: int


@dataclass(frozen=True)
class SeatingOptions:
    layout: Layout = Layout.FRENCH
    tables: int = 1  # on a platform: rows, the first nearest the audience
    seats_per_table: int = 0  # 0: as many as the guests need, shared evenly between tables
    central_aisle: bool = False  # platform only
    civil_military_sides: bool = False  # platform: civil on their right, military on their left
    alternate_sexes: bool = False
    keep_spouses_apart: bool = True
    pins: tuple[Pin, ...] = ()
    apart: tuple[tuple[str, str], ...] = ()  # never side by side
    together: tuple[tuple[str, str], ...] = ()  # side by side


@dataclass(frozen=True)
class Seat:
    table: int  # 1 is the host's table (on a platform: the front row)
    number: int  # 1..n on that table: the physical places, numbered by the layout alone
    key: str  # the sitter, or "" for an empty place
    x: float  # centre of the place in the drawing's coordinates
    y: float
    honour: int  # 0 the presiding places (host, co-host), then 1, 2, ... the order of honour


@dataclass(frozen=True)
class Seating:
    seats: tuple[Seat, ...]
    unmet: tuple[str, ...]  # each constraint the rules could not meet, and why (translated)
    warnings: tuple[str, ...]  # e.g. the presiding places of one sex when alternating sexes

    def seat_of(self, key: str) -> Seat | None:
        if not key:
            return None
        return next((s for s in self.seats if s.key == key), None)
