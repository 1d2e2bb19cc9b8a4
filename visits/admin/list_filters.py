"""The lists' filters that start where the work is: the coming visits and engagements first
(a list opened as is shows them, soonest first; a search or another filter looks at all time),
and countries offered only when a guest comes from there."""

import functools
from datetime import datetime, time

from django.contrib import admin
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from visits.models import VisitGuest
from visits.models.choices import DelegationRole
from visits.models.search import fold
from visits.queries.guests import principal_countries

UPCOMING, PAST, ALL = "upcoming", "past", "all"
# What a list opened as is may carry: its sorting and its page.
NOT_A_CHOICE = {"o", "p"}


def opened_as_is(request) -> bool:
    return not set(request.GET) - NOT_A_CHOICE


class WhenFilter(admin.SimpleListFilter):
    """Upcoming (the default of a list opened as is), past or all."""

    title = _("period")
    parameter_name = "when"

    def __init__(self, request, params, model, model_admin):
        self.as_is = opened_as_is(request)
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [
            (UPCOMING, _("Upcoming")),
            (PAST, _("Past")),
            (ALL, pgettext_lazy("any period", "All")),
        ]

    def value(self):
        chosen = super().value()
        if chosen in (UPCOMING, PAST, ALL):
            return chosen
        return UPCOMING if self.as_is else ALL

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == UPCOMING:
            return queryset.filter(self.from_today(today))
        if self.value() == PAST:
            return queryset.exclude(self.from_today(today))
        return queryset

    def from_today(self, today):
        raise NotImplementedError


class VisitWhenFilter(WhenFilter):
    def from_today(self, today):
        return Q(last_day__gte=today)

    def queryset(self, request, queryset):
        return super().queryset(request, queryset.alias(last_day=Coalesce("ends_on", "starts_on")))


class EngagementWhenFilter(WhenFilter):
    def from_today(self, today):
        midnight = timezone.make_aware(datetime.combine(today, time.min))
        return Q(ends_at__gte=midnight)


class UpcomingFirstMixin:
    """Sorted by `date_field`: soonest first among the coming ones, latest first otherwise."""

    date_field = ""

    def get_ordering(self, request):
        chosen = request.GET.get(WhenFilter.parameter_name)
        upcoming = chosen == UPCOMING or (chosen not in (PAST, ALL) and opened_as_is(request))
        if upcoming:
            return [F(self.date_field).asc(), "pk"]
        return [F(self.date_field).desc(), "-pk"]


def country_choices(codes) -> tuple[tuple[str, str], ...]:
    """(code, name) sorted by the name in the language shown, accents aside."""
    return sorted_countries(frozenset(codes), translation.get_language())


@functools.lru_cache(maxsize=64)
def sorted_countries(codes: frozenset, language: str) -> tuple[tuple[str, str], ...]:
    """Kept: the same few codes on every page of a list, in the language active (`language`
    is the key)."""
    named = [(code, str(countries.name(code))) for code in codes if code]
    return tuple(sorted(named, key=lambda pair: fold(pair[1])))


class GuestCountryFilter(admin.SimpleListFilter):
    """Only the countries guests come from, not the world's 250."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        guests = model_admin.get_queryset(request).exclude(country="").order_by()
        return country_choices(guests.values_list("country", flat=True).distinct())

    def queryset(self, request, queryset):
        return queryset.filter(country=self.value()) if self.value() else queryset


class VisitCountryFilter(admin.SimpleListFilter):
    """The countries of the visits' principal guests."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return country_choices(principal_countries(model_admin.get_queryset(request)))

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        principals = VisitGuest.objects.filter(
            role=DelegationRole.PRINCIPAL, guest__country=self.value()
        )
        return queryset.filter(pk__in=principals.values("visit"))
