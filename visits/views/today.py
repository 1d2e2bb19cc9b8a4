"""Today: where a member of staff lands after signing in. Their day and week, their tasks and
the reminders that could not reach them; the protocol office also sees what waits on it."""

from dataclasses import dataclass

from django.shortcuts import render
from django.utils import timezone

from visits.queries import today as lists
from visits.views.access import staff_required

# The protocol office: those who decide on visits.
OFFICE_PERMISSION = "visits.change_visit"


@dataclass
class Waiting:
    visit: object
    days: int


def split_by_day(engagements, today):
    """Today's engagements, and the coming days' (those that began before today count as
    today's: they are still running)."""
    todays, coming = [], []
    for engagement in engagements:
        (todays if timezone.localdate(engagement.starts_at) <= today else coming).append(engagement)
    return todays, coming


@staff_required
def today_page(request):
    user, today = request.user, timezone.localdate()
    todays, coming = split_by_day(lists.my_engagements(user, today), today)
    context = {
        "today": today,
        "todays": todays,
        "coming": coming,
        "coming_days": lists.COMING_DAYS,
        "tasks": list(lists.my_tasks(user, today)),
        "failed_reminders": list(lists.my_failed_reminders(user)),
        "is_office": user.has_perm(OFFICE_PERMISSION),
        "may_use_admin": user.is_staff,
    }
    if context["is_office"]:
        context |= {
            "waiting": [
                Waiting(visit, (today - visit.waiting_since).days)
                for visit in lists.awaiting_decision(user)
            ],
            "tentative": list(lists.confirmed_with_tentative(user, today)),
            "clashes": lists.clashes(user, today),
            "clash_days": lists.CLASH_DAYS,
            "overdue": list(lists.overdue_tasks(user, today)),
        }
    return render(request, "staff/today.html", context)
