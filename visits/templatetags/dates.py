"""The templates' `date` filter, as Django's, with the first of a month written « 1er » in
French (visits.dates). Installed as a builtin of the templates (settings.TEMPLATES), after
Django's own, so every `|date` in every template goes through it."""

from django import template
from django.template import defaultfilters

from visits.dates import first_as_ordinal

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    return first_as_ordinal(defaultfilters.date(value, arg))
