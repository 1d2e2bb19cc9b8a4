"""A visit's retro-planning: tasks from its kind's template, deadlines relative to its first
day, each with a reminder on its deadline and an escalation when overdue."""

from datetime import timedelta

from django.utils import timezone

from visits.models import ChecklistTask, ChecklistTemplate, Reminder, ReminderStatus, Visit
from visits.services.reminders import plan_task_reminders


def steps_of(kind: str) -> dict:
    """The template's steps for a kind of visit, by (French title, day)."""
    template = ChecklistTemplate.objects.filter(visit_kind=kind).first()
    steps = template.tasks.all() if template is not None else []
    return {(step.title_fr, step.days_from_visit): step for step in steps}


def add_tasks(visit: Visit, steps) -> list[ChecklistTask]:
    tasks = ChecklistTask.objects.bulk_create(
        ChecklistTask(
            visit=visit,
            title_fr=step.title_fr,
            title_en=step.title_en,
            days_from_visit=step.days_from_visit,
            due_on=visit.starts_on + timedelta(days=step.days_from_visit),
        )
        for step in steps
    )
    for task in tasks:
        plan_task_reminders(task)
    return tasks


def give_checklist(visit: Visit) -> list[ChecklistTask]:
    """The tasks of the template for the visit's kind (none if there is no template)."""
    return add_tasks(visit, steps_of(visit.kind).values())


def follow_visit_kind(visit: Visit, was: str) -> None:
    """The visit changed kind: it gets the new kind's tasks it lacks, and loses the old kind's
    that the new one does not have and nobody has taken up (not done, no assignee, no reminder
    sent, deadline not past). Work begun, what was said, and tasks added by hand stay."""
    old, new = steps_of(was), steps_of(visit.kind)
    have = {(task.title_fr, task.days_from_visit): task for task in visit.checklist.all()}
    today = timezone.localdate()
    reminded = set(
        Reminder.objects.filter(task__visit=visit, status=ReminderStatus.SENT).values_list(
            "task_id", flat=True
        )
    )
    for key, task in have.items():
        untouched = task.done_at is None and task.assignee_id is None and task.pk not in reminded
        if key in old and key not in new and untouched and task.due_on >= today:
            task.delete()  # and its reminders, none of them sent
    add_tasks(visit, [step for key, step in new.items() if key not in have])


def follow_visit_dates(visit: Visit) -> None:
    """The visit moved: every deadline moves with it, and so do their reminders."""
    for task in visit.checklist.select_for_update():
        task.visit = visit
        task.follow_the_visit()
        ChecklistTask.objects.filter(pk=task.pk).update(due_on=task.due_on)  # no signal
        plan_task_reminders(task)
