"""A list's date hierarchy read in one query.

Opened without a date chosen, Django's `date_hierarchy` reads the first and last dates, then
the years (or, all in one year, the months): two queries, a tenth of a searched visits list's
time at 20 years. The distinct months give both answers at once. The context is Django's, key for
key (tests/visits/test_admin_row_writer.py compares them); a date chosen or a date-time field
is left to Django's own tag.
"""

from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.contrib.admin.utils import get_fields_from_path
from django.db import models
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _


def drill(cl) -> dict | None:
    if not cl.date_hierarchy:
        return None
    name = cl.date_hierarchy
    field = get_fields_from_path(cl.model, name)[-1]
    chosen = any(cl.params.get(f"{name}__{part}") for part in ("year", "month", "day"))
    if chosen or isinstance(field, models.DateTimeField):
        return date_hierarchy(cl)
    months = list(cl.queryset.dates(name, "month"))
    years = sorted({month.year for month in months})

    def link(filters):
        return cl.get_query_string(filters, [f"{name}__"])

    if len(months) == 1:  # the days of that month
        year, month = months[0].year, months[0].month
        days = cl.queryset.dates(name, "day")
        return {
            "show": True,
            "back": {"link": link({f"{name}__year": year}), "title": str(year)},
            "choices": [
                {
                    "link": link(
                        {f"{name}__year": year, f"{name}__month": month, f"{name}__day": day.day}
                    ),
                    "title": capfirst(formats.date_format(day, "MONTH_DAY_FORMAT")),
                }
                for day in days
            ],
        }

    if len(years) == 1:
        year = str(years[0])
        return {
            "show": True,
            "back": {"link": link({}), "title": _("All dates")},
            "choices": [
                {
                    "link": link({f"{name}__year": year, f"{name}__month": month.month}),
                    "title": capfirst(formats.date_format(month, "YEAR_MONTH_FORMAT")),
                }
                for month in months
            ],
        }
    return {
        "show": True,
        "back": None,
        "choices": [
            {"link": link({f"{name}__year": str(year)}), "title": str(year)} for year in years
        ],
    }
