"""The closed vocabularies of the protocol office (DESIGN.md, "Words we use")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GuestKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")
    CITY = "city", _("City")
    GROUP = "group", _("Group")


class GuestCategory(models.TextChoices):
    HEAD_OF_STATE = "head_of_state", _("Head of state")
    HEAD_OF_GOVERNMENT = "head_of_government", _("Head of government")
    ROYAL = "royal", _("Royal")
    MINISTER = "minister", _("Minister")
    AMBASSADOR = "ambassador", _("Ambassador")
    MAYOR = "mayor", _("Mayor")
    PARLIAMENTARIAN = "parliamentarian", _("Parliamentarian")
    INTERNATIONAL_OFFICIAL = "international_official", _("International official")
    PROMINENT_FIGURE = "prominent_figure", _("Prominent figure")
    ORGANISATION = "organisation", _("Organisation")
    CITY = "city", _("City")
    OTHER = "other", _("Other")


class GrammaticalGender(models.TextChoices):
    # Decides agreement in French letters and titles ("Monsieur le Président", "Madame la Maire").
    FEMININE = "f", _("Feminine")
    MASCULINE = "m", _("Masculine")
    NEUTRAL = "n", _("Neutral or unknown")


class VisitKind(models.TextChoices):
    STATE_VISIT = "state_visit", _("State visit")
    OFFICIAL_VISIT = "official_visit", _("Official visit")
    WORKING_VISIT = "working_visit", _("Working visit")
    MAYOR_VISIT = "mayor_visit", _("Mayor's visit")
    HONORARY_CITIZENSHIP = "honorary_citizenship", _("Honorary citizenship ceremony")
    TWINNING = "twinning", _("Twinning or friendship pact")
    RECEPTION = "reception", _("Reception")
    OTHER = "other", _("Other")


class VisitStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    UNDER_REVIEW = "under_review", _("Under review")
    APPROVED = "approved", _("Approved")
    CONFIRMED = "confirmed", _("Confirmed")
    HELD = "held", _("Held")
    DECLINED = "declined", _("Declined")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


# What the public may ever see of a visit: announced or held, never a request in progress.
PUBLISHED_VISIT_STATUSES = (VisitStatus.CONFIRMED, VisitStatus.HELD)
# A visit that will not take place as planned: its programme takes no tentative or confirmed
# engagement, and its checklist reminds nobody.
CLOSED_VISIT_STATUSES = (VisitStatus.DECLINED, VisitStatus.POSTPONED, VisitStatus.CANCELLED)


class Confidentiality(models.TextChoices):
    PUBLIC = "public", _("Public")
    RESTRICTED = "restricted", _("Restricted (City Hall staff)")
    CONFIDENTIAL = "confidential", _("Confidential")


class RequestChannel(models.TextChoices):
    EMBASSY = "embassy", _("Embassy")
    FOREIGN_MINISTRY = "foreign_ministry", _("Ministry for Foreign Affairs")
    ELYSEE = "elysee", _("Presidency of the Republic")
    MAYORS_CABINET = "mayors_cabinet", _("Mayor's cabinet")
    COUNCIL = "council", _("Conseil de Paris")
    CITY = "city", _("Another city")
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Telephone")
    OTHER = "other", _("Other")


class DelegationRole(models.TextChoices):
    PRINCIPAL = "principal", _("Principal guest")
    SPOUSE = "spouse", _("Spouse or partner")
    MINISTER = "minister", _("Minister")
    AMBASSADOR = "ambassador", _("Ambassador")
    ELECTED = "elected", _("Elected official")
    ADVISER = "adviser", _("Adviser")
    INTERPRETER = "interpreter", _("Interpreter")
    SECURITY = "security", _("Security")
    PRESS = "press", _("Press")
    PROXY = "proxy", _("Representative (by proxy)")
    MEMBER = "member", _("Delegation member")


class EngagementKind(models.TextChoices):
    RECEPTION = "reception", _("Reception")
    HONORARY_CITIZENSHIP = "honorary_citizenship", _("Honorary citizenship ceremony")
    GOLDEN_BOOK = "golden_book", _("Golden Book signing")
    MEETING = "meeting", _("Meeting")
    PRESS_POINT = "press_point", _("Press point")
    LUNCH = "lunch", _("Lunch")
    DINNER = "dinner", _("Dinner")
    TOUR = "tour", _("Tour of City Hall")
    WELCOME = "welcome", _("Welcome on arrival")
    OTHER = "other", _("Other")


class EngagementStatus(models.TextChoices):
    TENTATIVE = "tentative", _("Tentative")
    CONFIRMED = "confirmed", _("Confirmed")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


# An engagement that holds its room, hosts and guests; the others free them.
LIVE_ENGAGEMENT_STATUSES = (EngagementStatus.TENTATIVE, EngagementStatus.CONFIRMED)


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class HonourStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    VOTED = "voted", _("Voted by the Conseil de Paris")
    CONFERRED = "conferred", _("Conferred")
