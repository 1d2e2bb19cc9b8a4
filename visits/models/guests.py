from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from visits.models.bilingual import localized
from visits.models.ceremony_choices import AddressLanguage, AddressStyle, DiplomaticClass
from visits.models.choices import GrammaticalGender, GuestCategory, GuestKind
from visits.models.text import validate_one_line, validate_text
from visits.models.visibility import GuestQuerySet


class Guest(models.Model):
    """Who is received: a person, an organisation, a city or a group."""

    kind = models.CharField(_("kind"), max_length=20, choices=GuestKind, default=GuestKind.PERSON)
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("As it is written in print."),
        validators=[validate_one_line],
    )
    sort_name = models.CharField(
        _("sort name"),
        max_length=200,
        blank=True,
        help_text=_("e.g. “Watson, Paul”."),
        validators=[validate_one_line],
    )
    category = models.CharField(_("category"), max_length=30, choices=GuestCategory)
    title_fr = models.CharField(
        _("office or title (French)"), max_length=300, blank=True, validators=[validate_one_line]
    )
    title_en = models.CharField(
        _("office or title (English)"), max_length=300, blank=True, validators=[validate_one_line]
    )
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True, validators=[validate_one_line])
    gender = models.CharField(
        _("grammatical gender"),
        max_length=1,
        choices=GrammaticalGender,
        default=GrammaticalGender.NEUTRAL,
    )
    salutation_fr = models.CharField(
        _("salutation (French)"), max_length=200, blank=True, validators=[validate_one_line]
    )
    salutation_en = models.CharField(
        _("salutation (English)"), max_length=200, blank=True, validators=[validate_one_line]
    )
    envelope_fr = models.CharField(
        _("envelope line (French)"), max_length=300, blank=True, validators=[validate_one_line]
    )
    envelope_en = models.CharField(
        _("envelope line (English)"), max_length=300, blank=True, validators=[validate_one_line]
    )
    closing_fr = models.CharField(
        _("closing (French)"), max_length=300, blank=True, validators=[validate_one_line]
    )
    closing_en = models.CharField(
        _("closing (English)"), max_length=300, blank=True, validators=[validate_one_line]
    )
    address_style = models.CharField(
        _("forms of address"),
        max_length=30,
        choices=AddressStyle,
        blank=True,
        help_text=_("Empty: from their office and category."),
    )
    language = models.CharField(
        _("language of their speech"),
        max_length=2,
        choices=AddressLanguage,
        default=AddressLanguage.FRENCH,
    )
    # What precedence needs (PROTOCOL_RULES.md § 1): ties, heads of mission, spouses, sides.
    born_on = models.DateField(_("date of birth"), null=True, blank=True)
    diplomatic_class = models.CharField(
        _("diplomatic class"), max_length=20, choices=DiplomaticClass, blank=True
    )
    functions_taken_up_at = models.DateTimeField(
        _("took up their functions"),
        null=True,
        blank=True,
        help_text=_("Heads of mission: credentials presented, or a true copy lodged."),
    )
    military = models.BooleanField(_("military"), default=False)
    spouse = models.ForeignKey(
        "self",
        verbose_name=_("spouse of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deceased = models.BooleanField(_("deceased"), default=False)
    notes = models.TextField(_("internal notes"), blank=True, validators=[validate_text])
    import_key = models.CharField(
        _("import key"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Identifies the record this guest was imported from, so imports can rerun."),
        validators=[validate_one_line],
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = GuestQuerySet.as_manager()

    class Meta:
        verbose_name = _("guest")
        verbose_name_plural = _("guests")
        ordering = ["sort_name", "name"]
        indexes = [models.Index(fields=["category"]), models.Index(fields=["country"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = self.name
        super().save(*args, **kwargs)

    @property
    def slug(self) -> str:
        """For readable addresses; the primary key decides, so a renamed guest keeps theirs."""
        return slugify(self.name) or "guest"

    @property
    def public_path(self) -> str:
        """The address of their public page, in the active language (visits/views/guest.py
        decides who has one)."""
        return reverse("public:guest", args=[self.pk, self.slug])

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def salutation(self) -> str:
        return localized(self, "salutation")

    @property
    def envelope(self) -> str:
        return localized(self, "envelope")

    @property
    def closing(self) -> str:
        return localized(self, "closing")
