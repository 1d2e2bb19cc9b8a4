"""Invitations to an engagement and their replies (issue 17). An invitee is a guest of the
registry with an address card: one person, one record, whether received, hosting or invited.
The room's capacity bounds the places accepted; beyond it, replies wait in the order they came.
Writes go through visits.services.invitations."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from visits.models.ceremony_choices import Capacity
from visits.models.text import validate_one_line, validate_text


class AddressCard(models.Model):
    """How the office reaches a guest it invites. The needs are kept only while the office needs
    them (`needs_kept_until`) and never shown in public outputs or feeds."""

    guest = models.OneToOneField(
        "visits.Guest", on_delete=models.CASCADE, related_name="card", verbose_name=_("guest")
    )
    email = models.EmailField(_("e-mail"), blank=True, validators=[validate_one_line])
    postal_address = models.TextField(_("postal address"), blank=True, validators=[validate_text])
    dietary_needs = models.CharField(
        _("dietary needs"), max_length=200, blank=True, validators=[validate_one_line]
    )
    accessibility_needs = models.CharField(
        _("accessibility needs"), max_length=200, blank=True, validators=[validate_one_line]
    )
    needs_kept_until = models.DateField(
        _("needs kept until"),
        null=True,
        blank=True,
        help_text=_("After this day the needs are erased."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("address card")
        verbose_name_plural = _("address cards")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="address_card_unique_email",
                violation_error_code="email",
                violation_error_message=_("Another invitee has this e-mail address."),
            ),
        ]

    def __str__(self):
        return str(self.guest)


class Reception(models.Model):
    """What an engagement's invitations say beyond the engagement: the reply deadline and the
    practical note sent to those who accept."""

    engagement = models.OneToOneField(
        "visits.Engagement",
        on_delete=models.CASCADE,
        related_name="reception",
        verbose_name=_("engagement"),
    )
    reply_by = models.DateTimeField(_("reply by"))
    entrance_fr = models.CharField(
        _("entrance (French)"), max_length=200, blank=True, validators=[validate_one_line]
    )
    entrance_en = models.CharField(
        _("entrance (English)"), max_length=200, blank=True, validators=[validate_one_line]
    )
    dress_code_fr = models.CharField(
        _("dress code (French)"), max_length=200, blank=True, validators=[validate_one_line]
    )
    dress_code_en = models.CharField(
        _("dress code (English)"), max_length=200, blank=True, validators=[validate_one_line]
    )
    arrive_minutes_before = models.PositiveSmallIntegerField(_("arrive minutes before"), default=30)

    class Meta:
        verbose_name = _("reception")
        verbose_name_plural = _("receptions")

    def __str__(self):
        return str(self.engagement)

    def clean(self):
        starts_at = self.engagement.starts_at if self.engagement_id else None
        if self.reply_by and starts_at and self.reply_by > starts_at:
            raise ValidationError(
                {"reply_by": _("Replies must close before the engagement starts.")}
            )


class ReplyState(models.TextChoices):
    NO_REPLY = "no_reply", _("No reply yet")
    ACCEPTED = "accepted", _("Accepted")
    WAITING = "waiting", _("On the waiting list")
    DECLINED = "declined", _("Declined")


class Answer(models.TextChoices):
    ACCEPT = "accept", _("Accepts")
    DECLINE = "decline", _("Declines")
    REPRESENTED = "represented", _("Will be represented")


class Invitation(models.Model):
    """One guest invited to one engagement, and where their reply stands."""

    engagement = models.ForeignKey(
        "visits.Engagement",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("engagement"),
    )
    guest = models.ForeignKey(
        "visits.Guest",
        on_delete=models.PROTECT,
        related_name="invitations",
        verbose_name=_("invitee"),
    )
    companion_allowed = models.BooleanField(_("companion allowed"), default=False)
    transferable = models.BooleanField(
        _("transferable"), default=False, help_text=_("The invitee may send a representative.")
    )
    by_post = models.BooleanField(_("sent by post"), default=False)
    state = models.CharField(
        _("reply"), max_length=20, choices=ReplyState, default=ReplyState.NO_REPLY
    )
    represented = models.BooleanField(_("represented"), default=False)
    representative_name = models.CharField(
        _("representative"), max_length=200, blank=True, validators=[validate_one_line]
    )
    representative_office = models.ForeignKey(
        "visits.Office",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("representative's office"),
    )
    representative_title = models.CharField(
        _("representative's office, as written"),
        max_length=200,
        blank=True,
        validators=[validate_one_line],
    )
    # In what capacity they come (D art. 13-14): what rank the ceremony engine gives them.
    representative_capacity = models.CharField(
        _("representative comes as"),
        max_length=30,
        choices=Capacity,
        blank=True,
    )
    representative_refused = models.BooleanField(_("representative refused"), default=False)
    with_companion = models.BooleanField(_("with a companion"), default=False)
    companion_name = models.CharField(
        _("companion"), max_length=200, blank=True, validators=[validate_one_line]
    )
    # The waiting list's order: numbered in the order the replies came, under the engagement's
    # lock; the first waiting has the lowest.
    queued = models.PositiveIntegerField(_("waiting order"), null=True, blank=True)
    replied_at = models.DateTimeField(_("replied"), null=True, blank=True)
    # The reply link's secret is derived from the door code and this version with the site's
    # key (visits.services.invitations.reply_token): every message carries the same link, and
    # only its digest is kept. A new version revokes the link sent before.
    token_version = models.PositiveIntegerField(default=0, editable=False)
    token_hash = models.CharField(
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        validators=[validate_one_line],
    )
    # What the QR code shown at the door carries (no personal data): it opens the invitation
    # only to staff signed in who may check invitees in.
    door_code = models.CharField(
        max_length=32,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        validators=[validate_one_line],
    )
    arrived_at = models.DateTimeField(_("arrived"), null=True, blank=True)
    arrived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["engagement", "pk"]
        permissions = [("check_in_invitation", _("Can check invitees in at the door"))]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "guest"],
                name="invitation_once_per_engagement",
                violation_error_code="guest",
                violation_error_message=_("This guest is already invited to this engagement."),
            ),
            models.CheckConstraint(
                condition=Q(state="waiting", queued__isnull=False)
                | (~Q(state="waiting") & Q(queued__isnull=True)),
                name="invitation_queued_exactly_when_waiting",
            ),
        ]
        indexes = [models.Index(fields=["engagement", "state"], name="invitation_state")]

    def __str__(self):
        return f"{self.guest} → {self.engagement}"

    @property
    def places(self) -> int:
        """The places this reply takes once accepted: the invitee (or their representative)
        and a companion."""
        return 1 + int(self.with_companion)


class Reply(models.Model):
    """One reply as it came, kept with its time: the invitation holds the last."""

    invitation = models.ForeignKey(
        Invitation, on_delete=models.CASCADE, related_name="replies", verbose_name=_("invitation")
    )
    answer = models.CharField(_("answer"), max_length=20, choices=Answer)
    with_companion = models.BooleanField(_("with a companion"), default=False)
    companion_name = models.CharField(
        _("companion"), max_length=200, blank=True, validators=[validate_one_line]
    )
    representative_name = models.CharField(
        _("representative"), max_length=200, blank=True, validators=[validate_one_line]
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=ReplyState)
    at = models.DateTimeField(_("at"))

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.invitation}: {self.get_answer_display()}"
