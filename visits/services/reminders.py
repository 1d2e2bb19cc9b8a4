"""Who is reminded of what, and when: reminder rows written in the transaction of the change
they follow (DESIGN.md, decision 4). Nothing here sends; `visits.services.dispatch` does.

An engagement's reminders go to its visit's lead officer, the staff assigned to it and the
visit's followers, each at their own lead times, if they may see the visit. When it moves,
unsent reminders move with it and those already reminded are told ("changed"); when it is
cancelled, postponed or deleted, unsent ones are cancelled and those already reminded are told.
Someone whose every lead time has already passed when they come to it (a late booking, a move
to a late time, staff added late) is told at once how soon it starts, once ("late").
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from visits.models import Engagement, Reminder, ReminderKind, ReminderStatus, StaffProfile, Visit
from visits.models.choices import CLOSED_VISIT_STATUSES, LIVE_ENGAGEMENT_STATUSES
from visits.queries.door import may_see

Status = ReminderStatus
# When a task's reminder goes out on its deadline, and its escalation the day after.
TASK_HOUR = time(9, 0)


def recipients(engagement: Engagement) -> list:
    """Active users reminded of the engagement, who may see its visit, with an address."""
    User = get_user_model()
    visit = engagement.visit
    ids = {visit.lead_officer_id, *engagement.assigned_staff.values_list("pk", flat=True)}
    ids |= set(visit.followers.values_list("pk", flat=True))
    users = User.objects.filter(pk__in=ids - {None}, is_active=True).select_related("staff_profile")
    return [user for user in users if StaffProfile.of(user).address and may_see(user, visit)]


def before_by(moment, lead: timedelta):
    """`lead` before `moment`: whole days by the wall clock ("7 days before, at 10:00" stays
    10:00 across a clock change), hours and minutes by elapsed time."""
    if lead % timedelta(days=1):
        return moment - lead
    wall = timezone.localtime(moment).replace(tzinfo=None) - lead
    return timezone.make_aware(wall)


def engagement_key(engagement, user, lead: timedelta) -> str:
    return f"engagement:{engagement.uid}:{user.pk}:{int(lead.total_seconds() // 60)}"


def late_key(engagement, user) -> str:
    return f"late:{engagement.uid}:{user.pk}"


def plan_engagement_reminders(engagement: Engagement, *, before: dict | None = None) -> None:
    """Bring the engagement's reminder rows in line with it. `before` holds its `starts_at`,
    `ends_at` and `status` before this change (None for a new engagement)."""
    now = timezone.now()
    rows = {
        row.key: row
        for row in Reminder.objects.select_for_update().filter(
            engagement=engagement, kind=ReminderKind.ENGAGEMENT
        )
    }
    wanted = {}
    people = recipients(engagement) if engagement.is_live else []
    for user in people:
        for lead in StaffProfile.of(user).durations:
            due = before_by(engagement.starts_at, lead)
            if due > now:
                wanted[engagement_key(engagement, user, lead)] = (user, due)
    late = late_notices(engagement, people, rows, before, now)
    for key, row in rows.items():
        if key not in wanted and key not in late and row.status in (Status.PENDING, Status.FAILED):
            row.status = Status.CANCELLED
            row.save(update_fields=["status", "updated_at"])
    for key, (user, due) in wanted.items():
        row = rows.get(key)
        if row is None:
            engagement_reminder(engagement, key, user, due)
        elif row.status in (Status.PENDING, Status.CANCELLED, Status.SENT) and (
            row.due_at != due or row.status == Status.CANCELLED
        ):
            arm_again(row, due)  # a sent reminder too, when the engagement moves later
    for key, user in late.items():
        row = rows.get(key)
        if row is None:
            engagement_reminder(engagement, key, user, now, details={"late": True})
        elif row.status in (Status.CANCELLED, Status.SENT):  # not waiting: arm it again
            arm_again(row, now)
    if before is not None:
        tell_those_reminded(engagement, before, people, now)


def engagement_reminder(engagement, key: str, user, due, details=None) -> Reminder:
    return Reminder.objects.create(
        key=key,
        kind=ReminderKind.ENGAGEMENT,
        recipient=user,
        engagement=engagement,
        due_at=due,
        details=details or {},
    )


def arm_again(row: Reminder, due) -> None:
    row.due_at, row.status, row.attempts, row.last_error = due, Status.PENDING, 0, ""
    row.save(update_fields=["due_at", "status", "attempts", "last_error", "updated_at"])


def late_notices(engagement, people, rows, before, now) -> dict:
    """The "late" notices the engagement wants, by key: to each person for whom it starts
    sooner than their every lead time, who has not heard of it yet (a move tells those who had
    that it changed). A notice already waiting stays; one sent is not sent again, unless the
    engagement comes back from postponed (its last word was then "cancelled")."""
    if not people or engagement.starts_at <= now:
        return {}  # begun, or nobody to tell
    came_back = before is not None and before["status"] not in LIVE_ENGAGEMENT_STATUSES
    heard = set() if came_back else heard_of(engagement)
    notices = {}
    for user in people:
        leads = StaffProfile.of(user).durations
        if not leads or any(before_by(engagement.starts_at, lead) > now for lead in leads):
            continue  # wants no reminder, or one is still to come
        key = late_key(engagement, user)
        waiting = key in rows and rows[key].status in (Status.PENDING, Status.SENDING)
        if waiting or user.pk not in heard:
            notices[key] = user
    return notices


def heard_of(engagement) -> set:
    """Who was reminded of the engagement, or is being reminded right now."""
    rows = Reminder.objects.filter(engagement=engagement, kind=ReminderKind.ENGAGEMENT)
    told = rows.filter(Q(sent_at__isnull=False) | Q(status=Status.SENDING))
    return set(told.values_list("recipient", flat=True))


def tell_those_reminded(engagement, before: dict, people, now) -> None:
    """A "changed" or "cancelled" message to whoever was already reminded of it."""
    reminded = set(
        Reminder.objects.filter(
            engagement=engagement, kind=ReminderKind.ENGAGEMENT, sent_at__isnull=False
        ).values_list("recipient", flat=True)
    )
    was_live = before["status"] in LIVE_ENGAGEMENT_STATUSES
    if not reminded or not was_live:
        return
    if not engagement.is_live:
        for user_id in reminded:
            notice(engagement, user_id, ReminderKind.CANCELLED, before, now)
        return
    moved = (before["starts_at"], before["ends_at"]) != (engagement.starts_at, engagement.ends_at)
    if moved:
        still = {user.pk for user in people}
        for user_id in reminded & still:
            notice(engagement, user_id, ReminderKind.CHANGED, before, now)


def notice(engagement, user_id, kind, before, now, *, attach=True) -> None:
    key = f"{kind}:{engagement.uid}:{user_id}:{engagement.sequence}"
    details = {
        "was_starts_at": before["starts_at"].isoformat(),
        "was_ends_at": before["ends_at"].isoformat(),
        "title_fr": engagement.title_fr,
        "title_en": engagement.title_en,
        "visit": engagement.visit.reference,
        "visit_id": engagement.visit_id,
    }
    Reminder.objects.get_or_create(
        key=key,
        defaults={
            "kind": kind,
            "recipient_id": user_id,
            "engagement": engagement if attach else None,
            "due_at": now,
            "details": details,
        },
    )


def forget_engagement(engagement: Engagement) -> None:
    """Before an engagement is deleted: those already reminded are told it is cancelled (the
    message keeps what it needs; the engagement's own rows go with it)."""
    before = {"starts_at": engagement.starts_at, "ends_at": engagement.ends_at}
    reminded = Reminder.objects.filter(
        engagement=engagement, kind=ReminderKind.ENGAGEMENT, sent_at__isnull=False
    ).values_list("recipient", flat=True)
    User = get_user_model()
    for user in User.objects.filter(pk__in=set(reminded), is_active=True):
        if may_see(user, Visit(pk=engagement.visit_id)):
            notice(
                engagement, user.pk, ReminderKind.CANCELLED, before, timezone.now(), attach=False
            )


def plan_visit_reminders(visit: Visit) -> None:
    """After a change of who is reminded (lead officer, followers, confidentiality)."""
    for engagement in visit.engagements.select_related("visit"):
        plan_engagement_reminders(engagement)
    for task in visit.checklist.all():
        plan_task_reminders(task)


def at_task_hour(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, TASK_HOUR))


def plan_task_reminders(task) -> None:
    """The responsible person on the deadline; the lead officer the day after, if not done."""
    now = timezone.now()
    visit = task.visit
    wanted = {}
    if task.done_at is None and visit.status not in CLOSED_VISIT_STATUSES:
        responsible = task.responsible
        if responsible is not None:
            wanted[f"task:{task.pk}"] = (ReminderKind.TASK, responsible, at_task_hour(task.due_on))
        if visit.lead_officer is not None:
            overdue = at_task_hour(task.due_on + timedelta(days=1))
            wanted[f"overdue:{task.pk}"] = (ReminderKind.OVERDUE, visit.lead_officer, overdue)
    rows = {row.key: row for row in Reminder.objects.select_for_update().filter(task=task)}
    for key, row in rows.items():
        if key not in wanted and row.status in (Status.PENDING, Status.FAILED):
            row.status = Status.CANCELLED
            row.save(update_fields=["status", "updated_at"])
    for key, (kind, user, due) in wanted.items():
        if due <= now and key not in rows:
            continue  # a deadline already past when the task was made: nothing to remind
        row = rows.get(key)
        if row is None:
            Reminder.objects.create(key=key, kind=kind, recipient=user, task=task, due_at=due)
        elif (
            row.status in (Status.PENDING, Status.CANCELLED, Status.FAILED)
            or (row.status == Status.SENT and due > now and due != row.due_at)
        ) and ((row.due_at, row.recipient_id, row.status) != (due, user.pk, Status.PENDING)):
            row.due_at, row.recipient, row.status = due, user, Status.PENDING
            row.save(update_fields=["due_at", "recipient", "status", "updated_at"])


def replan_for(user) -> int:
    """After a change of someone's lead times: the coming engagements they are reminded of,
    planned again, each under its visit's lock (the services' order)."""
    now = timezone.now()
    mine = Q(visit__lead_officer=user) | Q(assigned_staff=user) | Q(visit__followers=user)
    coming = Engagement.objects.filter(mine, starts_at__gt=now).values_list("pk", "visit_id")
    planned = 0
    for pk, visit_id in sorted(set(coming), key=lambda pair: (pair[1], pair[0])):
        with transaction.atomic():
            Visit.objects.select_for_update().get(pk=visit_id)
            plan_engagement_reminders(Engagement.objects.select_related("visit").get(pk=pk))
            planned += 1
    return planned
