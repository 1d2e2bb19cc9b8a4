"""Who ranks before whom at one engagement, and why (PROTOCOL_RULES.md § 1).

`rank` applies, in turn: the list's rank of each attendee's highest office (ranking_standing),
representation (D art. 13-14), the overrides (D art. 9, 10, 17, 18: ranking_overrides), ties
(ranking_keys) and spouses (ranking_spouses). The order is the order of sort keys; `why`
reads the first part of two keys that differs (ranking_reasons), so an explanation never
contradicts the order. Those the rules cannot place are returned apart, with what is missing:
never guessed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from visits.ceremony.people import Attendee, Occasion, Placed, Reason, Unplaced
from visits.ceremony.ranking_keys import SortKey, base_key, follower_key, sort_name, values
from visits.ceremony.ranking_lists import Source, after_label, lists_of
from visits.ceremony.ranking_overrides import (
    Follows,
    Standings,
    with_art_9,
    with_art_10,
    with_art_18,
)
from visits.ceremony.ranking_reasons import art_9, explain
from visits.ceremony.ranking_spouses import with_spouses
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
        keys = [self.sort_keys[placed.attendee.key] for placed in self.placed]
        # In order already: each key is the smaller of its pair, as `why` would sort them.
        return tuple(explain(a, b) for a, b in zip(keys, keys[1:], strict=False))


def rank(attendees: Iterable[Attendee], occasion: Occasion) -> Ranking:
    people = sorted(attendees, key=lambda attendee: attendee.key)
    if len({attendee.key for attendee in people}) != len(people):
        raise ValueError("two attendees share a key")
    lists = lists_of(occasion)
    standings: Standings = {attendee.key: standing_of(attendee, lists) for attendee in people}
    standings = with_art_10(standings, lists)
    standings, follows = with_art_9(people, standings, lists)
    standings = with_art_18(people, standings, follows, lists)
    own, missing = own_keys(people, standings, follows)
    keys, missing, spouses = with_spouses(people, own, missing, standings, lists)
    order = sorted(keys, key=lambda key: values(keys[key]))
    by_key = {attendee.key: attendee for attendee in people}
    shown = Shown(by_key, standings, follows, spouses)
    placed = tuple(
        Placed(by_key[key], number, *shown.standing(key)) for number, key in enumerate(order, 1)
    )
    unplaced = tuple(
        Unplaced(attendee, missing[attendee.key])
        for attendee in sorted(people, key=lambda a: (sort_name(a), a.key))
        if attendee.key in missing
    )
    return Ranking(placed, unplaced, keys)


def own_keys(
    people: list[Attendee], standings: Standings, follows: Follows
) -> tuple[dict[str, SortKey], dict[str, str]]:
    """Each attendee's key before spouses, or what is missing. Art. 9's followers follow the
    State's representative, who follows nobody: one pass over the others first is enough."""
    keys: dict[str, SortKey] = {}
    missing: dict[str, str] = {}
    for attendee in people:
        standing = standings[attendee.key]
        if attendee.key in follows:
            continue
        if isinstance(standing, Standing):
            keys[attendee.key] = base_key(attendee, standing)
        else:
            missing[attendee.key] = standing
    for attendee in people:
        if attendee.key in follows:
            anchor, kind = follows[attendee.key]
            standing = standings[attendee.key]
            own = standing if isinstance(standing, Standing) else None
            keys[attendee.key] = follower_key(keys[anchor], attendee, kind, own)
    return keys, missing


@dataclass(frozen=True)
class Shown:
    """The rank label and the basis a placed attendee shows."""

    by_key: Mapping[str, Attendee]
    standings: Standings
    follows: Follows  # art. 9
    spouses: Mapping[str, str]  # spouse → principal, for those who follow theirs

    def standing(self, key: str) -> tuple[str, Reason]:
        label, basis = self.placed(key)
        return label, self.with_place_after_note(key, basis)

    def placed(self, key: str) -> tuple[str, Reason]:
        own = self.standings[key]
        if key in self.spouses:
            name = {"name": self.by_key[self.spouses[key]].name}
            feminine = self.by_key[key].gender == "f"  # French agrees "conjoint" with them
            if isinstance(own, Standing):
                text = (
                    pgettext(
                        "feminine",
                        "Spouse of %(name)s: follows them (practice), above their own rank "
                        "(%(rank)s)",
                    )
                    if feminine
                    else _(
                        "Spouse of %(name)s: follows them (practice), above their own rank "
                        "(%(rank)s)"
                    )
                )
                text = text % {**name, "rank": own.label}
            elif feminine:
                text = pgettext("feminine", "Spouse of %(name)s: follows them (practice)") % name
            else:
                text = _("Spouse of %(name)s: follows them (practice)") % name
            if feminine:
                label = pgettext("feminine", "spouse of %(name)s")
            else:
                label = _("spouse of %(name)s")
            return label % name, Reason("practice", text)
        if key in self.follows:
            position = self.standings[self.follows[key][0]].position
            return after_label(position, _("head of the inviting body")), art_9()
        return own.label, own.basis

    def with_place_after_note(self, key: str, basis: Reason) -> Reason:
        """Art. 18's "place after" is for those no rule places: say so when it is set but
        another rule placed the attendee, so the office is not left wondering."""
        own = self.standings[key]
        if self.by_key[key].place_after is None:
            return basis
        if isinstance(own, Standing) and own.source == Source.ART_18:
            return basis
        if key in self.follows or (isinstance(own, Standing) and own.source == Source.ART_9):
            note = _("art. 9 places the head of the inviting body; their place-after is ignored")
        else:
            note = _("art. 18's place-after applies only to those the list does not name; ignored")
        return Reason(basis.rule, _("%(basis)s (%(note)s)") % {"basis": basis.text, "note": note})
