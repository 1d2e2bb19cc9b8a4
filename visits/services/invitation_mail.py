"""The messages to invitees (issue 17), as reminder rows (DESIGN.md, decision 4): sent by the
dispatcher, each once, in the invitee's language, to the address on their card. The invitation
itself; the confirmation of each reply (with the engagement's .ics and the QR code to show at
the door for an acceptance); a reminder before the deadline to those who have not replied;
the practical note to those who accepted. What a row will say is decided when it is sent
(visits.services.messages): a reminder to reply is not sent to someone who has replied since."""

import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from visits.models import AddressCard, Engagement, Invitation, Reminder, ReminderKind
from visits.services.attribution import authorize

REPLY_REMINDER_BEFORE = timedelta(days=3)  # before the deadline
PRACTICAL_NOTE_BEFORE = timedelta(days=2)  # before the engagement


def to_invitee(invitation: Invitation, kind: str, key: str, due_at) -> Reminder:
    return Reminder(
        key=key,
        kind=kind,
        invitation=invitation,
        engagement_id=invitation.engagement_id,
        due_at=due_at,
    )


@transaction.atomic
def send_invitations(engagement: Engagement, *, by, now=None) -> int:
    """The invitation, by e-mail, to each invitee with an address on their card who is not
    invited by post, once: sending again sends only to those added since. With it, the reminder
    before the deadline and the practical note, planned. Returns how many are sent now."""
    authorize(by, "visits.change_invitation")
    now = now or timezone.now()
    invitations = Invitation.objects.filter(
        engagement=engagement, by_post=False, guest__card__email__gt=""
    ).select_related("engagement__reception")
    reply_by = getattr(engagement, "reception", None)
    reply_by = reply_by.reply_by if reply_by else None
    rows = []
    for invitation in invitations:
        rows.append(to_invitee(invitation, ReminderKind.INVITATION, f"invite:{invitation.pk}", now))
        if reply_by and reply_by - REPLY_REMINDER_BEFORE > now:
            due = reply_by - REPLY_REMINDER_BEFORE
            rows.append(
                to_invitee(invitation, ReminderKind.REPLY_DUE, f"reply-due:{invitation.pk}", due)
            )
        due = max(engagement.starts_at - PRACTICAL_NOTE_BEFORE, now)
        rows.append(
            to_invitee(invitation, ReminderKind.PRACTICAL, f"practical:{invitation.pk}", due)
        )
    before = Reminder.objects.filter(kind=ReminderKind.INVITATION, engagement=engagement).count()
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)  # the keys: each once
    return (
        Reminder.objects.filter(kind=ReminderKind.INVITATION, engagement=engagement).count()
        - before
    )


def confirm(invitation: Invitation, now) -> None:
    """The confirmation of a reply, or of a place given from the waiting list, when the
    invitee has an address and is not invited by post."""
    if invitation.by_post:
        return
    if not AddressCard.objects.filter(guest_id=invitation.guest_id, email__gt="").exists():
        return
    key = f"reply:{invitation.pk}:{uuid.uuid4().hex}"
    to_invitee(invitation, ReminderKind.REPLY_RECEIVED, key, now).save()
