"""One engagement as iCalendar (RFC 5545), for the file attached to reminders. Deterministic
(DESIGN.md, decision 5): DTSTAMP and LAST-MODIFIED come from the data, never the clock; no
ORGANIZER, so calendar apps do not write to anyone."""

from datetime import date, timedelta

import icalendar
from django.utils import timezone, translation

from visits.models import Engagement

PRODID = "-//Hôtel de Ville de Paris//Protocol scheduler//FR"
STATUS = {"tentative": "TENTATIVE", "confirmed": "CONFIRMED"}  # postponed too: CANCELLED


def engagement_event(engagement: Engagement, language: str) -> icalendar.Event:
    local = timezone.get_default_timezone()
    event = icalendar.Event()
    event.add("uid", f"{engagement.uid}@protocol")
    event.add("sequence", engagement.sequence)
    event.add("dtstamp", engagement.updated_at)
    event.add("last-modified", engagement.updated_at)
    event.add("dtstart", engagement.starts_at.astimezone(local))
    event.add("dtend", engagement.ends_at.astimezone(local))
    with translation.override(language):
        event.add("summary", engagement.title)
        place = engagement.venue.name if engagement.venue else engagement.location
        event.add("location", place)
    event.add("status", STATUS.get(engagement.status, "CANCELLED"))
    return event


def engagement_calendar(engagement: Engagement, language: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(engagement_event(engagement, language))
    day = timezone.localdate(engagement.starts_at)
    calendar.add_missing_timezones(
        first_date=date(day.year, 1, 1), last_date=day + timedelta(days=366)
    )
    return calendar.to_ical()
