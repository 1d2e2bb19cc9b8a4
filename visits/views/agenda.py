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
    context = {
        "filters": filters,
        "period": period,
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
    }
    return render(request, "staff/agenda.html", context)


def agenda_url(period: str, day: date, query: str) -> str:
    url = reverse("staff:agenda", args=[period, day])
    return f"{url}?{query}" if query else url
