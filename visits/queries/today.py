"""What the Today page lists for one signed-in person (and, for the protocol office, for the
office as a whole), through the door: each list is one query, whatever its length."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce, TruncDate

from visits.models import ChecklistTask, Engagement, Reminder, Visit
from visits.models.choices import (
    CLOSED_VISIT_STATUSES,
    LIVE_ENGAGEMENT_STATUSES,
    EngagementStatus,
    VisitStatus,
)
from visits.models.reminders import ReminderStatus
from visits.models.visits import with_principal_guests
from visits.queries.agenda import agenda, local_midnight

COMING_DAYS = 7  # the engagements a person is part of, from today
CLASH_DAYS = 28  # how far ahead the office looks for clashes
AWAITING_DECISION = (VisitStatus.REQUESTED, VisitStatus.UNDER_REVIEW)


def my_engagements(user, today: date):
    """Live engagements from today through the next COMING_DAYS days that `user` leads (lead
    officer of the visit), hosts (as the Host linked to their account), follows (a follower
    of the visit) or works at (assigned staff), in time order, each marked with how."""
    begin, end = local_midnight(today), local_midnight(today + timedelta(days=COMING_DAYS + 1))
    hosting = Exists(
        Engagement.hosts.through.objects.filter(engagement=OuterRef("pk"), host__user=user)
    )
    following = Exists(Visit.followers.through.objects.filter(visit=OuterRef("visit"), user=user))
    assigned = Exists(
        Engagement.assigned_staff.through.objects.filter(engagement=OuterRef("pk"), user=user)
    )
    return (
        Engagement.objects.visible_to(user)
        .filter(status__in=LIVE_ENGAGEMENT_STATUSES, starts_at__lt=end, ends_at__gt=begin)
        .annotate(hosting=hosting, following=following, assigned=assigned)
        .filter(
            Q(visit__lead_officer=user) | Q(hosting=True) | Q(following=True) | Q(assigned=True)
        )
        .select_related("visit", "venue")
        .prefetch_related(with_principal_guests("visit__participants"))
        .order_by("starts_at", "pk")
    )


def responsible_for(user) -> Q:
    """Tasks `user` answers for: assigned to them, or unassigned on a visit they lead."""
    return Q(assignee=user) | Q(assignee__isnull=True, visit__lead_officer=user)


def open_tasks(user):
    """Tasks not done, of visits still going ahead that `user` may see."""
    return (
        ChecklistTask.objects.filter(done_at__isnull=True)
        .filter(visit__in=Visit.objects.visible_to(user))
        .exclude(visit__status__in=CLOSED_VISIT_STATUSES)
        .select_related("visit")
        .order_by("due_on", "pk")
    )


def my_tasks(user, today: date):
    """`user`'s open tasks overdue or due within COMING_DAYS days."""
    return open_tasks(user).filter(
        responsible_for(user), due_on__lte=today + timedelta(COMING_DAYS)
    )


def my_failed_reminders(user):
    """Reminders to `user` that could not be sent (a wrong address, a refusing server)."""
    return (
        Reminder.objects.visible_to(user)
        .filter(recipient=user, status=ReminderStatus.FAILED)
        .select_related("engagement", "task")
        .order_by("-due_at", "-pk")
    )


# The protocol office's lists.


def awaiting_decision(user):
    """Visits requested or under review, the longest waiting first; `waiting_since` is the day
    the request came (or was recorded)."""
    return (
        Visit.objects.visible_to(user)
        .filter(status__in=AWAITING_DECISION)
        .annotate(waiting_since=Coalesce("requested_on", TruncDate("created_at")))
        .prefetch_related(with_principal_guests())
        .order_by("waiting_since", "pk")
    )


def confirmed_with_tentative(user, today: date):
    """Confirmed visits, not over, whose programme still holds tentative engagements."""
    return (
        Visit.objects.visible_to(user)
        .filter(status=VisitStatus.CONFIRMED)
        .filter(Q(ends_on__gte=today) | Q(ends_on__isnull=True, starts_on__gte=today))
        .annotate(
            tentative=Count("engagements", filter=Q(engagements__status=EngagementStatus.TENTATIVE))
        )
        .filter(tentative__gt=0)
        .prefetch_related(with_principal_guests())
        .order_by("starts_on", "pk")
    )


def overdue_tasks(user, today: date):
    """Every open task past its deadline, on visits `user` may see."""
    return (
        open_tasks(user).filter(due_on__lt=today).select_related("assignee", "visit__lead_officer")
    )


@dataclass
class Clash:
    day: date
    items: list  # the agenda's items that clash, on that day, that the viewer may open


def clashes(user, today: date) -> list[Clash]:
    """Engagements of the next CLASH_DAYS days that clash (the agenda's marking, the services'
    rule), by day; only the ones the viewer may open are named."""
    found = []
    for day in agenda(user, today, CLASH_DAYS):
        items = [item for item in day.items if item.clashes and not item.is_busy_block]
        if items:
            found.append(Clash(day.day, items))
    return found
