from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from visits.models.text import validate_one_line, validate_text
from visits.models.visibility import ReminderQuerySet


class ReminderKind(models.TextChoices):
    ENGAGEMENT = "engagement", _("Before an engagement")
    CHANGED = "changed", _("Engagement changed")
    CANCELLED = "cancelled", _("Engagement cancelled")
    TASK = "task", _("Task deadline")
    OVERDUE = "overdue", _("Task overdue")
    AGENDA = "agenda", _("Daily agenda")
    # To an invitee (issue 17), at the address on their card:
    INVITATION = "invitation", _("Invitation")
    REPLY_RECEIVED = "reply_received", _("Reply received")
    REPLY_DUE = "reply_due", _("Reply awaited")
    PRACTICAL = "practical", _("Practical note")
    # To the office (issue 18), about a register's record named in `details`:
    RENEWAL = "renewal", _("Agreement to renew")


# The kinds sent to an invitee, not to a user.
TO_INVITEES = (
    ReminderKind.INVITATION,
    ReminderKind.REPLY_RECEIVED,
    ReminderKind.REPLY_DUE,
    ReminderKind.PRACTICAL,
)


class ReminderStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", pgettext_lazy("reminder", "Cancelled")  # « annulé », a reminder


class Reminder(models.Model):
    """One message to one person, due at one instant (DESIGN.md, decision 4).

    Written by the services in the transaction of the change it is about; claimed by the
    dispatcher (`visits.services.dispatch`) with skip_locked, so that it goes out once.
    """

    key = models.CharField(
        _("key"),
        max_length=200,
        unique=True,
        help_text=_("What it is about, for whom, at which lead time: never two alike."),
        validators=[validate_one_line],
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReminderKind)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
        verbose_name=_("recipient"),
    )
    # Or an invitee, at the address on their card (a user or an invitee, never both).
    invitation = models.ForeignKey(
        "visits.Invitation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("invitation"),
    )
    engagement = models.ForeignKey(
        "visits.Engagement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
        verbose_name=_("engagement"),
    )
    task = models.ForeignKey(
        "visits.ChecklistTask",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
        verbose_name=_("task"),
    )
    due_at = models.DateTimeField(_("due"))
    status = models.CharField(
        _("status"), max_length=20, choices=ReminderStatus, default=ReminderStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True, validators=[validate_text])
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    # Which execution of a sending task holds it: set when it starts on the row, so that a
    # duplicated task (or the batch handed out again) finds it taken.
    taken_by = models.UUIDField(_("taken by"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ReminderQuerySet.as_manager()

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["due_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recipient__isnull=False, invitation__isnull=True)
                | models.Q(recipient__isnull=True, invitation__isnull=False),
                name="reminder_to_a_user_or_an_invitee",
            ),
        ]
        indexes = [
            # The queue: only the rows that wait, by when they are due. Sent rows pile up and
            # rows pass through "sending" by the thousand: indexed, their dead entries would
            # lead the planner to scan them where the primary key finds a chunk at once.
            models.Index(
                fields=["due_at", "id"],
                name="reminder_queue",
                condition=models.Q(status=ReminderStatus.PENDING),
            ),
        ]

    def __str__(self):
        return self.key
