"""The rules that depend on who else attends: D art. 10 (in Paris, with no President or
minister present, the prefect of region right after the President of the National Assembly),
D art. 9 (the head of the inviting body right after the State's representative) and D art. 18
for whoever is still unplaced. Spouses come last: `ranking_spouses`."""

from __future__ import annotations

from django.utils.translation import gettext as _

from visits.ceremony.people import Attendee, OfficeGroup, Reason
from visits.ceremony.ranking_keys import LAST, Follow, base_key, values
from visits.ceremony.ranking_lists import After, Lists, Source, Standing, Tier, label
from visits.ceremony.ranking_reasons import art_9
from visits.ceremony.ranking_standing import placed_by_the_office

Standings = dict[str, Standing | str]  # a standing, or what is missing
Follows = dict[str, tuple[str, Follow]]  # attendee key → (whom they follow, why)

PRESIDENT_OR_MINISTER = (OfficeGroup.HEAD_OF_STATE, OfficeGroup.GOVERNMENT)


def in_office(standing: Standing | str, *groups: OfficeGroup) -> bool:
    """Present in person or through a representative who takes the rank; not a former holder."""
    return (
        isinstance(standing, Standing)
        and standing.tier != Tier.FORMER
        and standing.office is not None
        and standing.office.group in groups
        and standing.source != Source.VICE_PRESIDENT_AFTER
    )


def with_art_10(standings: Standings, lists: Lists) -> Standings:
    """A representative who takes the President's or a minister's rank counts as present: the
    State is then represented above the prefect, which is what art. 10 looks for."""
    assembly = lists.first_of_group.get(OfficeGroup.ASSEMBLY_PRESIDENT)
    if not lists.occasion.rules.in_paris or assembly is None:
        return standings
    if any(in_office(standing, *PRESIDENT_OR_MINISTER) for standing in standings.values()):
        return standings
    text = _(
        "D art. 10: in Paris, with no President or minister present, the prefect of region "
        "ranks right after the President of the National Assembly"
    )
    anchor, basis = lists.position[assembly], Reason("D art. 10", text)
    moved = {
        key: lists.after(
            anchor, After.ART_10, Source.ART_10, basis, label(standing.office), standing.office
        )
        for key, standing in standings.items()
        if in_office(standing, OfficeGroup.STATE_REPRESENTATIVE)
        and (anchor, After.ART_10) < standing.slot
    }
    return standings | moved


def with_art_9(
    people: list[Attendee], standings: Standings, lists: Lists
) -> tuple[Standings, Follows]:
    """Art. 9 only ever raises the inviting authority: one who outranks the State's
    representative keeps their rank. With no State's representative present, the inviting
    authority ranks right after the position the list gives the State's representative (as
    if they attended; art. 10 then plays no part, since it moves the prefect in person)."""
    if lists.occasion.ordered_by_government or not any(a.inviting for a in people):
        return standings, {}
    representatives = [
        a for a in people if in_office(standings[a.key], OfficeGroup.STATE_REPRESENTATIVE)
    ]
    state = min(representatives, key=lambda a: values(base_key(a, standings[a.key])), default=None)
    follows: Follows = {}
    moved: Standings = {}
    for attendee in people:
        own = standings[attendee.key]
        own = own if isinstance(own, Standing) else None
        if not attendee.inviting or (state is not None and attendee.key == state.key):
            continue
        if state is not None:
            if own is None or own.slot >= standings[state.key].slot:
                follows[attendee.key] = (state.key, Follow.ART_9)
            continue
        code = lists.first_of_group.get(OfficeGroup.STATE_REPRESENTATIVE)
        if code is None:
            continue
        slot = (lists.position[code], After.ART_9)
        if own is None or own.slot > slot:
            text, then = _("head of the inviting body"), own.slot if own else (LAST,)
            moved[attendee.key] = lists.after(
                slot[0], After.ART_9, Source.ART_9, art_9(), text, then=then
            )
    return standings | moved, follows


def with_art_18(people: list[Attendee], standings: Standings, follows: Follows, lists: Lists):
    """Art. 18 places, where the office says, only those no other rule places: listed
    authorities keep their order among themselves."""
    placed = {
        a.key: placed_by_the_office(a, lists)
        for a in people
        if a.place_after is not None
        and a.key not in follows
        and not isinstance(standings[a.key], Standing)
    }
    return standings | placed
