"""Invitations (issue 17) for the API: an engagement's list, inviting guests, a reply recorded
by the office (a telephone call, a letter), the check-in (the address book: visits.api.invitees).
Writes go through visits.services.invitations; a reply sends the invitation's ETag as If-Match.
Invitees the caller may not see are named "Confidential guest" (DESIGN.md, decision 1)."""

from typing import Literal

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StrictBool, StrictInt

from visits.api.auth import SIGNED_IN
from visits.api.errors import Forbidden
from visits.api.pagination import Page
from visits.api.schemas import EngagementUid, InputSchema, InvitationId, with_errors
from visits.api.versions import keyed_tag, require_tag
from visits.models import Engagement, Guest, Invitation, Office
from visits.models.ceremony_choices import Capacity
from visits.models.invitations import Answer, ReplyState
from visits.queries.invitations import one_shown, shown, with_visibility
from visits.queries.representation import representatives_ranks
from visits.services import invitations as rules
from visits.services.errors import RuleBroken


def hidden_name() -> str:
    return _("Confidential guest")


router = Router(tags=["invitations"], auth=SIGNED_IN)


class InviteeRef(Schema):
    id: int = Field(description="The guest's id (see /guests).")
    name: str = Field(description="As written in print; 'Confidential guest' if hidden from you.")


class InvitationOut(Schema):
    id: int = Field(description="The invitation's number.")
    invitee: InviteeRef = Field(description="Who is invited.")
    state: str = Field(description="no_reply, accepted, waiting or declined")
    companion_allowed: bool = Field(description="The invitee may come with a companion.")
    transferable: bool = Field(description="The invitee may send a representative.")
    by_post: bool = Field(description="Sent by post, not by e-mail.")
    with_companion: bool = Field(description="The reply brings a companion.")
    companion_name: str = Field(description="The companion's name, if given.")
    represented: bool = Field(description="A representative comes instead of the invitee.")
    representative_name: str = Field(description="Who represents them.")
    representative_title: str = Field(description="The representative's office, as written.")
    representative_office: str | None = Field(
        description="The code of their office on the precedence list, like `mayor_of_paris`."
    )
    representative_capacity: str = Field(
        description="What they come as (D art. 13-14): represents, interim, adjoint_for_mayor, "
        "vice_president, president_representative, substitute; empty unless represented."
    )
    representative_refused: bool = Field(description="The office refused that representative.")
    waiting_order: int | None = Field(description="Lower comes first; null unless waiting.")
    replied_at: str | None = Field(description="ISO 8601; null before any reply.")
    arrived_at: str | None = Field(description="ISO 8601; null until checked in.")

    @staticmethod
    def resolve_invitee(invitation) -> dict:
        seen = getattr(invitation, "guest_seen", False)
        return {"id": invitation.guest_id, "name": invitation.guest.name if seen else hidden_name()}

    # Who comes with or for a hidden invitee, and as what, would tell who they are.
    @staticmethod
    def resolve_companion_name(invitation):
        return invitation.companion_name if invitation.guest_seen else ""

    @staticmethod
    def resolve_representative_name(invitation):
        return invitation.representative_name if invitation.guest_seen else ""

    @staticmethod
    def resolve_representative_title(invitation):
        return invitation.representative_title if invitation.guest_seen else ""

    @staticmethod
    def resolve_representative_capacity(invitation):
        return invitation.representative_capacity if invitation.guest_seen else ""

    @staticmethod
    def resolve_representative_office(invitation):
        office = invitation.representative_office
        return office.code if office and invitation.guest_seen else None

    @staticmethod
    def resolve_waiting_order(invitation):
        return invitation.queued

    @staticmethod
    def resolve_replied_at(invitation):
        return invitation.replied_at.isoformat() if invitation.replied_at else None

    @staticmethod
    def resolve_arrived_at(invitation):
        return invitation.arrived_at.isoformat() if invitation.arrived_at else None


class RankOut(Schema):
    where: str = Field(description="The rank taken, as the order shows it; empty if none.")
    why: str = Field(
        description="The rule (D art. 13 or 14); with no rank, what the office must say on the "
        "ceremony to place them."
    )


class InvitationDetail(InvitationOut):
    representative_rank: RankOut | None = Field(
        description="The rank the representative takes at the ceremony; null unless "
        "represented, or when the invitee is hidden from you."
    )

    @staticmethod
    def resolve_representative_rank(invitation):
        return getattr(invitation, "rank", None)


class InvitationFilters(Schema):
    state: ReplyState | None = Field(None, description="Only invitations whose reply is this.")


class InviteIn(InputSchema):
    guests: list[StrictInt] = Field(
        min_length=1, max_length=5000, description="Guests of the registry to invite."
    )
    companion_allowed: StrictBool = Field(False, description="Each may bring a companion.")
    transferable: StrictBool = Field(False, description="The invitee may send a representative.")
    by_post: StrictBool = Field(False, description="Sent by post, not by e-mail.")


class ReplyIn(InputSchema):
    answer: Answer = Field(description="accept, decline or represented")
    with_companion: StrictBool = Field(False, description="Brings a companion, where allowed.")
    companion_name: str = Field("", max_length=200, description="The companion's name.")
    representative_name: str = Field("", max_length=200, description="When represented.")
    representative_title: str = Field(
        "", max_length=200, description="The representative's office, as written."
    )
    representative_office: str = Field(
        "", max_length=80, description="The code of their office on the precedence list, if listed."
    )
    representative_capacity: Capacity | Literal[""] = Field(
        "", description="What they come as; empty: represents (keeps their own rank)."
    )


class ArrivalOut(Schema):
    recorded: bool = Field(description="False when the arrival was recorded already.")
    arrived_at: str = Field(description="ISO 8601: the first check-in's time.")


def engagement_of(request, uid) -> Engagement:
    return get_object_or_404(Engagement.objects.visible_to(request.auth), uid=uid)


def allowed(request, permission: str) -> None:
    if not request.auth.has_perm(permission):
        raise Forbidden(f"You may not do this ({permission}).")


def invitation_of(request, invitation_id: int) -> Invitation:
    engagements = Engagement.objects.visible_to(request.auth)
    rows = Invitation.objects.filter(pk=invitation_id, engagement__in=engagements)
    found = one_shown(rows, request.auth)
    if found is None:
        raise Http404
    return found


def office_named(code: str) -> Office | None:
    if not code:
        return None
    office = Office.objects.filter(code=code).first()
    if office is None:
        raise RuleBroken({"representative_office": [_("No office has this code.")]})
    return office


def etag(invitation) -> str:
    """The reply's version: what a reply, the waiting line or the door changes."""
    version = (
        f"{invitation.state}:{invitation.queued}:{invitation.replied_at}:"
        f"{invitation.arrived_at}:{invitation.representative_refused}"
    )
    return keyed_tag(f"invitation:{invitation.pk}:{version}")


@router.get(
    "/engagements/{uid}/invitations",
    response=with_errors({200: list[InvitationOut]}),
    summary="An engagement's invitations",
)
@paginate(Page)
def list_invitations(request, uid: EngagementUid, filters: Query[InvitationFilters]):
    """Alphabetical by invitee."""
    allowed(request, "visits.view_invitation")
    rows = Invitation.objects.filter(engagement=engagement_of(request, uid))
    if filters.state:
        rows = rows.filter(state=filters.state)
    rows = with_visibility(rows.select_related("representative_office"), request.auth)
    return rows.order_by("guest__sort_name", "guest__name", "pk")


@router.post(
    "/engagements/{uid}/invitations",
    response=with_errors({201: list[InvitationOut]}),
    summary="Invite guests; those invited already are left as they were",
)
def invite_guests(request, uid: EngagementUid, payload: InviteIn):
    engagement = engagement_of(request, uid)
    guests = list(Guest.objects.visible_to(request.auth).filter(pk__in=payload.guests))
    if len(guests) != len(set(payload.guests)):
        raise RuleBroken({"guests": [_("Some of these guests are not ones you may see.")]})
    made = rules.invite(
        engagement,
        guests,
        by=request.auth,
        companion_allowed=payload.companion_allowed,
        transferable=payload.transferable,
        by_post=payload.by_post,
    )
    rows = Invitation.objects.filter(pk__in=[one.pk for one in made])
    return Status(201, shown(with_visibility(rows, request.auth).order_by("pk")))


@router.get(
    "/invitations/{invitation_id}",
    response=with_errors({200: InvitationDetail}),
    summary="One invitation, with its ETag",
)
def get_invitation(request, invitation_id: InvitationId, response: HttpResponse):
    allowed(request, "visits.view_invitation")
    invitation = invitation_of(request, invitation_id)
    ranks = representatives_ranks(invitation.engagement, [invitation])
    invitation.rank = ranks.get(invitation.pk)
    response["ETag"] = etag(invitation)
    return invitation


@router.post(
    "/invitations/{invitation_id}/reply",
    response=with_errors({200: InvitationDetail}),
    summary="Record the invitee's reply; send the ETag as If-Match",
)
def record_reply(request, invitation_id: InvitationId, payload: ReplyIn, response: HttpResponse):
    allowed(request, "visits.change_invitation")
    invitation = invitation_of(request, invitation_id)
    said = payload.dict()
    said["representative_office"] = office_named(said["representative_office"])
    rules.reply(
        invitation, precondition=lambda current: require_tag(request, etag(current)), **said
    )
    return get_invitation(request, invitation_id, response)


@router.post(
    "/invitations/{invitation_id}/check-in",
    response=with_errors({200: ArrivalOut}),
    summary="Record the invitee's arrival at the door, once",
)
def check_in(request, invitation_id: InvitationId):
    invitation = invitation_of(request, invitation_id)
    recorded = rules.check_in(invitation, by=request.auth)
    invitation.refresh_from_db(fields=["arrived_at"])
    return {"recorded": recorded, "arrived_at": invitation.arrived_at.isoformat()}
