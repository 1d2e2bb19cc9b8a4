from visits.models.api_tokens import ApiToken, IdempotentRequest
from visits.models.engagements import Engagement
from visits.models.guests import Guest
from visits.models.honours import HonoraryCitizenship
from visits.models.lifecycle import VisitTransition
from visits.models.places import Host, Venue
from visits.models.references import ReferenceSequence
from visits.models.visits import Visit, VisitGuest

__all__ = [
    "ApiToken",
    "Engagement",
    "Guest",
    "HonoraryCitizenship",
    "IdempotentRequest",
    "Host",
    "ReferenceSequence",
    "Venue",
    "Visit",
    "VisitGuest",
    "VisitTransition",
]
