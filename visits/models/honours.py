from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from visits.models.bilingual import localized
from visits.models.choices import DatePrecision, HonourStatus
from visits.models.text import validate_one_line, validate_text
from visits.models.visibility import HonourQuerySet


class HonoraryCitizenship(models.Model):
    """The honour, from proposal to the Conseil de Paris vote to the ceremony."""

    honoree = models.OneToOneField(
        "visits.Guest",
        on_delete=models.PROTECT,
        related_name="honorary_citizenship",
        verbose_name=_("honoree"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=HonourStatus, default=HonourStatus.PROPOSED
    )
    voted_on = models.DateField(_("date of the Council vote"), null=True, blank=True)
    voted_on_precision = models.CharField(
        _("precision of the vote date"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    # A ForeignKey: one ceremony may confer several honours (and linking one reveals nothing
    # about the honours of others).
    ceremony = models.ForeignKey(
        "visits.Engagement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="honours_conferred",
        verbose_name=_("ceremony"),
    )
    posthumous = models.BooleanField(_("posthumous"), default=False)
    received_by_proxy = models.BooleanField(_("received by proxy"), default=False)
    proxy_name = models.CharField(
        _("received on their behalf by"), max_length=200, blank=True, validators=[validate_one_line]
    )
    citation_fr = models.TextField(_("citation (French)"), blank=True, validators=[validate_text])
    citation_en = models.TextField(_("citation (English)"), blank=True, validators=[validate_text])
    notes = models.TextField(_("internal notes"), blank=True, validators=[validate_text])
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = HonourQuerySet.as_manager()

    class Meta:
        verbose_name = _("honorary citizenship")
        verbose_name_plural = _("honorary citizenships")
        ordering = ["-voted_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=HonourStatus.PROPOSED) | Q(voted_on__isnull=False),
                name="honour_voted_has_vote_date",
                violation_error_code="voted_on",  # the field to show the error beside
                violation_error_message=_("A voted or conferred honour needs its vote date."),
            ),
            models.CheckConstraint(
                condition=Q(received_by_proxy=True) | Q(proxy_name=""),
                name="honour_proxy_name_only_by_proxy",
                violation_error_code="proxy_name",
                violation_error_message=_(
                    "A proxy's name is only given for an honour received by proxy."
                ),
            ),
        ]

    def __str__(self):
        return str(self.honoree)

    @property
    def citation(self) -> str:
        return localized(self, "citation")
