"""Every write of the domain (DESIGN.md, decision 2): admin, API and commands call these."""

from visits.services.checklist_tasks import add_task, delete_task, update_task
from visits.services.delegation import change_delegation
from visits.services.directory import create_record, delete_record, update_record
from visits.services.engagements import (
    cancel_engagement,
    change_engagement_hosts,
    change_engagement_venue,
    confirm_engagement,
    create_engagement,
    delete_engagement,
    postpone_engagement,
    reschedule_engagement,
    update_engagement,
)
from visits.services.errors import Conflict, RuleBroken, TransitionRefused
from visits.services.honours import create_honour, delete_honour, update_honour
from visits.services.lifecycle import allowed_moves, move_visit
from visits.services.visits import create_visit, delete_visit, update_visit

__all__ = [
    "Conflict",
    "RuleBroken",
    "TransitionRefused",
    "add_task",
    "allowed_moves",
    "cancel_engagement",
    "change_delegation",
    "change_engagement_hosts",
    "change_engagement_venue",
    "confirm_engagement",
    "create_honour",
    "create_record",
    "create_engagement",
    "delete_engagement",
    "delete_honour",
    "delete_record",
    "delete_task",
    "move_visit",
    "postpone_engagement",
    "reschedule_engagement",
    "update_engagement",
    "update_honour",
    "update_record",
    "update_task",
    "create_visit",
    "delete_visit",
    "update_visit",
]
