"""The public record of whom the City has received: past visits the door lets anyone see,
newest first, in French or English, filtered by year, category and country, searched by name."""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import translate_url
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from visits.models.choices import GuestCategory
from visits.queries.guests import (
    countries_received,
    narrow_received,
    past_principal_guests,
    tally,
    years_received,
)
from visits.views import charts, open_data
from visits.views.page_cache import public_page

PER_PAGE = 50
FILTERS = ("q", "year", "category", "country")


class GuestFilters(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    category = forms.ChoiceField(label=_("Category"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, data, *, years, country_codes):
        super().__init__(data)
        # "All" agrees in French with the noun it stands for: toutes (années), tous (pays).
        every_year = [("", pgettext_lazy("every year", "All"))]
        every_category = [("", pgettext_lazy("every category", "All"))]
        every_country = [("", pgettext_lazy("every country", "All"))]
        self.fields["year"].choices = every_year + [(year, year) for year in years]
        self.fields["category"].choices = every_category + list(GuestCategory.choices)
        named = sorted(((code, countries.name(code)) for code in country_codes), key=lambda c: c[1])
        self.fields["country"].choices = every_country + named

    def narrow(self, participants):
        return narrow_received(participants, **self.cleaned_data)


def page_of(request, guest) -> str:
    return request.build_absolute_uri(guest.public_path)


def alternates(request, query: QueryDict | None = None) -> list[tuple[str, str]]:
    """This page in each language (hreflang links, the language switch), with the parameters
    the page reads (`query`) and no other: a kept page must not carry a stranger's."""
    here = request.build_absolute_uri(request.path)
    if query:
        here += "?" + query.urlencode()
    return [(code, translate_url(here, code)) for code, _name in settings.LANGUAGES]


def filtered(request):
    """The filters as asked (a GET form), and the guests they keep; none when they are wrong."""
    everyone = past_principal_guests()
    # Only the filters: the page links carry them on, and its cache key is made of them.
    query = QueryDict(mutable=True)
    for name in FILTERS:
        if name in request.GET:
            query.setlist(name, request.GET.getlist(name))
    form = GuestFilters(
        query or None,
        years=years_received(everyone),
        country_codes=countries_received(everyone),
    )
    if not form.is_bound:
        return form, everyone, query
    return form, (form.narrow(everyone) if form.is_valid() else everyone.none()), query


def with_page(query: QueryDict, request) -> QueryDict:
    if "page" not in request.GET:
        return query
    query = query.copy()
    query.setlist("page", request.GET.getlist("page"))
    return query


@public_page(params=(*FILTERS, "page"))
def distinguished_guests(request):
    form, shown, query = filtered(request)
    tallied = tally(shown)
    paginator = Paginator(shown, PER_PAGE)
    paginator.count = sum(count for _year, _category, count in tallied)  # no COUNT query
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "years": charts.per_year(tallied),
        "categories": charts.by_category(tallied),
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "alternates": alternates(request, with_page(query, request)),
        "columns": open_data.COLUMNS,
        "licence": open_data.LICENCE,
    }
    return render(request, "public/guests.html", context, status=400 if form.errors else 200)


@public_page(params=FILTERS)
def distinguished_guests_data(request, file_format: str):
    """The same list, filters and door, as CSV or JSON (open data); its columns are described
    on the page."""
    if file_format not in ("csv", "json"):
        raise Http404
    form, shown, _query = filtered(request)
    if form.errors:
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    rows = (open_data.row(guest, page_of(request, guest.guest)) for guest in shown)
    if file_format == "csv":
        return open_data.csv_response(rows)
    return open_data.json_response(rows)
