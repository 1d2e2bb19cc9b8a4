from visits.models.api_tokens import ApiToken, IdempotentRequest
from visits.models.checklists import ChecklistTask, ChecklistTemplate, ChecklistTemplateTask
from visits.models.engagements import Engagement
from visits.models.guests import Guest
from visits.models.honours import HonoraryCitizenship
from visits.models.lifecycle import VisitTransition
from visits.models.places import Host, Venue
from visits.models.public_state import PublicState
from visits.models.references import ReferenceSequence
from visits.models.reminders import Reminder, ReminderKind, ReminderStatus
from visits.models.staff import StaffProfile
from visits.models.visits import Visit, VisitGuest

__all__ = [
    "ApiToken",
    "ChecklistTask",
    "ChecklistTemplate",
    "ChecklistTemplateTask",
    "Engagement",
    "Guest",
    "HonoraryCitizenship",
    "IdempotentRequest",
    "Host",
    "PublicState",
    "ReferenceSequence",
    "Reminder",
    "ReminderKind",
    "ReminderStatus",
    "StaffProfile",
    "Venue",
    "Visit",
    "VisitGuest",
    "VisitTransition",
]
