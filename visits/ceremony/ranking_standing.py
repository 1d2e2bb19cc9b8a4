"""One attendee's standing from the list (D art. 2-3), their offices (the highest counts,
national before local: Q 12-74133), representation (D art. 13-14) and art. 17-18; or, when the
rules cannot place them, what is missing. Art. 9 and 10 depend on who else attends: see
`ranking_overrides`."""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext as _

from visits.ceremony.people import Attendee, Capacity, Holding, OfficeGroup, Reason
from visits.ceremony.people import VicePresidentRule as VP
from visits.ceremony.ranking_lists import OVERRIDES, After, Lists, Source, Standing, Tier, label

TAKES_THE_RANK = (Capacity.PRESIDENT_REPRESENTATIVE, Capacity.INTERIM, Capacity.ADJOINT_FOR_MAYOR)
# Whom a representative of this capacity stands for when the office left the field empty.
IMPLIED_OFFICE = {
    Capacity.PRESIDENT_REPRESENTATIVE: OfficeGroup.HEAD_OF_STATE,
    Capacity.ADJOINT_FOR_MAYOR: OfficeGroup.MAYOR,
}


def place_after_hint() -> str:
    return _("set “place after rank”")


def standing_of(attendee: Attendee, lists: Lists) -> Standing | str:
    """The attendee's standing, or the sentence saying what is missing."""
    candidates = [s for s in (*own_standings(attendee, lists), represented(attendee, lists)) if s]
    if candidates:
        return min(candidates, key=preference)
    return missing(attendee, lists)


def preference(standing: Standing) -> tuple:
    national = standing.office is None or standing.office.national
    return (standing.slot, standing.tier, not national, standing.office_index)


def serving(holding: Holding, lists: Lists) -> bool | None:
    """True while in office on the day, False once left, None before taking office."""
    on = lists.occasion.on
    if holding.took_office_on is not None and holding.took_office_on > on:
        return None
    return holding.left_office_on is None or holding.left_office_on > on


def own_standings(attendee: Attendee, lists: Lists) -> list[Standing]:
    found = []
    for holding in attendee.holdings:
        now, code = serving(holding, lists), holding.office_code
        office = lists.offices.get(code)
        if now is None or office is None:
            continue
        if now and office.group == OfficeGroup.HEAD_OF_MISSION:
            found.append(head_of_mission(holding, lists))
        elif not now and f"former_{code}" in lists.position:  # the list names former holders
            found.append(lists.listed(f"former_{code}", Tier.IN_PERSON, Source.LIST, None, holding))
        elif code in lists.position:
            tier, source = (Tier.IN_PERSON, Source.LIST) if now else (Tier.FORMER, Source.FORMER)
            basis = None if now else former_basis(code, lists)
            found.append(lists.listed(code, tier, source, basis, holding))
    found = [standing for standing in found if standing is not None]
    if found and attendee.capacity != Capacity.OWN:  # art. 13: represents, keeps their rank
        best = min(found, key=preference)
        return [keeps_own_rank(attendee, best, lists)]
    return found


def former_basis(code: str, lists: Lists) -> Reason:
    text = _("A former holder (%(office)s) ranks right after the serving holders (practice)")
    return Reason("practice", text % {"office": label(lists.offices[code])})


def head_of_mission(holding: Holding, lists: Lists) -> Standing | None:
    government = lists.last_position_of(OfficeGroup.GOVERNMENT)
    if government is None:
        return None
    basis = Reason("D art. 17", _("D art. 17: ambassadors rank right after the Government"))
    office = lists.offices[holding.office_code]
    return lists.after(
        government, After.ART_17, Source.ART_17, basis, label(office), office, holding
    )


def keeps_own_rank(attendee: Attendee, own: Standing, lists: Lists) -> Standing:
    if own.source in OVERRIDES:  # art. 17's reason says more than art. 13's
        return own
    whom = attendee.represents_name or represented_label(attendee, lists)
    if whom:
        text = _("D art. 13: represents %(whom)s but keeps their own rank (%(rank)s)")
    else:
        text = _("D art. 13: represents someone but keeps their own rank (%(rank)s)")
    return replace(own, basis=Reason("D art. 13", text % {"whom": whom, "rank": own.label}))


def represented_code(attendee: Attendee, lists: Lists) -> str:
    if attendee.represents_office:
        return attendee.represents_office
    group = IMPLIED_OFFICE.get(attendee.capacity)
    return lists.first_of_group.get(group, "") if group else ""


def represented_label(attendee: Attendee, lists: Lists) -> str:
    office = lists.offices.get(represented_code(attendee, lists))
    return label(office) if office else ""


def represented(attendee: Attendee, lists: Lists) -> Standing | None:
    """The rank a representative takes from the office they represent, if any (art. 14)."""
    capacity, code = attendee.capacity, represented_code(attendee, lists)
    office = lists.offices.get(code)
    # A suppléant stands for no one under any rule set (Q 16-2448): not a representative.
    if capacity in (Capacity.OWN, Capacity.SUBSTITUTE) or office is None:
        return None
    values = {"office": label(office), "position": lists.position.get(code, "")}
    if lists.occasion.rules.representative_takes_rank:
        text = _("These rules give a representative the rank of the office represented: %(office)s")
        reason = Reason("representation", text % values)
    elif capacity in TAKES_THE_RANK:
        reason = Reason("D art. 14", art_14_text(capacity) % values)
    elif capacity == Capacity.VICE_PRESIDENT and office.vice_president_rule == VP.SAME:
        text = _(
            "D art. 14: a vice-president representing their president (%(office)s) takes the "
            "president's rank"
        )
        reason = Reason("D art. 14", text % values)
    elif capacity == Capacity.VICE_PRESIDENT and office.vice_president_rule == VP.AFTER:
        return vice_president_after(office, lists)
    else:
        return None
    if code not in lists.position:
        return None
    return lists.listed(code, Tier.REPRESENTATIVE, Source.REPRESENTED, reason)


def art_14_text(capacity: Capacity) -> str:
    return {
        Capacity.PRESIDENT_REPRESENTATIVE: _(
            "D art. 14: the representative of the President of the Republic takes the "
            "President's rank"
        ),
        Capacity.INTERIM: _("D art. 14: an interim holder takes the office's rank (%(office)s)"),
        Capacity.ADJOINT_FOR_MAYOR: _(
            "D art. 14: an adjoint representing the mayor takes the mayor's rank"
        ),
    }[capacity]


def vice_president_after(office, lists: Lists) -> Standing | None:
    after = lists.offices.get(office.vice_president_after)
    if after is None or after.code not in lists.position:
        return None
    position = lists.position[after.code]
    text = _(
        "D art. 14: a vice-president representing their president (%(office)s) ranks right "
        "after rank %(position)s (%(after)s)"
    )
    words = {"office": label(office), "position": position, "after": label(after)}
    basis = Reason("D art. 14", text % words)
    represented_text = _("%(office)s (represented)") % {"office": label(office)}
    source = Source.VICE_PRESIDENT_AFTER
    return lists.after(position, After.VICE_PRESIDENT, source, basis, represented_text, office)


def placed_by_the_office(attendee: Attendee, lists: Lists) -> Standing:
    """Art. 18: "place after rank N", with the office's reason shown."""
    reason = attendee.place_after_reason or _("no reason given")
    after = attendee.place_after or 0
    if after <= 0:
        text = _("D art. 18: placed first by the inviting authority: %(reason)s")
    else:
        text = _("D art. 18: placed after rank %(position)s by the inviting authority: %(reason)s")
    basis = Reason("D art. 18", text % {"position": after, "reason": reason})
    return lists.after(after, After.ART_18, Source.ART_18, basis, reason)


def missing(attendee: Attendee, lists: Lists) -> str:
    """What the office must say before the rules can place this attendee."""
    if attendee.capacity == Capacity.SUBSTITUTE:
        return _("a parliamentary substitute has no rank (Q 16-2448): %(fix)s") % {
            "fix": place_after_hint()
        }
    representing = (*TAKES_THE_RANK, Capacity.VICE_PRESIDENT)
    if attendee.capacity in representing and not represented_code(attendee, lists):
        return _("the office represented is missing, or %(fix)s") % {"fix": place_after_hint()}
    held = [h for h in attendee.holdings if serving(h, lists) is not None]
    heads = [h for h in held if group_of(h, lists) == OfficeGroup.HEAD_OF_MISSION]
    if heads and lists.last_position_of(OfficeGroup.GOVERNMENT) is None:
        text = _(
            "D art. 17 places ambassadors after the Government, which this list lacks: %(fix)s"
        )
        return text % {"fix": place_after_hint()}
    unlisted = [
        lists.offices[h.office_code]
        for h in held
        if h.office_code in lists.offices and h.office_code not in lists.position
    ]
    if unlisted:
        text = _("%(office)s is not on the list: %(fix)s")
        return text % {"office": label(unlisted[0]), "fix": place_after_hint()}
    future = [h for h in attendee.holdings if serving(h, lists) is None]
    if future:
        return not_yet_held(future[0], lists)
    if attendee.spouse_of:
        return _("a spouse has no rank of their own: %(fix)s") % {"fix": place_after_hint()}
    return _("not on the list: %(fix)s") % {"fix": place_after_hint()}


def not_yet_held(holding: Holding, lists: Lists) -> str:
    office = lists.offices.get(holding.office_code)
    text = _("%(office)s is not yet held on %(on)s (takes office on %(took)s): %(fix)s")
    return text % {
        "office": label(office) if office else holding.office_code,
        "on": lists.occasion.on.isoformat(),
        "took": holding.took_office_on.isoformat(),
        "fix": place_after_hint(),
    }


def group_of(holding: Holding, lists: Lists) -> OfficeGroup | None:
    office = lists.offices.get(holding.office_code)
    return office.group if office else None
