"""A feed's bytes, rendering only the events that changed since this process last wrote them.

An event's text is a function of its row's (pk, sequence, updated_at), the language and the
audience: every change a calendar shows bumps the sequence (DESIGN.md, decision 2), renaming a
room, host or guest included. So the texts are kept by that key, in this process, and a feed of
thousands of events costs one query for its rows and a join, plus the few that changed.
"""

from django.conf import settings
from django.utils import timezone, translation

from calendar_feeds.busy import busy_text
from visits.ical.content import Words, calendar_text, event_text
from visits.ical.events import as_text, load_events, moment_of

TEXTS: dict[tuple, str] = {}
KEPT = 50_000  # events, about 50 MB at worst; then the memo starts again


def text_key(pk, sequence, updated_at, language, staff) -> tuple:
    return (pk, sequence, updated_at, language, staff)


def feed_bytes(engagements, *, name: str, language: str, staff: bool, first_day, busy=()) -> bytes:
    """`engagements`: the feed's queryset (through the door, ordered); `busy`: (engagement UID,
    start, end) of the busy blocks it shows after them (`calendar_feeds.busy`)."""
    # Read as the database writes it: thousands of timestamps would otherwise each be parsed
    # into a datetime only to be compared, which costs more than rendering the feed.
    rows = engagements.values_list("pk", "sequence", as_text("updated_at"), as_text("ends_at"))
    rows = list(rows)
    wanted = {pk: text_key(pk, seq, updated, language, staff) for pk, seq, updated, _ in rows}
    texts = {pk: text for pk, key in wanted.items() if (text := TEXTS.get(key)) is not None}
    missing = [pk for pk in wanted if pk not in texts]
    if missing:
        if len(TEXTS) + len(missing) > KEPT:
            TEXTS.clear()
        # Through the door again: what changed since the first query is judged anew. When
        # most are missing (a process's first render), all are read again rather than named.
        wanted_now = set(missing)
        most = 2 * len(missing) > len(rows)
        details = (engagements if most else engagements.filter(pk__in=missing)).order_by()
        with translation.override(language), timezone.override(settings.TIME_ZONE):
            words = Words.current()
            for pk, sequence, updated, event in load_events(details, language):
                if pk not in wanted_now:
                    continue
                # Keyed by the row as now read: it may have changed since the first query.
                texts[pk] = TEXTS[text_key(pk, sequence, updated, language, staff)] = event_text(
                    event, staff=staff, words=words
                )
    last_end = max((ends_at for *_, ends_at in rows), default=None)  # the same format: in order
    last_day = timezone.localdate(moment_of(last_end)) if last_end else first_day
    events = [texts[pk] for pk, *_ in rows if pk in texts]  # a row deleted meanwhile: gone
    if busy:  # a few, each a line or two: rendered at each fetch
        with translation.override(language), timezone.override(settings.TIME_ZONE):
            events += [busy_text(*block) for block in busy]
        last_day = max(last_day, *(timezone.localdate(ends_at) for *_, ends_at in busy))
    return calendar_text(name=name, first_day=first_day, last_day=last_day, events=events)
