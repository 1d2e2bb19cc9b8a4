"""A feed's bytes, rendering only the events that changed since this process last wrote them.

An event's text is a function of its row's (pk, sequence, updated_at), the language and the
audience: every change a calendar shows bumps the sequence (DESIGN.md, decision 2), renaming a
room, host or guest included. So the texts are kept by that key, in this process, and a feed of
thousands of events costs one query for its rows and a join, plus the few that changed.
"""

from django.conf import settings
from django.utils import timezone, translation

from calendar_feeds.content import calendar_text, event_text
from calendar_feeds.selection import with_details
from visits.models import Engagement

TEXTS: dict[tuple, str] = {}
KEPT = 50_000  # events, about 50 MB at worst; then the memo starts again


def text_key(pk, sequence, updated_at, language, staff) -> tuple:
    return (pk, sequence, updated_at, language, staff)


def feed_bytes(engagements, *, name: str, language: str, staff: bool, first_day) -> bytes:
    """`engagements`: the feed's queryset (through the door, ordered)."""
    rows = list(engagements.values_list("pk", "sequence", "updated_at", "ends_at"))
    wanted = {pk: text_key(pk, seq, updated, language, staff) for pk, seq, updated, _ in rows}
    texts = {pk: TEXTS[key] for pk, key in wanted.items() if key in TEXTS}
    missing = [pk for pk in wanted if pk not in texts]
    if missing:
        if len(TEXTS) + len(missing) > KEPT:
            TEXTS.clear()
        with translation.override(language), timezone.override(settings.TIME_ZONE):
            for engagement in with_details(Engagement.objects.filter(pk__in=missing)):
                # Keyed by the row as now read: it may have changed since the first query.
                key = text_key(
                    engagement.pk, engagement.sequence, engagement.updated_at, language, staff
                )
                texts[engagement.pk] = TEXTS[key] = event_text(engagement, staff=staff)
    last_day = max((timezone.localdate(ends_at) for *_, ends_at in rows), default=first_day)
    events = [texts[pk] for pk, *_ in rows if pk in texts]  # a row deleted meanwhile: gone
    return calendar_text(name=name, first_day=first_day, last_day=last_day, events=events)
