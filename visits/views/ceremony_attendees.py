"""The attendees as the office names them in the Ceremony page's forms: ONE `<datalist>` written
once a page, and text inputs that point to it (swap, pin, pair, why), parsed back here.

Why a datalist rather than selects: at a banquet of 600, a select of 600 names, written once per
tool (five, seven with the "why" question), made most of the page's time and weight, and on a
phone it is a wheel of 600 names with no search. In the input the office types any part of a
name and the browser offers the matching attendees; it works without JavaScript. Each choice
reads "12 · Jean Martin": the number is the one the order table shows (those the rules cannot
place come after, numbered on), so homonyms differ, and the server takes an attendee only when
the number and the name agree, or the name alone is one attendee's: a stale or mistyped value
is refused beside its field, never taken for someone else."""

import re
from functools import cached_property

from django.utils.html import format_html, format_html_join

from visits.views.ceremony_reading import everyone

DATALIST_ID = "ceremony-attendees"
NUMBERED = re.compile(r"^(\d+)\s*[·.:\-–—]?\s*(.+)$")


def normal(text: str) -> str:
    """For comparing what was typed: case and runs of spaces ignored."""
    return " ".join(str(text).split()).casefold()


class AttendeeList:
    """The page's attendees in order, each with the label the office picks."""

    def __init__(self, plan):
        self.people = everyone(plan)  # position n (1-based) is the n-th, the order's number
        self.keys = {one.key for one in self.people}
        self.placed = {p.attendee.key for p in plan.ranking.placed}
        names: dict[str, list[str]] = {}
        for one in self.people:
            names.setdefault(normal(one.name), []).append(one.key)
        self.by_name = names

    def labels(self):
        return (f"{number} · {one.name}" for number, one in enumerate(self.people, 1))

    @cached_property
    def datalist(self) -> str:
        """The `<datalist>`, written once (format_html_join: no template per option)."""
        options = format_html_join(
            "", '<option value="{}"></option>', ((label,) for label in self.labels())
        )
        return format_html('<datalist id="{}">{}</datalist>', DATALIST_ID, options)

    def key_of(self, typed) -> str | None:
        """The attendee key of a label of the list ("12 · Jean Martin", also "12. Jean
        Martin"), or of a name only one attendee has; None otherwise."""
        text = normal(typed or "")
        numbered = NUMBERED.match(text)
        if numbered:
            position = int(numbered[1])
            if 1 <= position <= len(self.people):
                one = self.people[position - 1]
                if normal(one.name) == numbered[2]:
                    return one.key
        named = self.by_name.get(text, ())
        return named[0] if len(named) == 1 else None
