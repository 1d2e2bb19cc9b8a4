"""A visit's retro-planning: tasks from its kind's template, deadlines relative to its first
day, each with a reminder on its deadline and an escalation when overdue."""

from datetime import timedelta

from visits.models import ChecklistTask, ChecklistTemplate, Visit
from visits.services.reminders import plan_task_reminders


def give_checklist(visit: Visit) -> list[ChecklistTask]:
    """The tasks of the template for the visit's kind (none if there is no template)."""
    template = ChecklistTemplate.objects.filter(visit_kind=visit.kind).first()
    if template is None:
        return []
    tasks = ChecklistTask.objects.bulk_create(
        ChecklistTask(
            visit=visit,
            title_fr=step.title_fr,
            title_en=step.title_en,
            days_from_visit=step.days_from_visit,
            due_on=visit.starts_on + timedelta(days=step.days_from_visit),
        )
        for step in template.tasks.all()
    )
    for task in tasks:
        plan_task_reminders(task)
    return tasks


def follow_visit_dates(visit: Visit) -> None:
    """The visit moved: every deadline moves with it, and so do their reminders."""
    for task in visit.checklist.select_for_update():
        task.due_on = visit.starts_on + timedelta(days=task.days_from_visit)
        ChecklistTask.objects.filter(pk=task.pk).update(due_on=task.due_on)  # no signal
        plan_task_reminders(task)
