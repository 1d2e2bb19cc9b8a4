from visits.models.api_tokens import ApiToken
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
    "Host",
    "ReferenceSequence",
    "Venue",
    "Visit",
    "VisitGuest",
    "VisitTransition",
]
