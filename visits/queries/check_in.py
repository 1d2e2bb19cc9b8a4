"""The entrance of an engagement (issue 17): the invitations the staff at the door look for,
by name or by the code of an invitation's QR code, each with the place kept for them, and the
register of who came. Names go through the door of visibility (DESIGN.md, decision 1): a guest
the viewer may not see is found by their code only, under a neutral name."""

from dataclasses import dataclass

from django.db.models import Count, Q

from visits.models import Attendance, Engagement, Invitation
from visits.models.invitations import ReplyState
from visits.queries.invitations import shown, with_visibility

FOUND_AT_MOST = 30


def found_at_the_door(engagement: Engagement, viewer, term: str) -> list[Invitation]:
    """Up to FOUND_AT_MOST invitations whose invitee's name holds `term` (accents and case
    ignored), alphabetical; none for an empty term."""
    term = " ".join(term.split())[:100]
    if not term:
        return []
    rows = with_visibility(Invitation.objects.filter(engagement=engagement), viewer)
    rows = rows.filter(guest_seen=True, guest__name__matches=term)
    return shown(rows.order_by("guest__sort_name", "guest__name", "pk")[:FOUND_AT_MOST])


def invitation_for_door_code(code: str, viewer) -> Invitation | None:
    """The invitation whose QR code holds `code`, if its engagement is one `viewer` may see."""
    if not code or len(code) > 32:
        return None
    engagements = Engagement.objects.visible_to(viewer)
    rows = Invitation.objects.filter(door_code=code, engagement__in=engagements)
    found = shown(with_visibility(rows.select_related("engagement__venue"), viewer))
    return found[0] if found else None


def places_of(engagement: Engagement, invitations) -> dict[int, tuple[int, int]]:
    """Invitation pk -> (table, place) kept for their guest at the engagement's ceremony."""
    by_guest = {row.guest_id: row.pk for row in invitations}
    kept = Attendance.objects.filter(
        engagement=engagement, guest_id__in=by_guest, table__isnull=False, seat__isnull=False
    ).values_list("guest_id", "table", "seat")
    return {by_guest[guest]: (table, seat) for guest, table, seat in kept}


@dataclass(frozen=True)
class Tally:
    invited: int
    accepted: int
    arrived: int
    arrived_without_reply: int


def tally(engagement: Engagement) -> Tally:
    counted = Invitation.objects.filter(engagement=engagement).aggregate(
        invited=Count("pk"),
        accepted=Count("pk", filter=Q(state=ReplyState.ACCEPTED)),
        arrived=Count("pk", filter=Q(arrived_at__isnull=False)),
        arrived_without_reply=Count(
            "pk", filter=Q(arrived_at__isnull=False) & ~Q(state=ReplyState.ACCEPTED)
        ),
    )
    return Tally(**counted)


def register(engagement: Engagement, viewer) -> list[Invitation]:
    """Every invitation, alphabetical, for the register of who came."""
    rows = with_visibility(Invitation.objects.filter(engagement=engagement), viewer)
    return shown(rows.order_by("guest__sort_name", "guest__name", "pk"))


def names_at_the_door(engagement: Engagement, viewer) -> list[str]:
    """The names the search box offers as one types (the viewer's to see), alphabetical."""
    rows = with_visibility(Invitation.objects.filter(engagement=engagement), viewer)
    names = rows.filter(guest_seen=True).values_list("guest__name", flat=True)
    return sorted(set(names))
