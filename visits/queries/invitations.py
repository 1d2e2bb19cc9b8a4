"""Invitations read by their reply link: what the link's secret opens, and nothing else."""

from django.db.models import Q
from django.utils import timezone

from visits.models import Invitation
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
