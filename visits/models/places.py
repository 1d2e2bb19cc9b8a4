from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from visits.models.bilingual import localized


class Venue(models.Model):
    """A room. Two engagements never share one at the same time."""

    name = models.CharField(_("name"), max_length=120)
    building = models.CharField(_("building"), max_length=120, default="Hôtel de Ville")
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    turnover_minutes = models.PositiveSmallIntegerField(
        _("turnover time (minutes)"),
        default=30,
        help_text=_("Kept free between two engagements to reset the room."),
    )
    notes = models.TextField(_("notes"), blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "building", name="venue_unique_name"),
        ]

    def __str__(self):
        return self.name


class Host(models.Model):
    """The Mayor or another elected official who receives. Never in two engagements at once."""

    name = models.CharField(_("name"), max_length=200)
    office_fr = models.CharField(_("office (French)"), max_length=200)
    office_en = models.CharField(_("office (English)"), max_length=200)
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
    email = models.EmailField(_("e-mail"), blank=True)
    is_active = models.BooleanField(_("in office"), default=True)

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
