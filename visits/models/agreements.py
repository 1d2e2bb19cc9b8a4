"""The City's twinning and cooperation agreements (issue 18): with whom, what kind, signed when,
where and by whom, its term and renewal, its status, its texts and the visits under it. Written
through visits.services.agreements; the public reads those the office published. Every change
is kept (django-simple-history): a suspended agreement keeps its history."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from visits.models.bilingual import localized
from visits.models.choices import DatePrecision
from visits.models.text import validate_one_line, validate_text


class AgreementKind(models.TextChoices):
    TWINNING = "twinning", _("Twinning")
    FRIENDSHIP_PACT = "friendship_pact", _("Friendship and cooperation pact")
    COOPERATION = "cooperation_agreement", _("Cooperation agreement")
    MEMORANDUM = "memorandum", _("Memorandum of understanding")


class AgreementStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    SUSPENDED = "suspended", _("Suspended")


class AgreementQuerySet(models.QuerySet):
    def published(self):
        """What the public reads: the agreements the office published."""
        return self.filter(published=True)


class Agreement(models.Model):
    partner_city_fr = models.CharField(
        _("partner city (French)"), max_length=120, validators=[validate_one_line]
    )
    partner_city_en = models.CharField(
        _("partner city (English)"), max_length=120, validators=[validate_one_line]
    )
    country = CountryField(_("country"))
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=4)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=4)
    kind = models.CharField(_("kind"), max_length=30, choices=AgreementKind)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_on_precision = models.CharField(
        _("date known to the"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    signed_at = models.CharField(
        _("signed at"), max_length=120, blank=True, validators=[validate_one_line]
    )
    signatory_hosts = models.ManyToManyField(
        "visits.Host", blank=True, related_name="agreements", verbose_name=_("signed for Paris by")
    )
    signatory_guests = models.ManyToManyField(
        "visits.Guest",
        blank=True,
        related_name="agreements",
        verbose_name=_("signed for the partner by"),
    )
    signatories_text = models.CharField(
        _("signatories, as written"),
        max_length=300,
        blank=True,
        help_text=_("For signatories who are in neither register (a former mayor)."),
        validators=[validate_one_line],
    )
    term_years = models.PositiveSmallIntegerField(
        _("term (years)"), null=True, blank=True, help_text=_("Empty: without end.")
    )
    renewal_on = models.DateField(_("to renew by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus, default=AgreementStatus.IN_FORCE
    )
    visits = models.ManyToManyField(
        "visits.Visit", blank=True, related_name="agreements", verbose_name=_("visits under it")
    )
    summary_fr = models.TextField(_("summary (French)"), blank=True, validators=[validate_text])
    summary_en = models.TextField(_("summary (English)"), blank=True, validators=[validate_text])
    source = models.CharField(
        _("source"), max_length=300, blank=True, validators=[validate_one_line]
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the public partner cities page.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AgreementQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["signed_on", "pk"]

    def __str__(self):
        return f"{self.partner_city} · {self.get_kind_display()}"

    @property
    def partner_city(self) -> str:
        return localized(self, "partner_city")

    @property
    def summary(self) -> str:
        return localized(self, "summary")

    @property
    def slug(self) -> str:
        return slugify(self.partner_city_en) or "partner"

    @property
    def public_path(self) -> str:
        return reverse("public:partner", args=[self.pk, self.slug])


class AgreementText(models.Model):
    """The agreement's text, one PDF per language it was signed in."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="texts", verbose_name=_("agreement")
    )
    language = models.CharField(
        _("language"), max_length=8, validators=[validate_one_line], help_text=_("fr, en, it...")
    )
    document = models.FileField(_("text (PDF)"), upload_to="agreements/")

    class Meta:
        verbose_name = _("text of the agreement")
        verbose_name_plural = _("texts of the agreement")
        ordering = ["agreement", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "language"],
                name="agreement_text_once_per_language",
                violation_error_code="language",
                violation_error_message=_("The agreement has a text in this language already."),
            )
        ]

    def __str__(self):
        return f"{self.agreement} ({self.language})"


class ActionTheme(models.TextChoices):
    CULTURE = "culture", _("Culture and heritage")
    EDUCATION = "education", _("Education, youth and research")
    URBAN = "urban", _("Urban planning, environment and climate")
    ECONOMY = "economy", _("Economy and innovation")
    SOLIDARITY = "solidarity", _("Solidarity and health")
    SPORT = "sport", _("Sport")
    GOVERNANCE = "governance", _("Local government")
    OTHER = "other", _("Other")


class AgreementAction(models.Model):
    """What the two cities do under an agreement (an exhibition lent, a youth exchange, a shared
    climate plan), dated as precisely as known; the public reads those the office published, on
    a published agreement's page. Its history is kept, as the agreement's is."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="actions", verbose_name=_("agreement")
    )
    theme = models.CharField(_("theme"), max_length=20, choices=ActionTheme)
    title_fr = models.CharField(_("title (French)"), max_length=200, validators=[validate_one_line])
    title_en = models.CharField(
        _("title (English)"), max_length=200, validators=[validate_one_line]
    )
    description_fr = models.TextField(
        _("description (French)"), blank=True, validators=[validate_text]
    )
    description_en = models.TextField(
        _("description (English)"), blank=True, validators=[validate_text]
    )
    started_on = models.DateField(_("start"))
    started_on_precision = models.CharField(
        _("date known to the"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    ended_on = models.DateField(_("end"), null=True, blank=True, help_text=_("Empty: ongoing."))
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the agreement's public page.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action under the agreement")
        verbose_name_plural = _("actions under the agreement")
        ordering = ["agreement", "-started_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="agreement_action_ends_after_it_starts",
                violation_error_code="ended_on",
                violation_error_message=_("An action cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")
