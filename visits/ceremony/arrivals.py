"""Arrivals and the receiving line (D art. 19 and practice, PROTOCOL_RULES.md § 3)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from visits.ceremony.people import Placed

# Practice keeps a receiving line short: beyond this, guests queue.
LONGEST_LINE = 6


def arrival_order(placed: Sequence[Placed]) -> tuple[Placed, ...]:
    """Reverse precedence: the highest-ranked arrives last (and leaves first); the ceremony
    starts when they are in place."""
    return tuple(sorted(placed, key=lambda one: (-one.order, one.attendee.key)))


@dataclass(frozen=True)
class ReceivingLine:
    people: tuple[Placed, ...]  # in the order guests meet them
    warnings: tuple[str, ...]


def receiving_line(
    placed: Sequence[Placed], foreign_guests_present: bool | None = None
) -> ReceivingLine:
    """The host first (the inviting authority, else the highest-ranked host), then the guests
    of honour; when the guests of honour are foreign, the spouses of those before follow in the
    same order; the other hosts close the line. The announcer stands before the line, not in
    it. `foreign_guests_present` None: foreign when a guest of honour's country is not France."""
    ranked = sorted(placed, key=lambda one: (one.order, one.attendee.key))
    hosts = sorted(
        (one for one in ranked if one.attendee.host or one.attendee.inviting),
        key=lambda one: not one.attendee.inviting,  # stable: precedence among equals
    )
    honoured = [one for one in ranked if one.attendee.guest_of_honour]
    if foreign_guests_present is None:
        foreign_guests_present = any(one.attendee.country not in ("", "FR") for one in honoured)
    line = hosts[:1] + honoured
    if foreign_guests_present:
        spouses = {one.attendee.spouse_of: one for one in ranked if one.attendee.spouse_of}
        line += [spouses[one.attendee.key] for one in list(line) if one.attendee.key in spouses]
    line += hosts[1:]
    people = tuple(_once(line))
    warnings = []
    if not hosts:
        warnings.append(_("No host is marked: nobody opens the receiving line."))
    if len(people) > LONGEST_LINE:
        warnings.append(
            _("The receiving line has %(count)s people: keep it to 5 or 6.")
            % {"count": len(people)}
        )
    return ReceivingLine(people=people, warnings=tuple(warnings))


def _once(line: list[Placed]):
    """Someone both host and guest of honour, or a spouse who is also a host, stands once."""
    seen: set[str] = set()
    for one in line:
        if one.attendee.key not in seen:
            seen.add(one.attendee.key)
            yield one
