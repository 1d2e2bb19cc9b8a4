"""A visit's lifecycle as explicit moves, each recorded with its time and author."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from visits.models import Visit, VisitTransition
from visits.models.choices import LIVE_ENGAGEMENT_STATUSES, EngagementStatus, VisitStatus
from visits.services.attribution import attribute, authorize
from visits.services.engagements import confirm_engagement, update_engagement
from visits.services.errors import TransitionRefused
from visits.services.reminders import plan_task_reminders

Status = VisitStatus
MOVES = {
    Status.REQUESTED: (Status.UNDER_REVIEW, Status.DECLINED, Status.CANCELLED),
    Status.UNDER_REVIEW: (Status.APPROVED, Status.DECLINED, Status.POSTPONED, Status.CANCELLED),
    Status.APPROVED: (Status.CONFIRMED, Status.POSTPONED, Status.CANCELLED),
    Status.CONFIRMED: (Status.HELD, Status.POSTPONED, Status.CANCELLED),
    Status.POSTPONED: (Status.UNDER_REVIEW, Status.CANCELLED),
    Status.HELD: (),
    Status.DECLINED: (),
    Status.CANCELLED: (),
}


def allowed_moves(status) -> tuple:
    return MOVES[status]


def possible_moves(visit: Visit, today=None) -> tuple:
    """The moves the visit may make now: its lifecycle's, less those a rule refuses today
    (confirming an empty programme, holding a visit before its day). Offered alone, so that
    an officer is not offered a move only to be refused it."""
    return tuple(move for move in MOVES[visit.status] if not rule_refusing(visit, move, today))


def tentative_engagements(visit: Visit):
    return visit.engagements.filter(status=EngagementStatus.TENTATIVE)


@transaction.atomic
def move_visit(
    visit: Visit, to_status, *, by, note: str = "", today=None, confirm_programme=False
) -> Visit:
    """Move the visit to `to_status`, or raise TransitionRefused saying which moves exist.
    Confirming it with `confirm_programme` confirms its tentative engagements too, each
    through the scheduling service (a clash refuses the whole move)."""
    current = Visit.objects.select_for_update().get(pk=visit.pk)
    authorize(by, "visits.change_visit", current)
    from_status = current.status
    check_move(current, to_status, today)
    current.status = to_status
    attribute(current, by, Status(to_status).label).save()
    VisitTransition.objects.create(
        visit=current, from_status=from_status, to_status=to_status, by=by, note=note
    )
    programme_follows(current, by)
    if confirm_programme and to_status == Status.CONFIRMED:
        for engagement in tentative_engagements(current).order_by("starts_at", "pk"):
            confirm_engagement(engagement, by=by)
    for task in current.checklist.all():  # a closed visit's tasks remind nobody any more
        plan_task_reminders(task)
    return current


def programme_follows(visit: Visit, by) -> None:
    """A declined or cancelled visit cancels its programme; a postponed one postpones it."""
    if visit.status in (Status.DECLINED, Status.CANCELLED):
        affected = visit.engagements.exclude(status=EngagementStatus.CANCELLED)
        new_status = EngagementStatus.CANCELLED
    elif visit.status == Status.POSTPONED:
        affected = visit.engagements.filter(status__in=LIVE_ENGAGEMENT_STATUSES)
        new_status = EngagementStatus.POSTPONED
    else:
        return
    for engagement in affected:
        update_engagement(engagement, by=by, status=new_status)


def mark_past_visits_held(today=None) -> int:
    """Confirmed visits whose last day is over become held (the system moves them, daily);
    returns how many moved."""
    today = today or timezone.localdate()
    past = Visit.objects.filter(status=Status.CONFIRMED).filter(
        Q(ends_on__lt=today) | Q(ends_on__isnull=True, starts_on__lt=today)
    )
    moved = 0
    for visit in past.only("pk"):
        try:
            move_visit(visit, Status.HELD, by=None, today=today)  # by None: the system
        except TransitionRefused:
            continue  # moved meanwhile (postponed, cancelled, or by a second run)
        moved += 1
    return moved


def check_move(visit: Visit, to_status, today=None) -> None:
    if to_status not in MOVES[visit.status]:
        raise refusal(visit.status, to_status)
    message = rule_refusing(visit, to_status, today)
    if message:
        raise TransitionRefused({"status": [message]})


def rule_refusing(visit: Visit, to_status, today=None) -> str:
    """Why a move of the lifecycle is refused for this visit now, or "" when it is not."""
    if to_status == Status.HELD and visit.starts_on > (today or timezone.localdate()):
        return _("A visit is marked as held once its first day has come.")
    if (
        to_status == Status.CONFIRMED
        and not visit.engagements.filter(status__in=LIVE_ENGAGEMENT_STATUSES).exists()
    ):
        return _("A visit is confirmed once its programme has an engagement; add one first.")
    return ""


def refusal(from_status, to_status) -> TransitionRefused:
    return TransitionRefused({"status": [moves_message(from_status, to_status)]})


def moves_message(from_status, to_status=None) -> str:
    """Which moves a visit in `from_status` has, for a refusal."""
    label = Status(from_status).label.lower()
    moves = MOVES[from_status]
    if not moves and to_status is None:
        return _("A %(status)s visit is final: its status no longer changes.") % {"status": label}
    if not moves:
        return _("A %(status)s visit is final: it cannot become %(wanted)s.") % {
            "status": label,
            "wanted": Status(to_status).label.lower(),
        }
    return _("A %(status)s visit can become: %(allowed)s.") % {
        "status": label,
        "allowed": ", ".join(str(Status(move).label).lower() for move in moves),
    }
