"""Precedence lists as data (PROTOCOL_RULES.md § 1): offices, the lists that order them with
the date each took effect, and the offices people hold. The office edits all of it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from visits.models.bilingual import localized
from visits.models.ceremony_choices import AddressStyle, ListScope, OfficeGroup, VicePresidentRule
from visits.models.text import validate_one_line, validate_text


class Office(models.Model):
    code = models.SlugField(_("code"), max_length=80, unique=True, validators=[validate_one_line])
    label_fr = models.CharField(_("label (French)"), max_length=200, validators=[validate_one_line])
    label_en = models.CharField(
        _("label (English)"), max_length=200, validators=[validate_one_line]
    )
    group = models.CharField(
        _("kind of office"), max_length=30, choices=OfficeGroup, default=OfficeGroup.OTHER
    )
    national = models.BooleanField(
        _("national mandate"), default=True, help_text=_("Outranks a local one (Q 12-74133).")
    )
    elected = models.BooleanField(
        _("elected"), default=False, help_text=_("Ties go to the first elected, then the elder.")
    )
    military = models.BooleanField(_("military"), default=False)
    vice_president_rule = models.CharField(
        _("a vice-president representing the holder takes"),
        max_length=10,
        choices=VicePresidentRule,
        blank=True,
        default=VicePresidentRule.NONE,
    )
    vice_president_after = models.ForeignKey(
        "self",
        verbose_name=_("right after"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address_style = models.CharField(
        _("forms of address"), max_length=30, choices=AddressStyle, blank=True
    )

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["label_fr"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return localized(self, "label")


class PrecedenceList(models.Model):
    scope = models.CharField(_("applies"), max_length=20, choices=ListScope)
    name_fr = models.CharField(_("name (French)"), max_length=200, validators=[validate_one_line])
    name_en = models.CharField(_("name (English)"), max_length=200, validators=[validate_one_line])
    article = models.CharField(_("article"), max_length=80, validators=[validate_one_line])
    effective_from = models.DateField(_("in force from"))
    representative_takes_rank = models.BooleanField(
        _("a representative takes the rank of whom they represent"),
        default=False,
        help_text=_("Italy's rule. In France a representative keeps their own rank (art. 13)."),
    )
    spouses_follow = models.BooleanField(_("spouses rank just after their principal"), default=True)
    notes = models.TextField(_("notes"), blank=True, validators=[validate_text])

    class Meta:
        verbose_name = _("precedence list")
        verbose_name_plural = _("precedence lists")
        ordering = ["scope", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "effective_from"], name="precedence_list_once_a_date"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.effective_from:%Y-%m-%d})"

    @property
    def name(self) -> str:
        return localized(self, "name")


class PrecedenceRank(models.Model):
    precedence_list = models.ForeignKey(
        PrecedenceList, on_delete=models.CASCADE, related_name="ranks", verbose_name=_("list")
    )
    position = models.PositiveSmallIntegerField(_("rank"))
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="ranks", verbose_name=_("office")
    )
    article = models.CharField(_("article"), max_length=80, validators=[validate_one_line])

    class Meta:
        verbose_name = _("rank")
        verbose_name_plural = _("ranks")
        ordering = ["precedence_list", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["precedence_list", "office"], name="precedence_rank_office_once"
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.office}"


class OfficeHolding(models.Model):
    guest = models.ForeignKey(
        "visits.Guest", on_delete=models.CASCADE, related_name="holdings", verbose_name=_("guest")
    )
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="holdings", verbose_name=_("office")
    )
    first_elected_on = models.DateField(_("first elected"), null=True, blank=True)
    took_office_on = models.DateField(_("took office"), null=True, blank=True)
    left_office_on = models.DateField(
        _("left office"), null=True, blank=True, help_text=_("Set for a former holder.")
    )

    class Meta:
        verbose_name = _("office held")
        verbose_name_plural = _("offices held")
        ordering = ["guest", "office"]

    def __str__(self):
        return f"{self.guest}: {self.office}"
