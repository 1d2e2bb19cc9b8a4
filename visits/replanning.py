"""Changes made outside the services (the admin's many-to-many widgets and checklist inline)
that change who is reminded of what: the reminders are planned again, in the same transaction."""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from visits.models import ChecklistTask, Engagement, Visit
from visits.services.reminders import (
    plan_engagement_reminders,
    plan_task_reminders,
    plan_visit_reminders,
)

CHANGES = ("post_add", "post_remove", "post_clear")


@receiver(m2m_changed, sender=Visit.followers.through)
def followers_changed(sender, instance, action, reverse, **kwargs):
    if action in CHANGES and not reverse:
        plan_visit_reminders(instance)


@receiver(m2m_changed, sender=Engagement.assigned_staff.through)
def assigned_staff_changed(sender, instance, action, reverse, **kwargs):
    if action in CHANGES and not reverse:
        plan_engagement_reminders(instance)


@receiver(post_save, sender=ChecklistTask)
def task_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        plan_task_reminders(instance)
