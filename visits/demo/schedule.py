"""Builds a generated visit's rows in memory: one visit, its principal guest, its programme."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

from visits.models import Engagement, Visit
from visits.models.choices import EngagementStatus

# Fixed-date public holidays in France: no reception is planned on them.
FIXED_HOLIDAYS = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}


def working_day(day: date) -> date:
    """`day`, or the next day that is neither a weekend nor a fixed public holiday."""
    while day.weekday() >= 5 or (day.month, day.day) in FIXED_HOLIDAYS:
        day += timedelta(days=1)
    return day


def programme(visit: Visit, plan: dict, day: date, start: time, venues, status) -> list[Engagement]:
    """The plan's items back to back from `start`, Paris time, each in one of `venues`."""
    zone = ZoneInfo(settings.TIME_ZONE)
    moment = datetime.combine(day, start, zone)
    engagements = []
    for position, (kind, title_fr, title_en, minutes) in enumerate(plan["items"]):
        end = moment + timedelta(minutes=minutes)
        engagements.append(
            Engagement(
                visit=visit,
                kind=kind,
                title_fr=title_fr,
                title_en=title_en,
                venue=venues[position % len(venues)],
                starts_at=moment,
                ends_at=end,
                status=status,
            )
        )
        moment = end
    return engagements


def engagement_status_for(visit_status: str) -> str:
    if visit_status in ("confirmed", "held"):
        return EngagementStatus.CONFIRMED
    if visit_status in ("declined", "cancelled"):
        return EngagementStatus.CANCELLED
    if visit_status == "postponed":
        return EngagementStatus.POSTPONED
    return EngagementStatus.TENTATIVE
