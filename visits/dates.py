"""Dates in words as French writes them: the first of a month is an ordinal, « 1er mars
2027 » (Django's French formats write « 1 mars 2027 »). Every date in words goes through here:
the templates' `date` filter (visits/templatetags/dates.py, a builtin of the templates) and
`date_format` below, which the code calls instead of Django's. The admin's lists and date
hierarchy are Django's own and write « 1 mars » as Django does."""

import re

from django.utils import formats, translation

MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
FIRST_OF_A_MONTH = re.compile(rf"(?<!\d)1(?= (?:{MONTHS})(?!\w))")


def first_as_ordinal(text: str) -> str:
    if not (translation.get_language() or "").startswith("fr"):
        return text
    return FIRST_OF_A_MONTH.sub("1er", text)


def date_format(value, format=None, use_l10n=None) -> str:
    return first_as_ordinal(formats.date_format(value, format, use_l10n))
