"""Invitations and replies (issue 17): inviting guests to an engagement, replying (accept,
decline, represented by someone), the waiting list beyond the room's capacity, the office
refusing a representative, and the check-in at the door.

Replies to one engagement are taken one at a time under its row's lock (DESIGN.md, decision
3): the places are counted and given inside it, so 200 simultaneous acceptances for 150 places
accept exactly 150, and the others wait in the order they came. A place freed goes to the first
waiting, if it fits them: nobody jumps the line."""

import base64
import secrets

from django.db import transaction
from django.db.models import Count, F, Max, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from visits.models import Engagement, Guest
from visits.models.api_tokens import digest
from visits.models.ceremony_choices import Capacity
from visits.models.invitations import (
    AddressCard,
    Answer,
    Invitation,
    Reception,
    Reply,
    ReplyState,
)
from visits.queries.door import may_see
from visits.queries.representation import capacities_open_to
from visits.services.attribution import authorize
from visits.services.errors import RuleBroken
from visits.services.invitation_mail import confirm

CHECK_IN = "visits.check_in_invitation"


@transaction.atomic
def invite(
    engagement: Engagement,
    guests,
    *,
    by,
    companion_allowed: bool = False,
    transferable: bool = False,
    by_post: bool = False,
) -> list[Invitation]:
    """Invites each of `guests` not invited yet; returns the new invitations."""
    authorize(by, "visits.add_invitation")
    if by is not None and not may_see(by, engagement):
        raise RuleBroken({"engagement": [_("This engagement is not one you may see.")]})
    guests = list(guests)
    if by is not None:
        seen = set(
            Guest.objects.visible_to(by)
            .filter(pk__in=[g.pk for g in guests])
            .values_list("pk", flat=True)
        )
        if len(seen) != len({g.pk for g in guests}):
            raise RuleBroken({"guests": [_("Some of these guests are not ones you may see.")]})
    invited = set(engagement.invitations.values_list("guest_id", flat=True))
    new = [
        Invitation(
            engagement=engagement,
            guest=guest,
            companion_allowed=companion_allowed,
            transferable=transferable,
            by_post=by_post,
            door_code=secrets.token_urlsafe(16),  # 128 bits
        )
        for guest in dict.fromkeys(guests)  # one each, in the order given
        if guest.pk not in invited
    ]
    for invitation in new:  # the reply link works from the start
        invitation.token_hash = digest(reply_token(invitation))
    return Invitation.objects.bulk_create(new)


@transaction.atomic
def reply(
    invitation: Invitation,
    *,
    answer: str,
    with_companion: bool = False,
    companion_name: str = "",
    representative_name: str = "",
    representative_title: str = "",
    representative_office=None,
    representative_capacity: str = "",
    dietary_needs: str | None = None,
    accessibility_needs: str | None = None,
    now=None,
    precondition=None,
) -> Invitation:
    """The invitee's reply, or its change until the deadline. The same reply twice changes
    nothing and is kept once. Needs given (None: not asked) go on the invitee's address card,
    kept until the engagement's day. A representative comes as someone keeping their own rank
    unless `representative_capacity` says otherwise (D art. 13-14; the capacities open to this
    invitee's offices: visits.queries.representation)."""
    now = now or timezone.now()
    engagement = locked_engagement(invitation)
    current = Invitation.objects.get(pk=invitation.pk)  # read under the engagement's lock
    if precondition is not None:
        precondition(current)
    refuse_after_deadline(engagement, now)
    wanted = wanted_reply(current, answer, with_companion, companion_name, representative_name)
    wanted.update(
        representation(
            current,
            engagement,
            answer,
            representative_title,
            representative_office,
            representative_capacity,
        )
    )
    if dietary_needs is not None or accessibility_needs is not None:
        keep_needs(current, engagement, dietary_needs, accessibility_needs)
    if same_reply(current, answer, wanted):
        return current
    was = current.state
    for name, value in wanted.items():
        setattr(current, name, value)
    if answer == Answer.DECLINE:
        current.state, current.queued = ReplyState.DECLINED, None
    elif was == ReplyState.WAITING:
        pass  # keeps their place in line; the line moves below
    elif fits(engagement, current, current.places) and (
        was == ReplyState.ACCEPTED or not anyone_waiting(engagement)
    ):
        current.state, current.queued = ReplyState.ACCEPTED, None
    elif was == ReplyState.ACCEPTED:
        raise RuleBroken({"with_companion": [_("No place is left for a companion.")]})
    else:
        current.state, current.queued = ReplyState.WAITING, next_in_line(engagement)
    current.replied_at = now
    current.save()
    Reply.objects.create(
        invitation=current,
        answer=answer,
        with_companion=current.with_companion,
        companion_name=current.companion_name,
        representative_name=current.representative_name,
        outcome=current.state,
        at=now,
    )
    confirm(current, now)
    for promoted in give_freed_places(engagement):
        if promoted.pk != current.pk:
            confirm(promoted, now)  # their place is theirs: they are told
    current.refresh_from_db(fields=["state", "queued"])  # the line may have moved to them
    return current


def wanted_reply(current, answer, with_companion, companion_name, name) -> dict:
    """The invitation's fields the reply sets, checked against what the invitation allows."""
    if answer not in Answer.values:
        raise RuleBroken({"answer": [_("Accept, decline, or name a representative.")]})
    coming = answer != Answer.DECLINE
    if with_companion and coming and not current.companion_allowed:
        raise RuleBroken({"with_companion": [_("This invitation is for one person.")]})
    represented = answer == Answer.REPRESENTED
    if represented and not current.transferable:
        raise RuleBroken({"answer": [_("This invitation is personal: it cannot be passed on.")]})
    name = " ".join((name or "").split())
    if represented and not name:
        raise RuleBroken({"representative_name": [_("Give your representative’s name.")]})
    if represented and current.representative_refused and name == current.representative_name:
        refused = _("The protocol office cannot accept this representative.")
        raise RuleBroken({"representative_name": [refused]})
    companion = bool(with_companion) and coming
    return {
        "represented": represented,
        "representative_name": name if represented else "",
        "representative_refused": False,  # a name the office refused was turned away above
        "with_companion": companion,
        "companion_name": " ".join((companion_name or "").split()) if companion else "",
    }


def representation(current, engagement, answer, title, office, capacity) -> dict:
    """Who the representative is, for the ceremony engine: their office (as written, and on
    the list when it is there) and the capacity they come in, one the invitee's offices allow."""
    if answer != Answer.REPRESENTED:
        return {
            "representative_title": "",
            "representative_office": None,
            "representative_capacity": "",
        }
    capacity = capacity or Capacity.REPRESENTS
    if capacity not in capacities_open_to(engagement, current.guest_id):
        refused = _("Your representative cannot come in this capacity for your office.")
        raise RuleBroken({"representative_capacity": [refused]})
    return {
        "representative_title": " ".join((title or "").split()),
        "representative_office": office,
        "representative_capacity": capacity,
    }


def keep_needs(invitation, engagement, dietary: str | None, accessibility: str | None) -> None:
    card = AddressCard.objects.filter(guest_id=invitation.guest_id).first()
    if card is None and not (dietary or "").strip() and not (accessibility or "").strip():
        return  # nothing said, nothing kept
    card = card or AddressCard(guest_id=invitation.guest_id)
    if dietary is not None:
        card.dietary_needs = " ".join(dietary.split())[:200]
    if accessibility is not None:
        card.accessibility_needs = " ".join(accessibility.split())[:200]
    day = timezone.localdate(engagement.starts_at)
    card.needs_kept_until = max(card.needs_kept_until or day, day)
    card.save()


def same_reply(current: Invitation, answer: str, wanted: dict) -> bool:
    """Whether the invitation says this reply already (posted twice, it is kept once)."""
    if current.state == ReplyState.NO_REPLY:
        return False
    if (current.state == ReplyState.DECLINED) != (answer == Answer.DECLINE):
        return False
    return all(getattr(current, name) == value for name, value in wanted.items())


def locked_engagement(invitation: Invitation) -> Engagement:
    """The invitation's engagement, locked: its replies are taken one at a time."""
    engagement = Engagement.objects.select_for_update(of=("self",)).select_related("venue")
    return engagement.get(pk=invitation.engagement_id)


def refuse_after_deadline(engagement: Engagement, now) -> None:
    """Replies close at the reception's deadline, or without one when the engagement starts
    (as `invitation_for_token` reads it)."""
    reception = Reception.objects.filter(engagement=engagement).first()
    closes = reception.reply_by if reception is not None else engagement.starts_at
    if now > closes:
        raise RuleBroken({"answer": [_("The date to reply has passed.")]})


def capacity(engagement: Engagement) -> int | None:
    """The room's capacity; None when it has none (no limit)."""
    return engagement.venue.capacity if engagement.venue_id else None


def places_taken(engagement: Engagement, leaving: Invitation | None = None) -> int:
    accepted = Invitation.objects.filter(engagement=engagement, state=ReplyState.ACCEPTED)
    if leaving is not None:
        accepted = accepted.exclude(pk=leaving.pk)
    counted = accepted.aggregate(
        people=Count("pk"), companions=Count("pk", filter=Q(with_companion=True))
    )
    return counted["people"] + counted["companions"]


def fits(engagement: Engagement, invitation: Invitation, places: int) -> bool:
    limit = capacity(engagement)
    return limit is None or places_taken(engagement, invitation) + places <= limit


def anyone_waiting(engagement: Engagement) -> bool:
    return Invitation.objects.filter(engagement=engagement, state=ReplyState.WAITING).exists()


def next_in_line(engagement: Engagement) -> int:
    last = Invitation.objects.filter(engagement=engagement).aggregate(last=Max("queued"))["last"]
    return (last or 0) + 1


def give_freed_places(engagement: Engagement) -> list[Invitation]:
    """The first waiting, in the order they came, take the places freed while they fit."""
    promoted = []
    for waiting in Invitation.objects.filter(
        engagement=engagement, state=ReplyState.WAITING
    ).order_by("queued"):
        if not fits(engagement, waiting, waiting.places):
            break
        waiting.state, waiting.queued = ReplyState.ACCEPTED, None
        waiting.save(update_fields=["state", "queued"])
        promoted.append(waiting)
    return promoted


@transaction.atomic
def refuse_representative(invitation: Invitation, *, by) -> Invitation:
    """The office refuses the representative named: the invitation is open again (the invitee
    may come, or name someone else, until the deadline) and its places go to those waiting."""
    authorize(by, "visits.change_invitation")
    engagement = locked_engagement(invitation)
    current = Invitation.objects.get(pk=invitation.pk)
    if not current.represented:
        raise RuleBroken({"representative_name": [_("No representative is named.")]})
    current.representative_refused = True
    current.state, current.queued, current.with_companion = ReplyState.NO_REPLY, None, False
    current.companion_name = ""
    current.save()
    for promoted in give_freed_places(engagement):
        confirm(promoted, timezone.now())
    return current


def check_in(invitation: Invitation, *, by, now=None) -> bool:
    """Records the invitee's arrival; False when it was recorded already (two staff at the
    door checking in one person record one arrival)."""
    authorize(by, CHECK_IN)
    arrived = Invitation.objects.filter(pk=invitation.pk, arrived_at__isnull=True).update(
        arrived_at=now or timezone.now(), arrived_by=by
    )
    return arrived == 1


def reply_token(invitation: Invitation) -> str:
    """The secret of the invitation's reply link (192 bits), derived with the site's key from
    its door code and the link's version: each message carries it, none stores it."""
    value = f"{invitation.door_code}:{invitation.token_version}"
    mac = salted_hmac("visits.invitations.reply", value, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(mac[:24]).decode()


def issue_reply_token(invitation: Invitation) -> str:
    """A new reply link: the one sent before stops working."""
    Invitation.objects.filter(pk=invitation.pk).update(token_version=F("token_version") + 1)
    invitation.refresh_from_db(fields=["token_version"])
    invitation.token_hash = digest(reply_token(invitation))
    Invitation.objects.filter(pk=invitation.pk).update(token_hash=invitation.token_hash)
    return reply_token(invitation)


def revoke_reply_token(invitation: Invitation) -> None:
    Invitation.objects.filter(pk=invitation.pk).update(token_hash=None)
    invitation.token_hash = None
