"""Moving a visit with its programme: its days and every engagement not cancelled shift by the
same number of days, on City Hall's wall clock, in one transaction (issue 15).

Every refusal is found before anything is written, and the move is all or nothing: a shifted
time the clock change skips or repeats (DESIGN.md, decision 6), a room no longer in use, or a
clash with another visit's room, host or principal guest (decision 3) refuses it all, each
named beside the field the officer filled in. Not to be confused with `lifecycle.move_visit`,
which moves a visit's status.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from visits.localtime import aware_local_time
from visits.models import Engagement, Guest, Host, Venue, Visit
from visits.models.choices import EngagementStatus, VisitStatus
from visits.models.text import validate_one_line
from visits.models.visits import EARLIEST_DAY, LATEST_DAY
from visits.services.attribution import attribute, authorize
from visits.services.checklists import follow_visit_dates
from visits.services.conflicts import Booking, principal_guests, refuse_conflicts, slot_text
from visits.services.errors import Conflict, RuleBroken, TransitionRefused
from visits.services.reminders import plan_engagement_reminders
from visits.services.visits import lock_programme, validate_visit

# Held, declined and cancelled visits keep their dates: what happened, or what will not.
MOVABLE_STATUSES = (
    VisitStatus.REQUESTED,
    VisitStatus.UNDER_REVIEW,
    VisitStatus.APPROVED,
    VisitStatus.CONFIRMED,
    VisitStatus.POSTPONED,
)
MOVED = gettext_lazy("Moved with its programme")
MOVED_WITH_VISIT = gettext_lazy("Moved with its visit")
NOTE_LENGTH = 100  # the history's reason holds no more


@dataclass
class Shift:
    """One engagement's move: where it is (the engagement, unchanged) and where it goes."""

    engagement: Engagement
    starts_at: datetime
    ends_at: datetime


@dataclass
class ShiftPlan:
    """What `shift_visit` writes: the visit (locked, its new days set but not saved), by how
    many days it moves, and each engagement's move, in time order."""

    visit: Visit
    days: int
    shifts: list[Shift]


@transaction.atomic
def shift_visit(
    visit: Visit, *, by, days=None, first_day=None, note: str = "", precondition=None
) -> Visit:
    """Move the visit by `days`, or to start on `first_day`, with its programme. `note`, if
    given, is the history's reason (a line, at most 100 characters); `precondition(current)`,
    if given, runs once the visit is locked (the API's If-Match)."""
    note = checked_note(note)
    plan = plan_shift(visit, by=by, days=days, first_day=first_day, precondition=precondition)
    current = plan.visit
    attribute(current, by, note or MOVED).save()
    follow_visit_dates(current)
    for shift in plan.shifts:
        engagement = shift.engagement
        before = {name: getattr(engagement, name) for name in ("starts_at", "ends_at", "status")}
        engagement.visit = current
        engagement.starts_at, engagement.ends_at = shift.starts_at, shift.ends_at
        engagement.sequence += 1  # calendars must move it too
        attribute(engagement, by, MOVED_WITH_VISIT).save()
        plan_engagement_reminders(engagement, before=before)
    return current


@transaction.atomic
def plan_shift(visit: Visit, *, by, days=None, first_day=None, precondition=None) -> ShiftPlan:
    """The move `shift_visit` would write, every rule checked, nothing written (the admin's
    preview shows it). The lock order is the other writers': visit, engagements, rooms,
    hosts, guests, each by primary key."""
    field = input_field(days, first_day)
    current = Visit.objects.select_for_update().get(pk=visit.pk)
    authorize(by, "visits.change_visit", current)
    authorize(by, "visits.change_engagement", current)
    if precondition is not None:
        precondition(current)
    if current.status not in MOVABLE_STATUSES:
        message = _("A %(status)s visit keeps its dates: only a visit still planned is moved.")
        status = VisitStatus(current.status).label.lower()
        raise TransitionRefused({"status": [message % {"status": status}]})
    offset = days if days is not None else (first_day - current.starts_on).days
    if offset == 0:
        raise RuleBroken({field: [_("The visit already starts on that day: nothing to move.")]})
    move_days(current, offset, field)
    lock_programme(current)
    programme = (
        current.engagements.exclude(status=EngagementStatus.CANCELLED)
        .select_related("venue")
        .prefetch_related("hosts")
        .order_by("starts_at", "pk")
    )
    shifts = [shifted(engagement, offset, field) for engagement in programme]
    refuse_clashes(current, shifts, by, field)
    return ShiftPlan(current, offset, shifts)


def checked_note(note: str) -> str:
    """The history's reason: one line of at most 100 characters."""
    note = note.strip()
    try:
        validate_one_line(note)
    except ValidationError as error:
        raise RuleBroken({"note": error.messages}) from error
    if len(note) > NOTE_LENGTH:
        message = _("At most %(count)d characters.") % {"count": NOTE_LENGTH}
        raise RuleBroken({"note": [message]})
    return note


def input_field(days, first_day) -> str:
    """The field refusals are shown beside: the one the officer filled in."""
    if (days is None) == (first_day is None):
        message = _("Give either a number of days or a new first day.")
        raise RuleBroken({"days": [message], "first_day": [message]})
    return "days" if days is not None else "first_day"


def move_days(visit: Visit, offset: int, field: str) -> None:
    try:
        visit.starts_on += timedelta(days=offset)
        if visit.ends_on is not None:
            visit.ends_on += timedelta(days=offset)
        validate_visit(visit)
    except (OverflowError, RuleBroken) as error:
        message = _("Enter a day between %(first)s and %(last)s.") % {
            "first": EARLIEST_DAY.year,
            "last": LATEST_DAY.year,
        }
        messages = error.messages if isinstance(error, RuleBroken) else [message]
        raise RuleBroken({field: messages}) from error


def shifted(engagement: Engagement, offset: int, field: str) -> Shift:
    """The same wall-clock times `offset` days later; a time the clocks skip or repeat on the
    new day is refused, naming the engagement, not guessed."""
    times = []
    for moment in (engagement.starts_at, engagement.ends_at):
        wall = timezone.localtime(moment).replace(tzinfo=None) + timedelta(days=offset)
        try:
            times.append(aware_local_time(wall))
        except ValidationError as error:
            raise RuleBroken({field: [about(engagement, error.messages[0])]}) from error
    return Shift(engagement, *times)


def refuse_clashes(visit: Visit, shifts: list[Shift], by, field: str) -> None:
    """Each live engagement, at its new time, against every other visit's (this visit's own
    move with it). All the rooms, hosts and guests are locked first, in one order."""
    live = [shift for shift in shifts if shift.engagement.is_live]
    venue_ids = {shift.engagement.venue_id for shift in live} - {None}
    venues = {venue.pk: venue for venue in lock(Venue, venue_ids)}
    lock(Host, {host.pk for shift in live for host in shift.engagement.hosts.all()})
    guests = principal_guests(visit.pk)
    lock(Guest, {guest.pk for guest in guests})
    own = tuple(shift.engagement.pk for shift in shifts)
    refusals, clashes = [], []
    for shift in live:
        engagement = shift.engagement
        venue = venues.get(engagement.venue_id)
        if venue is not None and not venue.is_active:
            no_longer = _("%(venue)s is no longer in use.") % {"venue": venue}
            refusals.append(about(engagement, no_longer))
            continue
        booking = Booking(
            shift.starts_at,
            shift.ends_at,
            visit_id=visit.pk,
            venue=venue,
            hosts=sorted(engagement.hosts.all(), key=lambda host: host.pk),
            guests=guests,
            exclude_pk=own,
        )
        try:
            refuse_conflicts(booking, by)
        except Conflict as refusal:
            clashes += [about(engagement, message) for message in refusal.messages]
    if refusals:
        raise RuleBroken({field: refusals})
    if clashes:
        raise Conflict({field: clashes})


def lock(model, ids) -> list:
    return list(model.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def about(engagement: Engagement, reason: str) -> str:
    """A refusal naming the engagement of the programme it concerns, as it is now."""
    return _("“%(engagement)s”, %(slot)s: %(reason)s") % {
        "engagement": engagement.title,
        "slot": slot_text(engagement),
        "reason": reason,
    }
