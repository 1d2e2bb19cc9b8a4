from datetime import date, timedelta

from django import forms
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from visits.models import Host, Venue
from visits.queries.agenda import agenda
from visits.views.access import staff_required

PERIOD_DAYS = {"day": 1, "week": 7}


class AgendaFilters(forms.Form):
    venue = forms.ModelChoiceField(Venue.objects.all(), required=False, label=_("Venue"))
    host = forms.ModelChoiceField(Host.objects.all(), required=False, label=_("Host"))
    # How a week is shown: a list of days, or a grid of seven columns (the day view is a list).
    view = forms.ChoiceField(
        choices=[("list", _("List")), ("grid", _("Week grid"))], required=False, label=_("View")
    )


@staff_required
def agenda_now(request):
    """This week, keeping the filters."""
    url = reverse("staff:agenda", args=["week", timezone.localdate()])
    query = request.GET.urlencode()
    return redirect(f"{url}?{query}" if query else url)


@staff_required
def agenda_page(request, period: str, day: date):
    filters = AgendaFilters(request.GET or None)
    if filters.is_bound and not filters.is_valid():
        return render(request, "staff/agenda.html", {"filters": filters}, status=400)
    chosen = filters.cleaned_data if filters.is_bound else {}
    first_day = day - timedelta(days=day.weekday()) if period == "week" else day
    step = timedelta(days=PERIOD_DAYS[period])
    query = request.GET.urlencode()
    grid = period == "week" and chosen.get("view") == "grid"
    context = {
        "filters": filters,
        "period": period,
        "grid": grid,
        "today": timezone.localdate(),
        "first_day": first_day,
        "last_day": first_day + step - timedelta(days=1),
        "days": agenda(
            request.user,
            first_day,
            PERIOD_DAYS[period],
            venue=chosen.get("venue"),
            host=chosen.get("host"),
        ),
        "previous_url": agenda_url(period, first_day - step, query),
        "next_url": agenda_url(period, first_day + step, query),
        "today_url": agenda_url(period, timezone.localdate(), query),
        "day_url": agenda_url("day", day, query),
        "week_url": agenda_url("week", day, query),
        "list_url": agenda_url(period, day, with_view(request.GET, "list")),
        "grid_url": agenda_url(period, day, with_view(request.GET, "grid")),
        "clear_url": agenda_url(period, day, "view=grid" if grid else ""),
    }
    return render(request, "staff/agenda.html", context)


def with_view(query, view: str) -> str:
    """The query string with `view` set; the list, being the default, is left out."""
    kept = query.copy()
    kept.setlist("view", [] if view == "list" else [view])
    return kept.urlencode()


def agenda_url(period: str, day: date, query: str) -> str:
    url = reverse("staff:agenda", args=[period, day])
    return f"{url}?{query}" if query else url
