"""Invitations as their readers see them: by their reply link (what its secret opens, and
nothing else), and for staff, each invitee named through the door of visibility (DESIGN.md,
decision 1)."""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from visits.models import Guest, Invitation
from visits.models.api_tokens import digest


def invitation_for_token(token: str, now=None) -> Invitation | None:
    """The invitation whose reply link holds `token`, while replies are open; None for an
    unknown, revoked or expired token alike, so that a caller answers them the same way and a
    guess learns nothing (the digest is looked up by equality in a unique index)."""
    now = now or timezone.now()
    if not token or len(token) > 100:
        return None
    # Replies close at the deadline, or without one when the engagement starts.
    open_for_replies = Q(engagement__reception__reply_by__gte=now) | Q(
        engagement__reception__isnull=True, engagement__starts_at__gte=now
    )
    return (
        Invitation.objects.filter(open_for_replies, token_hash=digest(token))
        .select_related("engagement__venue", "engagement__reception", "guest__card")
        .first()
    )


def waiting_position(invitation: Invitation) -> int | None:
    """Their place on the waiting list (1: the next place freed is theirs); None when not
    waiting."""
    if invitation.queued is None:
        return None
    ahead = Invitation.objects.filter(
        engagement_id=invitation.engagement_id, queued__lt=invitation.queued
    )
    return ahead.count() + 1


def with_visibility(invitations, viewer):
    """`invitations` with their guest and whether `viewer` may see them (`guest_seen`)."""
    seen = Guest.objects.visible_to(viewer).filter(pk=OuterRef("guest_id"))
    return invitations.select_related("guest").annotate(guest_seen=Exists(seen))


def shown(rows) -> list[Invitation]:
    """The rows of `with_visibility`, each with `name` (neutral when the viewer may not see
    the guest). Only read: the services read the row again before writing."""
    rows = list(rows)
    for row in rows:
        row.name = row.guest.name if row.guest_seen else _("Confidential guest")
        if not row.guest_seen:  # who comes with them or for them would tell who they are
            row.representative_name = row.representative_title = row.companion_name = ""
            row.representative_capacity = ""  # "adjoint for the mayor" tells their office
            row.representative_office = None
    return rows


def one_shown(invitations, viewer) -> Invitation | None:
    """The one invitation of `invitations` (filtered to one), named as `viewer` may read it."""
    found = shown(with_visibility(invitations, viewer))
    return found[0] if found else None


def invitation_at(engagement, pk: str, viewer) -> Invitation | None:
    """The invitation numbered `pk` (as a form sends it) at `engagement`, or None."""
    if not pk.isdigit():
        return None
    return one_shown(Invitation.objects.filter(engagement=engagement, pk=pk), viewer)
