import uuid
from datetime import UTC

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from visits.models.bilingual import localized
from visits.models.choices import LIVE_ENGAGEMENT_STATUSES, EngagementKind, EngagementStatus
from visits.models.text import validate_one_line, validate_text
from visits.models.visibility import EngagementQuerySet

# Kept by name so that services can write one history row after setting the hosts.
engagement_history = HistoricalRecords(m2m_fields=["hosts"], excluded_fields=["updated_at"])


class Engagement(models.Model):
    """One timed item of a visit's programme: what calendars show and reminders are about."""

    visit = models.ForeignKey(
        "visits.Visit",
        on_delete=models.CASCADE,
        related_name="engagements",
        verbose_name=_("visit"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=EngagementKind)
    title_fr = models.CharField(_("title (French)"), max_length=300, validators=[validate_one_line])
    title_en = models.CharField(
        _("title (English)"), max_length=300, validators=[validate_one_line]
    )
    venue = models.ForeignKey(
        "visits.Venue",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="engagements",
        verbose_name=_("venue"),
    )
    location = models.CharField(
        _("other location"),
        max_length=300,
        blank=True,
        help_text=_("Only for an engagement outside City Hall's rooms."),
        validators=[validate_one_line],
    )
    hosts = models.ManyToManyField(
        "visits.Host", blank=True, related_name="engagements", verbose_name=_("hosts")
    )
    assigned_staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="assigned_engagements",
        verbose_name=_("staff assigned"),
        help_text=_("Staff who work at this engagement; they are reminded of it."),
    )
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    status = models.CharField(
        _("status"), max_length=20, choices=EngagementStatus, default=EngagementStatus.TENTATIVE
    )
    # Calendars (RFC 5545) need both: the UID never changes, the sequence grows on each change.
    uid = models.UUIDField(_("calendar UID"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    notes = models.TextField(_("internal notes"), blank=True, validators=[validate_text])
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EngagementQuerySet.as_manager()
    history = engagement_history

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["starts_at"]),
            models.Index(fields=["venue", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="engagement_ends_after_it_starts",
                violation_error_message=_("The end must be after the start."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def minutes(self) -> int:
        # In UTC: between two times of one zone, Python counts wall-clock time.
        elapsed = self.ends_at.astimezone(UTC) - self.starts_at.astimezone(UTC)
        return int(elapsed.total_seconds() // 60)

    @property
    def is_live(self) -> bool:
        """Holds its room, hosts and guests: tentative or confirmed."""
        return self.status in LIVE_ENGAGEMENT_STATUSES
