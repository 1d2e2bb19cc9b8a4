"""The forms-of-address table (PROTOCOL_RULES.md § 5), seeded from the shared notes and edited
by the office. `{name}`, `{office}`, `{country}` and `{of_country}` are filled per person."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from visits.models.ceremony_choices import AddressLanguage, AddressStyle
from visits.models.choices import GrammaticalGender
from visits.models.text import validate_one_line


class AddressForm(models.Model):
    style = models.CharField(_("style"), max_length=30, choices=AddressStyle)
    language = models.CharField(_("language"), max_length=2, choices=AddressLanguage)
    gender = models.CharField(_("grammatical gender"), max_length=1, choices=GrammaticalGender)
    appel = models.CharField(
        _("opening (appel)"), max_length=200, blank=True, validators=[validate_one_line]
    )
    traitement = models.CharField(
        _("third person (traitement)"), max_length=200, blank=True, validators=[validate_one_line]
    )
    suscription = models.CharField(
        _("envelope (suscription)"), max_length=300, blank=True, validators=[validate_one_line]
    )
    place_card = models.CharField(
        _("place card"), max_length=200, blank=True, validators=[validate_one_line]
    )
    closing = models.CharField(
        _("closing formula"), max_length=400, blank=True, validators=[validate_one_line]
    )
    plural = models.CharField(
        _("several at once"), max_length=200, blank=True, validators=[validate_one_line]
    )

    class Meta:
        verbose_name = _("form of address")
        verbose_name_plural = _("forms of address")
        ordering = ["style", "language", "gender"]
        constraints = [
            models.UniqueConstraint(
                fields=["style", "language", "gender"], name="address_form_once"
            ),
        ]

    def __str__(self):
        return f"{self.get_style_display()} ({self.language}, {self.gender})"
