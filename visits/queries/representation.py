"""What rank a representative named in a reply takes (D art. 13-14), as the ceremony engine
gives it on the engagement's list: rank is not delegated, save for the interim holder, the
President's representative, an adjoint for the mayor and some vice-presidents
(PROTOCOL_RULES.md § 3). And the capacities an invitee's representative may come in: an
adjoint represents a mayor, a suppléant a parliamentarian."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from visits.ceremony import people
from visits.ceremony.ranking_lists import Lists, Standing, lists_of
from visits.ceremony.ranking_standing import standing_of
from visits.models import (
    Attendance,
    Ceremony,
    Engagement,
    Guest,
    Invitation,
    Office,
    OfficeHolding,
)
from visits.models.ceremony_choices import Capacity, OfficeGroup, VicePresidentRule
from visits.models.invitations import ReplyState
from visits.queries.ceremony import list_rows, ranking_day
from visits.queries.ceremony_plan import occasion_of, serving


@dataclass(frozen=True)
class RepresentativeRank:
    where: str  # "12: Mayor (represented)"; "" when the rules cannot place them
    why: str  # the rule, or what the office must still say


def capacities_open_to(engagement: Engagement, guest_id: int) -> list[str]:
    """What a representative of this invitee may come as, by the offices they hold on the
    day the ceremony is ranked."""
    options = Ceremony.objects.filter(engagement=engagement).first() or Ceremony()
    return capacities_for(serving_offices(guest_id, ranking_day(engagement, options)))


def serving_offices(guest_id: int, on) -> list:
    """The offices the guest holds on `on` (the Office rows)."""
    held = OfficeHolding.objects.filter(guest_id=guest_id).select_related("office")
    return [h.office for h in held.order_by("pk") if serving(h, on)]


def capacities_for(offices) -> list[str]:
    """The capacities a representative of the holder of `offices` may come in: anyone keeps
    their own rank, an interim holder takes the office's; the others follow the office."""
    groups = {office.group for office in offices}
    found = [Capacity.REPRESENTS, Capacity.INTERIM]
    if OfficeGroup.HEAD_OF_STATE in groups:
        found.append(Capacity.PRESIDENT_REPRESENTATIVE)
    if OfficeGroup.MAYOR in groups:
        found.append(Capacity.ADJOINT_FOR_MAYOR)
    if any(office.vice_president_rule != VicePresidentRule.NONE for office in offices):
        found.append(Capacity.VICE_PRESIDENT)
    if OfficeGroup.PARLIAMENTARIAN in groups:
        found.append(Capacity.SUBSTITUTE)
    return [capacity.value for capacity in found]


@dataclass(frozen=True)
class Ranking:
    """The engagement's list as the engine reads it, and the day offices are read on."""

    lists: Lists
    day: date
    codes: dict[int, str]  # office pk -> code
    offices: dict[str, Office]  # code -> row

    def invitee_offices(self, guest_ids) -> dict[int, tuple[people.Holding, ...]]:
        """The offices each guest holds on the day, as the engine reads them: one query."""
        held = defaultdict(list)
        for holding in OfficeHolding.objects.filter(guest_id__in=guest_ids).order_by("pk"):
            if serving(holding, self.day):
                code = self.codes[holding.office_id]
                held[holding.guest_id].append(people.Holding(office_code=code))
        return {guest_id: tuple(held[guest_id]) for guest_id in guest_ids}


def ranking_of(engagement: Engagement) -> Ranking:
    """Four queries (three with `engagement.ceremony` read already)."""
    try:
        options = engagement.ceremony
    except Ceremony.DoesNotExist:
        options = Ceremony(engagement=engagement)
    rows = list_rows(engagement, options)
    return Ranking(
        lists=lists_of(occasion_of(rows)),
        day=rows.day,
        codes={office.pk: office.code for office in rows.offices},
        offices={office.code: office for office in rows.offices},
    )


def represented_office(name: str, holds, lists: Lists) -> str:
    """The code of the office the invitee stands by (the highest, as the engine ranks them),
    which a representative taking the rank takes; "" when the list names none of theirs."""
    own = standing_of(people.Attendee(key="invitee", name=name, holdings=holds), lists)
    return own.office.code if isinstance(own, Standing) and own.office else ""


def representatives_ranks(engagement: Engagement, invitations) -> dict[int, RepresentativeRank]:
    """For each represented invitation of `invitations` (from `queries.invitations.shown`,
    so each has `name` and `guest_seen`) whose invitee the viewer may see, the rank their
    representative takes. In five queries, whatever their number. An invitee hidden from the
    viewer gets none: the rank would tell their office."""
    represented = [row for row in invitations if row.represented and row.guest_seen]
    if not represented:
        return {}
    ranking = ranking_of(engagement)
    held = ranking.invitee_offices({row.guest_id for row in represented})
    return {row.pk: rank_of(row, held[row.guest_id], ranking) for row in represented}


def rank_of(invitation, invitee_holds, ranking: Ranking) -> RepresentativeRank:
    office_id = invitation.representative_office_id
    representative = people.Attendee(
        key="representative",
        name=invitation.representative_name,
        holdings=(people.Holding(office_code=ranking.codes[office_id]),) if office_id else (),
        capacity=people.Capacity(invitation.representative_capacity or Capacity.REPRESENTS),
        represents_office=represented_office(invitation.name, invitee_holds, ranking.lists),
        represents_name=invitation.name,
    )
    found = standing_of(representative, ranking.lists)
    if isinstance(found, Standing):
        return RepresentativeRank(where=found.label, why=found.basis.text)
    return RepresentativeRank(where="", why=found)


def representatives_not_attending(engagement: Engagement, viewer) -> int:
    """Representatives accepted for invitees the viewer may see, not yet attending for them:
    gathering leaves those whose name the registry holds twice, and those to record when the
    viewer may not add guests."""
    attending = Attendance.objects.filter(engagement=engagement, represents__isnull=False)
    return (
        representations_sent(engagement)
        .filter(guest__in=Guest.objects.visible_to(viewer))
        .exclude(guest__in=attending.values("represents"))
        .count()
    )


def representations_sent(engagement: Engagement):
    """The replies that accept and send a representative the office did not refuse."""
    return Invitation.objects.filter(
        engagement=engagement,
        state=ReplyState.ACCEPTED,
        represented=True,
        representative_refused=False,
    )
