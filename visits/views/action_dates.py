"""When an action under an agreement runs, in words, as precisely as its dates are known:
"since March 2019", "from 2030" (not begun yet), "2015 to 2017"; in French with the article a
day takes and the elision before a vowel (« depuis le 7 octobre 2023 », « à partir d’avril
2030 », « de 2015 à 2017 »)."""

import re

from django.utils import timezone, translation
from django.utils.translation import pgettext

from visits.formatting import as_known
from visits.models.choices import DatePrecision

# "de" before a vowel is written "d’" in French: « d’avril », « d’août », « d’octobre ».
DE_BEFORE_A_VOWEL = re.compile(r"\bde (?=[aeiouyàâéèêëîïôûù])", re.IGNORECASE)


def when_it_runs(action, today=None) -> str:
    today = today or timezone.localdate()
    day = action.started_on_precision == DatePrecision.DAY
    start = as_known(action.started_on, action.started_on_precision)
    end = as_known(action.ended_on, action.started_on_precision)
    if end == start:
        text = start
    elif end:
        text = (
            pgettext("between two days", "%(start)s to %(end)s")
            if day
            else pgettext("between two months or years", "%(start)s to %(end)s")
        ) % {"start": start, "end": end}
    elif action.started_on > today:
        text = (
            pgettext("from a day to come", "from %(start)s")
            if day
            else pgettext("from a month or year to come", "from %(start)s")
        ) % {"start": start}
    else:
        text = (
            pgettext("since a day", "since %(start)s")
            if day
            else pgettext("since a month or year", "since %(start)s")
        ) % {"start": start}
    if (translation.get_language() or "")[:2] == "fr":
        text = DE_BEFORE_A_VOWEL.sub("d’", text)
    return text
