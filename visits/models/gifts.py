"""The register of gifts (issue 18): each gift given or received, between a guest and the City
or one of its elected officials, at a visit; what it is worth and how that was known; where it
is now. A gift received by an elected official above the office's threshold is declared to the
City's ethics officer. Written through visits.services.gifts; read through `visible_to`."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from visits.models.bilingual import localized
from visits.models.text import validate_one_line, validate_text
from visits.models.visibility import STAFF_PERMISSION


class GiftDirection(models.TextChoices):
    GIVEN = "given", _("Given by the City")
    RECEIVED = "received", _("Received by the City")


class ValueBasis(models.TextChoices):
    ESTIMATED = "estimated", _("Estimated by the office")
    INVOICE = "invoice", _("Invoice")
    APPRAISAL = "appraisal", _("Expert appraisal")
    GIVER = "giver", _("Said by the giver")
    UNKNOWN = "unknown", _("Not known")


class Whereabouts(models.TextChoices):
    COLLECTION = "collection", _("In the City's collection")
    DISPLAYED = "displayed", _("Displayed in a room")
    ARCHIVES = "archives", _("In the archives")
    MUSEUM = "museum", _("Given to a museum")
    HOLDER = "holder", _("With its holder")
    GONE = "gone", _("With the guest")  # a gift given: it left with them


class GiftQuerySet(models.QuerySet):
    def visible_to(self, viewer, now=None):
        """Gifts whose guest the viewer may read, at a visit they may see (or at none); the
        public reads only the gifts received that the office published (DESIGN.md, decision
        1)."""
        from visits.models import Guest, Visit

        guests = Guest.objects.visible_to(viewer, now)
        visits = Visit.objects.visible_to(viewer, now)
        seen = self.filter(Q(visit__isnull=True) | Q(visit__in=visits), guest__in=guests)
        if viewer is not None and viewer.is_authenticated and viewer.has_perm(STAFF_PERMISSION):
            return seen
        return seen.filter(published=True, direction=GiftDirection.RECEIVED)


class Gift(models.Model):
    direction = models.CharField(_("direction"), max_length=10, choices=GiftDirection)
    guest = models.ForeignKey(
        "visits.Guest",
        on_delete=models.PROTECT,
        related_name="gifts",
        verbose_name=_("guest"),
        help_text=_("Who gave it to the City, or received it from the City."),
    )
    host = models.ForeignKey(
        "visits.Host",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gifts",
        verbose_name=_("elected official"),
        help_text=_("Who received or gave it for the City; empty: the City itself."),
    )
    visit = models.ForeignKey(
        "visits.Visit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gifts",
        verbose_name=_("visit"),
    )
    engagement = models.ForeignKey(
        "visits.Engagement",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gifts",
        verbose_name=_("engagement"),
    )
    given_on = models.DateField(_("date"))
    description_fr = models.TextField(_("description (French)"), validators=[validate_text])
    description_en = models.TextField(
        _("description (English)"), blank=True, validators=[validate_text]
    )
    estimated_value = models.DecimalField(
        _("estimated value"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(
        _("currency"), max_length=3, default="EUR", validators=[validate_one_line]
    )
    value_in_euros = models.DecimalField(
        _("value in euros"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For a value in another currency: the office's conversion."),
    )
    value_basis = models.CharField(
        _("value known from"), max_length=12, choices=ValueBasis, default=ValueBasis.UNKNOWN
    )
    whereabouts = models.CharField(
        _("where it is now"), max_length=12, choices=Whereabouts, default=Whereabouts.COLLECTION
    )
    room = models.ForeignKey(
        "visits.Venue",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gifts",
        verbose_name=_("room"),
    )
    whereabouts_detail = models.CharField(
        _("where, in words"),
        max_length=200,
        blank=True,
        help_text=_("The museum, the archives' reference..."),
        validators=[validate_one_line],
    )
    holder = models.CharField(
        _("current holder"), max_length=200, blank=True, validators=[validate_one_line]
    )
    declared_on = models.DateField(
        _("declared on"),
        null=True,
        blank=True,
        help_text=_("When it was declared to the City's ethics officer."),
    )
    declaration_task = models.ForeignKey(
        "visits.ChecklistTask",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("In the public register of gifts received.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = GiftQuerySet.as_manager()

    class Meta:
        verbose_name = _("gift")
        verbose_name_plural = _("gifts")
        ordering = ["-given_on", "-pk"]
        indexes = [models.Index(fields=["direction", "-given_on"], name="gift_register")]

    def __str__(self):
        return f"{self.given_on:%Y-%m-%d} · {self.description[:60]}"

    @property
    def description(self) -> str:
        return localized(self, "description")

    def clean(self):
        self.currency = (self.currency or "").upper()
        errors = {}
        if len(self.currency) != 3 or not self.currency.isalpha():
            errors["currency"] = _("A currency's three-letter code: EUR, USD, JPY...")
        foreign = self.estimated_value is not None and self.currency != "EUR"
        if foreign and "currency" not in errors and self.value_in_euros is None:
            errors["value_in_euros"] = _("Give its value in euros too: the threshold is in euros.")
        if self.whereabouts == Whereabouts.DISPLAYED and self.room_id is None:
            errors["room"] = _("Say in which room it is displayed.")
        if self.whereabouts == Whereabouts.MUSEUM and not self.whereabouts_detail:
            errors["whereabouts_detail"] = _("Name the museum.")
        if errors:
            raise ValidationError(errors)

    @property
    def euros(self) -> Decimal | None:
        """The value in euros, when it is known."""
        if self.estimated_value is not None and self.currency.upper() == "EUR":
            return self.estimated_value
        return self.value_in_euros

    def to_declare(self, threshold: Decimal) -> bool:
        """Received by an elected official, worth the threshold or more: the ethics officer
        is told (declared or not yet)."""
        received = self.direction == GiftDirection.RECEIVED and self.host_id is not None
        return received and self.euros is not None and self.euros >= threshold


class GiftPhoto(models.Model):
    gift = models.ForeignKey(
        Gift, on_delete=models.CASCADE, related_name="photos", verbose_name=_("gift")
    )
    # Drawn again from the upload (visits.uploads): never the file as it came.
    image = models.ImageField(
        _("photo"), upload_to="gifts/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    thumbnail = models.ImageField(upload_to="gifts/", editable=False)
    alt_fr = models.CharField(
        _("photo described (French)"), max_length=300, validators=[validate_one_line]
    )
    alt_en = models.CharField(
        _("photo described (English)"), max_length=300, validators=[validate_one_line]
    )

    class Meta:
        verbose_name = _("photo of the gift")
        verbose_name_plural = _("photos of the gift")
        ordering = ["gift", "pk"]

    def __str__(self):
        return str(self.gift)

    @property
    def alt(self) -> str:
        return localized(self, "alt")


class GiftRegisterOptions(models.Model):
    """The office's settings of the register: one row (the defaults until the office saves
    it)."""

    declaration_threshold = models.DecimalField(
        _("declaration threshold (euros)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal("150.00"),
        help_text=_("A gift received by an elected official worth this or more is declared."),
    )
    publish_value = models.BooleanField(_("publish the value"), default=True)
    publish_whereabouts = models.BooleanField(_("publish where it is now"), default=True)
    publish_photos = models.BooleanField(_("publish the photos"), default=True)
    publish_host = models.BooleanField(_("publish who received it"), default=True)

    class Meta:
        verbose_name = _("register of gifts: options")
        verbose_name_plural = _("register of gifts: options")

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def current(cls) -> "GiftRegisterOptions":
        return cls.objects.order_by("pk").first() or cls()
