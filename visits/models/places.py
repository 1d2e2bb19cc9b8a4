from django.conf import settings
from django.db import models
from django.db.models import ProtectedError
from django.db.models.functions import Lower
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from visits.models.bilingual import localized
from visits.models.choices import GrammaticalGender
from visits.models.text import validate_one_line, validate_text


class Venue(models.Model):
    """A room. Two engagements never share one at the same time."""

    name = models.CharField(_("name"), max_length=120, validators=[validate_one_line])
    building = models.CharField(
        _("building"), max_length=120, default="Hôtel de Ville", validators=[validate_one_line]
    )
    gender = models.CharField(
        _("grammatical gender"),
        max_length=1,
        choices=GrammaticalGender,
        default=GrammaticalGender.FEMININE,  # most rooms are a "salle"
        help_text=_("Of the room’s name, for French agreement: Salon Bertrand is masculine."),
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    turnover_minutes = models.PositiveSmallIntegerField(
        _("turnover time (minutes)"),
        default=30,
        help_text=_("Kept free between two engagements to reset the room."),
    )
    notes = models.TextField(_("notes"), blank=True, validators=[validate_text])
    is_active = models.BooleanField(_("in use"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "building",
                name="venue_unique_name",
                violation_error_code="name",  # the field to show the error beside
                violation_error_message=_("A room of this name already exists in this building."),
            ),
        ]

    def __str__(self):
        return self.name


class Host(models.Model):
    """The Mayor or another elected official who receives. Never in two engagements at once."""

    name = models.CharField(_("name"), max_length=200, validators=[validate_one_line])
    office_fr = models.CharField(
        _("office (French)"), max_length=200, validators=[validate_one_line]
    )
    office_en = models.CharField(
        _("office (English)"), max_length=200, validators=[validate_one_line]
    )
    gender = models.CharField(
        _("grammatical gender"),
        max_length=1,
        choices=GrammaticalGender,
        default=GrammaticalGender.NEUTRAL,
        help_text=_("For French agreement: “attendue” or “attendu”."),
    )
    precedence = models.PositiveSmallIntegerField(
        _("precedence"), default=100, help_text=_("Lower comes first: the Mayor is 1.")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="host",
    )
    email = models.EmailField(_("e-mail"), blank=True, validators=[validate_one_line])
    person = models.OneToOneField(
        "visits.Guest",
        verbose_name=_("in the guest registry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="as_host",
        help_text=_("Their registry entry holds the offices that rank them at a ceremony."),
    )
    is_active = models.BooleanField(_("in office"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("host")
        verbose_name_plural = _("hosts")
        ordering = ["precedence", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "office_fr"], name="host_unique_name_office"),
        ]

    def __str__(self):
        return f"{self.name} ({self.office})"

    @property
    def office(self) -> str:
        return localized(self, "office")


@receiver(pre_delete, sender=Host)
def keep_hosts_who_have_received(sender, instance, **kwargs):
    """Deleting a host would silently drop them from past programmes (many-to-many rows go
    with them): refused everywhere, admin, shell or service. Mark them out of office instead."""
    links = [*instance.engagements.all()[:5], *instance.visits.all()[:5]]
    if links:
        raise ProtectedError(
            _("A host who has received cannot be deleted; mark them as no longer in office."),
            set(links),
        )
