from visits.models.address import AddressForm
from visits.models.agreements import Agreement, AgreementAction, AgreementText
from visits.models.api_tokens import ApiToken, IdempotentRequest
from visits.models.ceremony import Attendance, Ceremony, SeatingPair
from visits.models.checklists import ChecklistTask, ChecklistTemplate, ChecklistTemplateTask
from visits.models.engagements import Engagement
from visits.models.gifts import Gift, GiftPhoto, GiftRegisterOptions
from visits.models.golden_book import GoldenBookSignature
from visits.models.guests import Guest
from visits.models.honours import HonoraryCitizenship
from visits.models.invitations import AddressCard, Invitation, Reception, Reply
from visits.models.lifecycle import VisitTransition
from visits.models.places import Host, Venue
from visits.models.precedence import Office, OfficeHolding, PrecedenceList, PrecedenceRank
from visits.models.public_state import PublicState
from visits.models.references import ReferenceSequence
from visits.models.reminders import Reminder, ReminderKind, ReminderStatus
from visits.models.staff import StaffProfile
from visits.models.visits import Visit, VisitGuest

__all__ = [
    "Agreement",
    "AgreementAction",
    "AgreementText",
    "AddressCard",
    "AddressForm",
    "ApiToken",
    "Attendance",
    "Ceremony",
    "ChecklistTask",
    "ChecklistTemplate",
    "ChecklistTemplateTask",
    "Engagement",
    "Gift",
    "GiftPhoto",
    "GiftRegisterOptions",
    "GoldenBookSignature",
    "Guest",
    "HonoraryCitizenship",
    "IdempotentRequest",
    "Host",
    "Invitation",
    "Office",
    "OfficeHolding",
    "PrecedenceList",
    "PrecedenceRank",
    "PublicState",
    "Reception",
    "ReferenceSequence",
    "Reminder",
    "ReminderKind",
    "ReminderStatus",
    "Reply",
    "SeatingPair",
    "StaffProfile",
    "Venue",
    "Visit",
    "VisitGuest",
    "VisitTransition",
]
