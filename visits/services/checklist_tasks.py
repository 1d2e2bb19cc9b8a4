"""A visit's checklist edited by hand: a task added, assigned, ticked off or removed. Each write
plans the task's reminders again in its transaction (DESIGN.md, decision 4), whoever makes it."""

from django.db import transaction

from visits.models import ChecklistTask, Visit
from visits.services.attribution import authorize
from visits.services.directory import refuse_unknown, validate_and_save
from visits.services.reminders import plan_task_reminders

TASK_FIELDS = ("title_fr", "title_en", "days_from_visit", "assignee", "done_at")


@transaction.atomic
def add_task(visit: Visit, *, by, **fields) -> ChecklistTask:
    refuse_unknown(ChecklistTask, fields, TASK_FIELDS)
    visit = locked_visit(visit.pk, by, "visits.add_checklisttask")
    task = ChecklistTask(visit=visit, **fields)
    save_task(task)
    return task


@transaction.atomic
def update_task(task: ChecklistTask, *, by, **changes) -> ChecklistTask:
    refuse_unknown(ChecklistTask, changes, TASK_FIELDS)
    visit = locked_visit(task.visit_id, by, "visits.change_checklisttask")
    current = ChecklistTask.objects.select_for_update().get(pk=task.pk)
    current.visit = visit
    changed = [name for name, value in changes.items() if getattr(current, name) != value]
    if not changed:
        return current
    for name in changed:
        setattr(current, name, changes[name])
    save_task(current)
    return current


@transaction.atomic
def delete_task(task: ChecklistTask, *, by) -> None:
    """Its reminders go with it (none is due for a task that no longer exists)."""
    locked_visit(task.visit_id, by, "visits.delete_checklisttask")
    ChecklistTask.objects.select_for_update().get(pk=task.pk).delete()


def locked_visit(pk, by, permission: str) -> Visit:
    """The visit first, as every service locks it; `by` holds `permission` and may see it."""
    visit = Visit.objects.select_for_update().get(pk=pk)
    authorize(by, permission, visit)
    return visit


def save_task(task: ChecklistTask) -> None:
    task.follow_the_visit()  # before validation, which wants a deadline
    validate_and_save(task)
    plan_task_reminders(task)
