"""The honorary citizens of Paris, for anyone: every honour voted or conferred, through the
door, with its dates at the precision known."""

from django.shortcuts import render
from django.utils.formats import date_format

from visits.models.choices import DatePrecision
from visits.queries.honours import visible_honours
from visits.views.page_cache import public_page
from visits.views.public import alternates

FORMATS = {DatePrecision.DAY: "DATE_FORMAT", DatePrecision.MONTH: "YEAR_MONTH_FORMAT"}


def vote_date(honour) -> str:
    """ "12 March 2001", "March 2001" or "2001", as precisely as the date is known."""
    if honour.voted_on is None:
        return ""
    if honour.voted_on_precision == DatePrecision.YEAR:
        return str(honour.voted_on.year)
    return date_format(honour.voted_on, FORMATS[honour.voted_on_precision])


@public_page
def honorary_citizens(request):
    honours = list(visible_honours(None))
    for honour in honours:
        honour.vote_text = vote_date(honour)
    context = {"honours": honours, "alternates": alternates(request)}
    return render(request, "public/honorary_citizens.html", context)
