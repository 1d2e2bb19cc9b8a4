"""Spouses (practice, PROTOCOL_RULES.md § 1.6): a spouse ranks just after their principal
(7, then 7.1), unless they stand higher on their own: a minister married to the Mayor ranks as
a minister. Resolved last, on the sort keys the other rules gave (each attendee's "own" key),
so a spouse link only ever raises the spouse, and never moves anyone else."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _

from visits.ceremony.people import Attendee
from visits.ceremony.ranking_keys import Follow, SortKey, follower_key, values
from visits.ceremony.ranking_lists import Lists, Source, Standing
from visits.ceremony.ranking_standing import place_after_hint

Standings = Mapping[str, Standing | str]


def spouse_links(
    people: list[Attendee], keys: Mapping[str, SortKey], lists: Lists
) -> tuple[dict[str, str], set[str]]:
    """Who may follow whom, and those of a couple who name each other with no place between
    them. Of two who name each other (the registry may link both ways), the one placed higher
    on their own is the principal; in a circle of three or more (bad data) nobody follows."""
    if not lists.occasion.rules.spouses_follow:
        return {}, set()
    present = {a.key for a in people}
    edges = {a.key: a.spouse_of for a in people if a.spouse_of in present and a.spouse_of != a.key}
    stranded: set[str] = set()
    for one, other in sorted(edges.items()):
        if one < other and edges.get(other) == one:
            placed = sorted((k for k in (one, other) if k in keys), key=lambda k: values(keys[k]))
            if placed:
                del edges[placed[0]]  # the principal
            else:
                del edges[one], edges[other]
                stranded.update((one, other))
    circular = on_cycles(edges)
    return {k: v for k, v in edges.items() if k not in circular}, stranded


def with_spouses(
    people: list[Attendee],
    own: Mapping[str, SortKey],
    missing: Mapping[str, str],
    standings: Standings,
    lists: Lists,
) -> tuple[dict[str, SortKey], dict[str, str], dict[str, str]]:
    """The final keys, what is missing, and who follows whom as a spouse. Chains (a spouse's
    principal follows their own principal) are walked from the end, without recursion."""
    edges, stranded = spouse_links(people, own, lists)
    by_key = {attendee.key: attendee for attendee in people}
    keys, missing, follows = dict(own), dict(missing), {}
    for key in stranded:
        text = _(
            "neither this attendee nor their spouse %(spouse)s has a rank: %(fix)s for one of "
            "them; the other will follow"
        )
        spouse = by_key[by_key[key].spouse_of].name
        missing[key] = text % {"spouse": spouse, "fix": place_after_hint()}
    done: set[str] = set()
    for start in sorted(edges):
        chain, key = [], start
        while key in edges and key not in done:
            chain.append(key)
            key = edges[key]
        for follower in reversed(chain):
            done.add(follower)
            anchor = edges[follower]
            standing = standings[follower]
            if anchor in keys and follows_spouse(own.get(follower), keys[anchor], standing):
                keys[follower] = follower_key(keys[anchor], by_key[follower], Follow.SPOUSE, None)
                follows[follower] = anchor
                missing.pop(follower, None)
            elif follower not in keys:
                text = _("spouse of %(name)s, whom the rules cannot place")
                missing[follower] = text % {"name": by_key[anchor].name}
    return keys, missing, follows


def follows_spouse(own: SortKey | None, principal: SortKey, standing: Standing | str) -> bool:
    """The higher of the two places: just after the principal, or their own. A place the
    office chose for them (art. 18) is theirs whatever the principal's; one already right
    after the principal (art. 9) stays."""
    if own is None:
        return True
    if isinstance(standing, Standing) and standing.source == Source.ART_18:
        return False
    if values(own)[: len(principal)] == values(principal):
        return False
    return values(principal) < values(own)


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
