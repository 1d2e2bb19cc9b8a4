"""The rules that depend on who else attends: D art. 10 (in Paris, with no President or
minister present, the prefect of region right after the President of the National Assembly),
D art. 9 (the head of the inviting body right after the State's representative), D art. 18
for whoever is still unplaced, and spouses just after their principal (practice)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from visits.ceremony.people import Attendee, OfficeGroup, Reason
from visits.ceremony.ranking_keys import LAST, Follow, base_key, values
from visits.ceremony.ranking_lists import After, Lists, Source, Standing, Tier, label
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


def art_9_reason() -> Reason:
    text = _("D art. 9: the head of the inviting body ranks right after the State's representative")
    return Reason("D art. 9", text)


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
    linked = spouse_edges(people, lists)
    representatives = [
        a
        for a in people
        if in_office(standings[a.key], OfficeGroup.STATE_REPRESENTATIVE) and a.key not in linked
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
                slot[0], After.ART_9, Source.ART_9, art_9_reason(), text, then=then
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


def spouse_edges(people: list[Attendee], lists: Lists) -> dict[str, str]:
    if not lists.occasion.rules.spouses_follow:
        return {}
    keys = {a.key for a in people}
    return {a.key: a.spouse_of for a in people if a.spouse_of in keys and a.spouse_of != a.key}


def with_spouses(people: list[Attendee], follows: Follows, lists: Lists) -> Follows:
    """Spouses follow their principal; a circle of spouses (bad data) follows nobody."""
    edges = {k: v for k, v in spouse_edges(people, lists).items() if k not in follows}
    circular = on_cycles(edges | {key: anchor for key, (anchor, _kind) in follows.items()})
    spouses = {k: (v, Follow.SPOUSE) for k, v in edges.items() if k not in circular}
    return follows | spouses


def on_cycles(edges: dict[str, str]) -> set[str]:
    """The nodes of a graph where each node follows at most one other that lie on a cycle."""
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done
    found: set[str] = set()
    for start in sorted(edges):
        path, node = [], start
        while node in edges and node not in state:
            state[node] = 1
            path.append(node)
            node = edges[node]
        if state.get(node) == 1:
            found.update(path[path.index(node) :])
        state.update(dict.fromkeys(path, 2))
    return found
