"""Wall-clock times of City Hall (DESIGN.md, decision 6).

Times are entered in the local zone (Europe/Paris, the TIME_ZONE setting) and stored in UTC.
A local time that does not exist (the spring change) or happens twice (the autumn change) is
refused with a message saying which, never guessed.
"""

from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from visits.dates import date_format


def local_zone_name() -> str:
    """The zone as a person says it ("Paris time", « heure de Paris »); feeds keep the IANA
    name (TZID=Europe/Paris), which is for programs."""
    city = str(timezone.get_default_timezone()).rsplit("/", 1)[-1].replace("_", " ")
    return _("%(city)s time") % {"city": city}


def aware_local_time(naive: datetime) -> datetime:
    """The one instant this local wall-clock time names, or a ValidationError saying why not."""
    zone = timezone.get_default_timezone()
    first, second = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    context = {
        "time": time_format(naive, "H:i"),
        "date": date_format(naive, "DATE_FORMAT"),
        "zone": local_zone_name(),
    }
    if first.utcoffset() == second.utcoffset():
        return first
    round_trip = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive:
        raise ValidationError(
            _(
                "%(time)s does not exist on %(date)s in %(zone)s: the clocks go forward an "
                "hour at that moment. Choose a time before or after the change."
            ),
            code="nonexistent_time",
            params=context,
        )
    raise ValidationError(
        _(
            "%(time)s happens twice on %(date)s in %(zone)s: the clocks go back an hour at "
            "that moment, so the time is ambiguous. Choose a time outside that hour."
        ),
        code="ambiguous_time",
        params=context,
    )
