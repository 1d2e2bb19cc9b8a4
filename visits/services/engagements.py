"""Every write of an engagement (DESIGN.md, decision 2).

Each function validates, locks, writes, bumps the calendar sequence when something a calendar
shows has changed and records who did it, in one transaction. A refusal raises a RuleBroken
(a ValidationError keyed by field) and writes nothing.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from visits.dates import date_format
from visits.localtime import aware_local_time
from visits.models import Engagement, Visit
from visits.models.choices import (
    CLOSED_VISIT_STATUSES,
    LIVE_ENGAGEMENT_STATUSES,
    EngagementStatus,
)
from visits.models.engagements import engagement_history
from visits.services.attribution import attribute, authorize
from visits.services.conflicts import Booking, refuse_conflicts
from visits.services.errors import RuleBroken, TransitionRefused
from visits.services.reminders import forget_engagement, plan_engagement_reminders

# Fields a calendar shows: changing one bumps SEQUENCE (RFC 5545), so clients update.
CALENDAR_FIELDS = ("kind", "title_fr", "title_en", "venue", "location", "starts_at", "ends_at")
EDITABLE_FIELDS = (*CALENDAR_FIELDS, "status", "notes")
# What decides whether the engagement collides with another.
BOOKING_FIELDS = ("venue", "starts_at", "ends_at")

Status = EngagementStatus
STATUS_MOVES = {
    Status.TENTATIVE: (Status.CONFIRMED, Status.POSTPONED, Status.CANCELLED),
    Status.CONFIRMED: (Status.TENTATIVE, Status.POSTPONED, Status.CANCELLED),
    Status.POSTPONED: (Status.TENTATIVE, Status.CONFIRMED, Status.CANCELLED),
    # Final: calendars have been told to remove it. Plan a new engagement instead.
    Status.CANCELLED: (),
}


def allowed_engagement_statuses(current) -> list[str]:
    return [current, *STATUS_MOVES[current]]


@transaction.atomic
def create_engagement(
    *,
    visit: Visit,
    by,
    starts_at: datetime,
    ends_at: datetime,
    hosts=(),
    assigned_staff=(),
    **fields,
) -> Engagement:
    """`assigned_staff`: those who work at it; they are reminded of it."""
    engagement = check_new_engagement(
        visit=visit, by=by, starts_at=starts_at, ends_at=ends_at, hosts=hosts, **fields
    )
    # One history row, written once the hosts are set, rather than one per signal.
    attribute(engagement, by, gettext_lazy("Created")).save_without_historical_record()
    engagement.skip_history_when_saving = True
    engagement.hosts.set(hosts)
    engagement.assigned_staff.set(assigned_staff)
    del engagement.skip_history_when_saving
    engagement_history.create_historical_record(engagement, "+")
    plan_engagement_reminders(engagement)
    return engagement


@transaction.atomic
def update_engagement(
    engagement: Engagement, *, by, hosts=None, assigned_staff=None, precondition=None, **changes
) -> Engagement:
    """Apply `changes` (and a new host list, or staff assigned, if given); the named helpers
    below call this. `precondition(current)`, if given, runs once the row is locked (the API's
    If-Match)."""
    plan = check_engagement_changes(
        engagement, by=by, hosts=hosts, precondition=precondition, **changes
    )
    current = plan.engagement
    staff_changed = assigned_staff is not None and set(assigned_staff) != set(
        current.assigned_staff.all()
    )
    if staff_changed:  # who is reminded; not a change calendars or the history show
        current.assigned_staff.set(assigned_staff)
    if not plan.changed and not plan.hosts_changed:
        if staff_changed:
            plan_engagement_reminders(current, before=plan.before)
        return current
    if plan.hosts_changed or any(name in (*CALENDAR_FIELDS, "status") for name in plan.changed):
        current.sequence += 1
    attribute(current, by, describe_change(plan.changed, plan.hosts_changed))
    if plan.hosts_changed:
        current.skip_history_when_saving = True
        current.hosts.set(plan.hosts)
        del current.skip_history_when_saving
    current.save()
    plan_engagement_reminders(current, before=plan.before)
    return current


def check_new_engagement(*, visit, by, starts_at, ends_at, hosts=(), **fields) -> Engagement:
    """The engagement `create_engagement` would write, validated and with its resources locked
    until the transaction ends (forms call this to show refusals beside the fields)."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not an engagement field: {', '.join(sorted(unknown))}")
    # The visit first, always: the lock order is visit, engagement, room, hosts, guests.
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    authorize(by, "visits.add_engagement", visit)
    engagement = Engagement(visit=visit, starts_at=starts_at, ends_at=ends_at, **fields)
    validate_engagement(engagement, list(hosts), by, rebooked=True)
    return engagement


@dataclass
class ChangePlan:
    engagement: Engagement
    changed: list[str]
    hosts: set
    hosts_changed: bool
    before: dict  # starts_at, ends_at and status before the change


def check_engagement_changes(
    engagement, *, by, hosts=None, precondition=None, **changes
) -> ChangePlan:
    """What `update_engagement` would write, validated, with the rows it needs locked."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not an engagement field: {', '.join(sorted(unknown))}")
    # The visit first, always: the lock order is visit, engagement, room, hosts, guests.
    visit = Visit.objects.select_for_update(of=("self",)).get(engagements=engagement.pk)
    current = Engagement.objects.select_for_update().get(pk=engagement.pk)
    current.visit = visit
    authorize(by, "visits.change_engagement", visit)
    if precondition is not None:
        precondition(current)
    for name in ("starts_at", "ends_at"):
        if changes.get(name) is not None:
            changes[name] = as_aware(changes[name], name)
    old_hosts = set(current.hosts.all())
    new_hosts = old_hosts if hosts is None else set(hosts)
    changed = [name for name, value in changes.items() if getattr(current, name) != value]
    before = {name: getattr(current, name) for name in ("starts_at", "ends_at", "status")}
    plan = ChangePlan(current, changed, new_hosts, new_hosts != old_hosts, before)
    if not changed and not plan.hosts_changed:
        return plan
    old_status = current.status
    if "status" in changed and changes["status"] not in STATUS_MOVES[old_status]:
        raise refusal_of_status(old_status, changes["status"])
    for name in changed:
        setattr(current, name, changes[name])
    if current.is_live or set(changed) - {"status", "notes"} or plan.hosts_changed:
        # Taking an item off the calendar (cancel, postpone) checks only the move itself.
        rebooked = plan.hosts_changed or any(name in BOOKING_FIELDS for name in changed)
        becomes_live = current.is_live and old_status not in LIVE_ENGAGEMENT_STATUSES
        validate_engagement(current, new_hosts, by, rebooked=rebooked or becomes_live)
    return plan


def reschedule_engagement(engagement, *, by, starts_at, ends_at) -> Engagement:
    return update_engagement(engagement, by=by, starts_at=starts_at, ends_at=ends_at)


def change_engagement_venue(engagement, *, by, venue, location="") -> Engagement:
    return update_engagement(engagement, by=by, venue=venue, location=location)


def change_engagement_hosts(engagement, *, by, hosts) -> Engagement:
    return update_engagement(engagement, by=by, hosts=hosts)


def confirm_engagement(engagement, *, by) -> Engagement:
    return update_engagement(engagement, by=by, status=Status.CONFIRMED)


def postpone_engagement(engagement, *, by) -> Engagement:
    return update_engagement(engagement, by=by, status=Status.POSTPONED)


def cancel_engagement(engagement, *, by) -> Engagement:
    return update_engagement(engagement, by=by, status=Status.CANCELLED)


@transaction.atomic
def delete_engagement(engagement: Engagement, *, by, precondition=None) -> None:
    """Only a tentative engagement is deleted; any other is cancelled, so calendars drop it."""
    visit = Visit.objects.select_for_update(of=("self",)).get(engagements=engagement.pk)
    current = Engagement.objects.select_for_update().get(pk=engagement.pk)
    authorize(by, "visits.delete_engagement", visit)
    if precondition is not None:
        precondition(current)
    if not may_delete(current):
        raise RuleBroken(deletion_refusal(current))
    forget_engagement(current)
    attribute(current, by, gettext_lazy("Deleted")).delete()


def may_delete(engagement: Engagement) -> bool:
    return engagement.status == Status.TENTATIVE and not engagement.honours_conferred.exists()


def deletion_refusal(engagement: Engagement) -> str:
    if engagement.honours_conferred.exists():
        return _("This engagement is an honorary citizenship's ceremony: unlink it first.")
    return _("A %(status)s engagement is cancelled, not deleted, so that calendars remove it.") % {
        "status": engagement.get_status_display().lower()
    }


def validate_engagement(engagement: Engagement, hosts, by, *, rebooked: bool) -> None:
    """Every rule an engagement obeys; raises RuleBroken keyed by field."""
    engagement.starts_at = as_aware(engagement.starts_at, "starts_at")
    engagement.ends_at = as_aware(engagement.ends_at, "ends_at")
    errors = field_errors(engagement)
    if engagement.ends_at <= engagement.starts_at:
        errors["ends_at"] = [_("The end must be after the start.")]
    if engagement.venue is None and not engagement.location.strip():
        errors["venue"] = [_("Choose a room, or give another location.")]
    elif engagement.venue is not None and engagement.location.strip():
        errors["location"] = [_("Give a room or another location, not both.")]
    if rebooked and engagement.venue is not None and not engagement.venue.is_active:
        errors["venue"] = [_("%(venue)s is no longer in use.") % {"venue": engagement.venue}]
    visit = engagement.visit
    first_day, last_day = visit.starts_on, visit.ends_on or visit.starts_on
    if not first_day <= timezone.localdate(engagement.starts_at) <= last_day:
        errors["starts_at"] = [
            _("An engagement starts on one of its visit’s days: %(days)s.")
            % {"days": days_text(first_day, last_day)}
        ]
    elif timezone.localdate(engagement.ends_at) > last_day + timedelta(days=1):
        errors["ends_at"] = [_("An engagement ends by the day after its visit’s last day.")]
    if engagement.is_live and engagement.visit.status in CLOSED_VISIT_STATUSES:
        errors["status"] = [
            _("The visit is %(status)s: its programme takes no tentative or confirmed item.")
            % {"status": engagement.visit.get_status_display().lower()}
        ]
    if errors:
        raise RuleBroken(errors)
    if rebooked and engagement.is_live:
        refuse_conflicts(Booking.of(engagement, hosts), by)


def field_errors(engagement: Engagement) -> dict:
    """What its fields' own rules refuse (a title on one line, a known kind...), by field; its
    links and times follow the rules of validate_engagement."""
    links_and_times = [f.name for f in Engagement._meta.fields if f.is_relation]
    try:
        engagement.clean_fields(exclude=[*links_and_times, "starts_at", "ends_at"])
    except ValidationError as error:
        return error.message_dict
    return {}


def days_text(first_day, last_day) -> str:
    if first_day == last_day:
        return date_format(first_day, "DATE_FORMAT")
    return _("%(first)s to %(last)s") % {
        "first": date_format(first_day, "DATE_FORMAT"),
        "last": date_format(last_day, "DATE_FORMAT"),
    }


def as_aware(value: datetime, field: str) -> datetime:
    """Naive times are read as City Hall's wall clock, strictly (see visits.localtime). All
    become UTC: Python adds and subtracts aware times of one zone on the wall clock, which
    is an hour off across a clock change."""
    if value is None:
        raise RuleBroken({field: [_("This field is required.")]})
    if timezone.is_naive(value):
        try:
            value = aware_local_time(value)
        except ValidationError as error:
            raise RuleBroken({field: error.messages}) from error
    return value.astimezone(UTC)


def refusal_of_status(current, wanted) -> TransitionRefused:
    return TransitionRefused({"status": [status_moves_message(current)]})


def status_moves_message(current) -> str:
    moves = STATUS_MOVES[current]
    if not moves:
        return _("A cancelled engagement stays cancelled; plan a new one instead.")
    return _("A %(current)s engagement can become: %(allowed)s.") % {
        "current": Status(current).label.lower(),
        "allowed": ", ".join(str(Status(move).label).lower() for move in moves),
    }


def describe_change(changed, hosts_changed) -> str:
    if "status" in changed:
        return gettext_lazy("Status changed")
    if {"starts_at", "ends_at"} & set(changed):
        return gettext_lazy("Rescheduled")
    if {"venue", "location"} & set(changed):
        return gettext_lazy("Venue changed")
    if hosts_changed:
        return gettext_lazy("Hosts changed")
    return gettext_lazy("Edited")
