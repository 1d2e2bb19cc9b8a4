"""An engagement's invitation list as the protocol office follows it (issue 17): where the
replies stand against the room's capacity, the waiting list in its order, the needs to pass on
to the caterer, who is represented by whom; and where invitees come from: the registry, another
engagement's list, a group. A fixed number of queries whatever the number of invitees (a page
of the list at a time)."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q

from visits.models import Engagement, Guest, HonoraryCitizenship, Invitation, OfficeHolding
from visits.models.ceremony_choices import OfficeGroup
from visits.models.choices import HonourStatus
from visits.models.invitations import ReplyState
from visits.queries.invitations import shown, with_visibility
from visits.queries.representation import representatives_ranks

PER_PAGE = 100


@dataclass(frozen=True)
class Replies:
    invited: int
    no_reply: int
    accepted: int
    waiting: int
    declined: int
    places: int  # taken by those accepted: themselves and their companions
    capacity: int | None
    arrived: int

    @property
    def places_left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.places, 0)


def replies_of(engagement: Engagement) -> Replies:
    accepted = Q(state=ReplyState.ACCEPTED)
    counted = Invitation.objects.filter(engagement=engagement).aggregate(
        invited=Count("pk"),
        no_reply=Count("pk", filter=Q(state=ReplyState.NO_REPLY)),
        accepted=Count("pk", filter=accepted),
        waiting=Count("pk", filter=Q(state=ReplyState.WAITING)),
        declined=Count("pk", filter=Q(state=ReplyState.DECLINED)),
        companions=Count("pk", filter=accepted & Q(with_companion=True)),
        arrived=Count("pk", filter=Q(arrived_at__isnull=False)),
    )
    companions = counted.pop("companions")
    capacity = engagement.venue.capacity if engagement.venue_id else None
    return Replies(**counted, places=counted["accepted"] + companions, capacity=capacity)


def invitation_page(engagement: Engagement, viewer, state: str = "", number=1):
    """One page of the list, alphabetical, maybe of one reply state only."""
    rows = Invitation.objects.filter(engagement=engagement)
    if state in ReplyState.values:
        rows = rows.filter(state=state)
    rows = with_visibility(rows, viewer).order_by("guest__sort_name", "guest__name", "pk")
    page = Paginator(rows, PER_PAGE).get_page(number)
    page.object_list = shown(page.object_list)
    return page


def waiting_line(engagement: Engagement, viewer) -> list[Invitation]:
    rows = Invitation.objects.filter(engagement=engagement, state=ReplyState.WAITING)
    return shown(with_visibility(rows, viewer).order_by("queued"))


def needs_to_pass_on(engagement: Engagement, viewer) -> list[Invitation]:
    """Those accepted whose card says a dietary or accessibility need (for the caterer and the
    ushers), alphabetical; not those who send a representative: the needs are their own."""
    said = Q(guest__card__dietary_needs__gt="") | Q(guest__card__accessibility_needs__gt="")
    rows = Invitation.objects.filter(
        said, engagement=engagement, state=ReplyState.ACCEPTED, represented=False
    )
    rows = with_visibility(rows.select_related("guest__card"), viewer)
    return shown(rows.order_by("guest__sort_name", "guest__name"))


def representations(engagement: Engagement, viewer) -> list[Invitation]:
    """Those represented, alphabetical, each with `rank`: what their representative takes
    (D art. 13-14), None for an invitee hidden from the viewer."""
    rows = Invitation.objects.filter(engagement=engagement, represented=True)
    rows = with_visibility(rows.select_related("representative_office"), viewer)
    found = shown(rows.order_by("guest__sort_name", "guest__name"))
    ranks = representatives_ranks(engagement, found)
    for row in found:
        row.rank = ranks.get(row.pk)
    return found


# The groups the office invites at once: who belongs is read from the registry on the day.
GROUPS = ("councillors_of_paris", "ambassadors", "honorary_citizens")


def group_members(group: str, viewer) -> list[Guest]:
    """The guests of a group the viewer may see, alphabetical: the councillors of Paris and
    the heads of mission serving now, the honorary citizens voted or conferred."""
    serving = Q(left_office_on__isnull=True)
    if group == "councillors_of_paris":
        members = OfficeHolding.objects.filter(serving, office__code="councillor_of_paris")
        ids = members.values("guest_id")
    elif group == "ambassadors":
        members = OfficeHolding.objects.filter(serving, office__group=OfficeGroup.HEAD_OF_MISSION)
        ids = members.values("guest_id")
    elif group == "honorary_citizens":
        honoured = (HonourStatus.VOTED, HonourStatus.CONFERRED)
        ids = HonoraryCitizenship.objects.filter(status__in=honoured).values("honoree_id")
    else:
        return []
    guests = Guest.objects.visible_to(viewer).filter(pk__in=ids)
    return list(guests.order_by("sort_name", "name", "pk"))


def other_lists(engagement: Engagement, viewer) -> list[Engagement]:
    """Engagements the viewer may see that have an invitation list, latest first."""
    listed = Engagement.objects.visible_to(viewer).filter(invitations__isnull=False)
    return list(listed.exclude(pk=engagement.pk).distinct().order_by("-starts_at")[:50])


def invitees_of(engagement: Engagement, viewer) -> list[Guest]:
    """The guests invited to `engagement` the viewer may see: for another engagement's list."""
    ids = Invitation.objects.filter(engagement=engagement).values("guest_id")
    return list(Guest.objects.visible_to(viewer).filter(pk__in=ids).order_by("sort_name", "pk"))


def invited_by_post(engagement: Engagement, viewer) -> list[Invitation]:
    """Those invited by post, alphabetical, each with their guest's card and offices (for the
    suscription on the envelope)."""
    holdings = OfficeHolding.objects.select_related("office").order_by("pk")
    rows = Invitation.objects.filter(engagement=engagement, by_post=True).select_related(
        "guest__card"
    )
    rows = with_visibility(rows, viewer).prefetch_related(
        Prefetch("guest__holdings", holdings, to_attr="held")
    )
    return shown(rows.order_by("guest__sort_name", "guest__name", "pk"))
