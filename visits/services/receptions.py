"""A reception's details (issue 17): the reply deadline, the entrance, the dress code and when
to arrive, which the invitation, its reminders and the practical note tell the invitees. The
reminders to reply that wait move with the deadline."""

from django.db import transaction
from django.utils import timezone

from visits.models import Engagement, Reminder, ReminderKind, ReminderStatus
from visits.models.invitations import Reception
from visits.services.attribution import authorize
from visits.services.directory import refuse_unknown, validate_and_save
from visits.services.invitation_mail import REPLY_REMINDER_BEFORE

RECEPTION_FIELDS = (
    "reply_by",
    "entrance_fr",
    "entrance_en",
    "dress_code_fr",
    "dress_code_en",
    "arrive_minutes_before",
)


@transaction.atomic
def set_reception(engagement: Engagement, *, by, now=None, **fields) -> Reception:
    """The engagement's reception, made or changed. Under the engagement's lock: the replies
    read the deadline under it (visits.services.invitations)."""
    refuse_unknown(Reception, fields, RECEPTION_FIELDS)
    locked = Engagement.objects.select_for_update(of=("self",)).get(pk=engagement.pk)
    authorize(by, "visits.change_reception", locked.visit)
    reception = Reception.objects.filter(engagement=locked).first() or Reception(engagement=locked)
    moved = "reply_by" in fields and fields["reply_by"] != reception.reply_by
    for name, value in fields.items():
        setattr(reception, name, value)
    validate_and_save(reception)
    if moved:
        move_reply_reminders(locked, reception.reply_by, now or timezone.now())
    return reception


def move_reply_reminders(engagement: Engagement, reply_by, now) -> None:
    """The reminders to reply not sent yet go out three days before the new deadline, or at
    once when that has passed."""
    waiting = Reminder.objects.filter(
        engagement=engagement, kind=ReminderKind.REPLY_DUE, status=ReminderStatus.PENDING
    )
    waiting.update(due_at=max(reply_by - REPLY_REMINDER_BEFORE, now))
