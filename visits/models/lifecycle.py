from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from visits.models.choices import VisitStatus
from visits.models.text import validate_text


class VisitTransition(models.Model):
    """One step of a visit's lifecycle: from which status to which, when and by whom."""

    visit = models.ForeignKey(
        "visits.Visit",
        on_delete=models.CASCADE,
        related_name="transitions",
        verbose_name=_("visit"),
    )
    from_status = models.CharField(
        _("from"),
        max_length=20,
        choices=VisitStatus,
        blank=True,
        help_text=_("Empty when created."),
    )
    to_status = models.CharField(_("to"), max_length=20, choices=VisitStatus)
    # Kept even if the account is later closed: the audit trail outlives the user.
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True, validators=[validate_text])

    class Meta:
        verbose_name = _("lifecycle step")
        verbose_name_plural = _("lifecycle")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["visit", "at"])]

    def __str__(self):
        return f"{self.get_from_status_display() or '–'} → {self.get_to_status_display()}"
