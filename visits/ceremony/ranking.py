"""Who ranks before whom at one engagement, and why (PROTOCOL_RULES.md § 1).

`rank` applies, in turn: the list's rank of each attendee's highest office (ranking_standing),
representation (D art. 13-14), the overrides (D art. 9, 10, 17, 18: ranking_overrides), ties
(ranking_keys) and spouses. The order is the order of sort keys; `why` reads the first part of
two keys that differs (ranking_reasons), so an explanation never contradicts the order. Those
the rules cannot place are returned apart, with what is missing: never guessed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _

from visits.ceremony.people import Attendee, Occasion, Placed, Reason, Unplaced
from visits.ceremony.ranking_keys import Follow, SortKey, base_key, follower_key, sort_name, values
from visits.ceremony.ranking_lists import after_label, lists_of
from visits.ceremony.ranking_overrides import (
    Follows,
    Standings,
    art_9_reason,
    with_art_9,
    with_art_10,
    with_art_18,
    with_spouses,
)
from visits.ceremony.ranking_reasons import explain
from visits.ceremony.ranking_standing import Standing, standing_of


@dataclass(frozen=True)
class Ranking:
    placed: tuple[Placed, ...]  # in order, order 1..n
    unplaced: tuple[Unplaced, ...]  # those the rules cannot place, with what is missing
    sort_keys: Mapping[str, SortKey] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def orders(self) -> dict[str, int]:
        return {placed.attendee.key: placed.order for placed in self.placed}

    def position_of(self, key: str) -> int | None:
        return self.orders.get(key)

    def why(self, first_key: str, second_key: str) -> Reason:
        """Why the one of the two that comes first does; either argument order."""
        if first_key == second_key:
            raise ValueError(f"{first_key} is compared with itself")
        one, other = sorted((self.sort_keys[first_key], self.sort_keys[second_key]), key=values)
        return explain(one, other)

    def steps(self) -> tuple[Reason, ...]:
        """Why each attendee comes before the next one."""
        keys = [placed.attendee.key for placed in self.placed]
        return tuple(self.why(a, b) for a, b in zip(keys, keys[1:], strict=False))


def rank(attendees: Iterable[Attendee], occasion: Occasion) -> Ranking:
    people = sorted(attendees, key=lambda attendee: attendee.key)
    if len({attendee.key for attendee in people}) != len(people):
        raise ValueError("two attendees share a key")
    lists = lists_of(occasion)
    standings: Standings = {attendee.key: standing_of(attendee, lists) for attendee in people}
    standings = with_art_10(standings, lists)
    standings, follows = with_art_9(people, standings, lists)
    standings = with_art_18(people, standings, follows, lists)
    follows = with_spouses(people, follows, lists)
    keys, missing = sort_keys(people, standings, follows)
    order = sorted(keys, key=lambda key: values(keys[key]))
    by_key = {attendee.key: attendee for attendee in people}
    placed = tuple(
        Placed(by_key[key], number, *shown_standing(key, by_key, standings, follows))
        for number, key in enumerate(order, start=1)
    )
    unplaced = tuple(
        Unplaced(attendee, missing[attendee.key])
        for attendee in sorted(people, key=lambda a: (sort_name(a), a.key))
        if attendee.key in missing
    )
    return Ranking(placed, unplaced, keys)


def sort_keys(
    people: list[Attendee], standings: Standings, follows: Follows
) -> tuple[dict[str, SortKey], dict[str, str]]:
    """Each placed attendee's key; a follower's is built on their anchor's (chains are acyclic:
    ranking_overrides drops circles), walked without recursion."""
    by_key = {attendee.key: attendee for attendee in people}
    keys: dict[str, SortKey] = {}
    missing: dict[str, str] = {}
    for start in by_key:
        chain, key = [], start
        while key in follows and key not in keys and key not in missing:
            chain.append(key)
            key = follows[key][0]
        if key not in keys and key not in missing:
            standing = standings[key]
            if isinstance(standing, Standing):
                keys[key] = base_key(by_key[key], standing)
            else:
                missing[key] = standing
        for follower in reversed(chain):
            anchor, kind = follows[follower]
            if anchor in missing:
                text = _("spouse of %(name)s, whom the rules cannot place")
                missing[follower] = text % {"name": by_key[anchor].name}
                continue
            own = standings[follower] if isinstance(standings[follower], Standing) else None
            keys[follower] = follower_key(keys[anchor], by_key[follower], kind, own)
    return keys, missing


def shown_standing(
    key: str, by_key: Mapping[str, Attendee], standings: Standings, follows: Follows
) -> tuple[str, Reason]:
    """The rank label and the basis a placed attendee shows."""
    if key not in follows:
        standing = standings[key]
        return standing.label, standing.basis
    anchor, kind = follows[key]
    if kind == Follow.SPOUSE:
        name = {"name": by_key[anchor].name}
        basis = Reason("practice", _("Spouse of %(name)s: follows them (practice)") % name)
        return _("spouse of %(name)s") % name, basis
    position = standings[anchor].position
    return after_label(position, _("head of the inviting body")), art_9_reason()
