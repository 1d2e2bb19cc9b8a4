"""Helpers for the tests of the staff pages: the agenda and the run-sheet.

Times are written in UTC here and read in Paris time on the pages (UTC+2 in July, UTC+1 in
winter). Pages are read in English unless a test is about French.
"""

import re
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser

from django.test import Client
from django.urls import reverse

from tests.factories import (
    EngagementFactory,
    GuestFactory,
    VisitFactory,
)

MONDAY = date(2027, 7, 12)  # a week of July 2027, Monday 12 to Sunday 18
TUESDAY = date(2027, 7, 13)


def utc(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def agenda_url(day: date = MONDAY, period: str = "week") -> str:
    return reverse("staff:agenda", args=[period, day])


def signed_in(user, language: str = "en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def visit_of(guest_name: str, **fields):
    fields.setdefault("starts_on", TUESDAY)
    return VisitFactory(principal=GuestFactory(name=guest_name), **fields)


def engagement(visit, starts_at: datetime, minutes: int = 60, hosts=(), **fields):
    fields.setdefault("status", "confirmed")
    made = EngagementFactory(
        visit=visit, starts_at=starts_at, ends_at=starts_at + timedelta(minutes=minutes), **fields
    )
    made.hosts.set(hosts)
    return made


def norm(parts) -> str:
    return " ".join("".join(parts).split())


class PageText(HTMLParser):
    """What a reader sees of a page: each `<h2>` with the rows of cells under it, and links."""

    def __init__(self, html: str):
        super().__init__()
        self.sections: dict[str, list[list[str]]] = {}
        self.links: dict[str, str] = {}
        self._heading = self._row = self._cell = None
        self._current: list[list[str]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "h2":
            self._heading = []
        elif tag == "tr":
            self._row = []
        elif tag == "td" and self._row is not None:
            self._cell = []
        elif tag == "br":
            self.handle_data(" ")
        elif tag == "a" and "rel" in attributes:
            self.links[attributes["rel"]] = attributes["href"]

    def handle_endtag(self, tag):
        if tag == "h2":
            self._current = self.sections.setdefault(norm(self._heading), [])
            self._heading = None
        elif tag == "td" and self._cell is not None:
            self._row.append(norm(self._cell))
            self._cell = None
        elif tag == "tr":
            if self._row:
                self._current.append(self._row)
            self._row = None

    def handle_data(self, data):
        for collected in (self._cell, self._heading):
            if collected is not None:
                collected.append(data)
                return


def visible_text(response) -> str:
    return norm(re.sub(r"<[^>]+>", " ", response.content.decode()))


def page_of(response) -> PageText:
    assert response.status_code == 200, response.status_code
    return PageText(response.content.decode())


def listed(response) -> list[str]:
    """The agenda's items in page order: English titles, or "busy" for a busy block."""
    return [
        "busy" if item.is_busy_block else item.engagement.title_en
        for agenda_day in response.context["days"]
        for item in agenda_day.items
    ]
