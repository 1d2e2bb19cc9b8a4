from visits.models.address import AddressForm
from visits.models.api_tokens import ApiToken, IdempotentRequest
from visits.models.ceremony import Attendance, Ceremony, SeatingPair
from visits.models.checklists import ChecklistTask, ChecklistTemplate, ChecklistTemplateTask
from visits.models.engagements import Engagement
from visits.models.guests import Guest
from visits.models.honours import HonoraryCitizenship
from visits.models.lifecycle import VisitTransition
from visits.models.places import Host, Venue
from visits.models.precedence import Office, OfficeHolding, PrecedenceList, PrecedenceRank
from visits.models.public_state import PublicState
from visits.models.references import ReferenceSequence
from visits.models.reminders import Reminder, ReminderKind, ReminderStatus
from visits.models.staff import StaffProfile
from visits.models.visits import Visit, VisitGuest

__all__ = [
    "AddressForm",
    "ApiToken",
    "Attendance",
    "Ceremony",
    "ChecklistTask",
    "ChecklistTemplate",
    "ChecklistTemplateTask",
    "Engagement",
    "Guest",
    "HonoraryCitizenship",
    "IdempotentRequest",
    "Host",
    "Office",
    "OfficeHolding",
    "PrecedenceList",
    "PrecedenceRank",
    "PublicState",
    "ReferenceSequence",
    "Reminder",
    "ReminderKind",
    "ReminderStatus",
    "SeatingPair",
    "StaffProfile",
    "Venue",
    "Visit",
    "VisitGuest",
    "VisitTransition",
]
