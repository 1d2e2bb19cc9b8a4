import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from visits.models.text import validate_one_line

DEFAULT_LEAD_TIMES = "7d, 1d, 2h"
LEAD_TIME = re.compile(r"\s*(\d{1,4})\s*([dhm])\s*")
UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def parse_lead_times(text: str) -> list[timedelta]:
    """“7d, 1d, 2h” → the durations before an engagement, longest first."""
    durations = set()
    for part in text.split(","):
        if not part.strip():
            continue
        match = LEAD_TIME.fullmatch(part)
        if match is None:
            raise ValidationError(
                _("Write lead times like “7d, 1d, 2h” (days, hours, minutes)."), code="invalid"
            )
        amount, unit = int(match[1]), match[2]
        durations.add(timedelta(**{UNITS[unit]: amount}))
    if any(not timedelta(minutes=1) <= d <= timedelta(days=90) for d in durations):
        raise ValidationError(_("Each lead time is between 1 minute and 90 days."), code="range")
    return sorted(durations, reverse=True)


class StaffProfile(models.Model):
    """How a member of staff wants to be reminded."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name=_("user"),
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="fr"
    )
    email = models.EmailField(
        _("e-mail for reminders"),
        blank=True,
        help_text=_("The account's e-mail if empty."),
        validators=[validate_one_line],
    )
    lead_times = models.CharField(
        _("reminders before an engagement"),
        max_length=100,
        default=DEFAULT_LEAD_TIMES,
        validators=[validate_one_line, parse_lead_times],
        help_text=_("Days, hours or minutes before it, like “7d, 1d, 2h”; empty for none."),
    )
    wants_daily_agenda = models.BooleanField(
        _("daily agenda"), default=False, help_text=_("Tomorrow's engagements, every day at 18:00.")
    )

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return str(self.user)

    @property
    def address(self) -> str:
        return self.email or self.user.email

    @property
    def durations(self) -> list[timedelta]:
        return parse_lead_times(self.lead_times)

    @classmethod
    def of(cls, user) -> "StaffProfile":
        """The user's profile, or the defaults (unsaved) when they have none."""
        try:
            return user.staff_profile
        except cls.DoesNotExist:
            return cls(user=user)
