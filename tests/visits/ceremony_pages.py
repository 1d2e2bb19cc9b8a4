"""What the tests of the Ceremony page share: the office's client, the order of precedence
seeded for every test, and how a page is read and a form posted."""

import re
from html import unescape

import pytest

from tests.ceremony_factories import ceremony_url, seeded_precedence, signed_in_as
from tests.visits.staff_pages import page_of
from visits.models import Ceremony


@pytest.fixture(autouse=True)
def precedence(db):
    seeded_precedence()


@pytest.fixture(name="office_client")
def office_client_fixture(officer):
    """Imported by this name, so that the tests' `office_client` argument shadows no import."""
    return signed_in_as(officer)


def revision_of(made) -> int:
    found = Ceremony.objects.filter(engagement=made).first()
    return found.revision if found else 0


def post(client, made, action, **fields):
    fields.setdefault("revision", revision_of(made))
    return client.post(ceremony_url(made), {"action": action, **fields})


def order_of(response) -> list[list[str]]:
    """The order's rows as read: position, attendee, rank, why; the step rows left out."""
    rows = page_of(response).sections["Order of precedence"]
    return [row[:4] for row in rows if len(row) > 1]


def names_in_order(response) -> list[str]:
    html = response.content.decode()
    return re.findall(
        r'<tr id="attendee-\d+">\s*<td class="position">\d+</td>\s*<td><strong>([^<]+)', html
    )


def steps_of(response) -> list[str]:
    rows = page_of(response).sections["Order of precedence"]
    return [row[0] for row in rows if len(row) == 1]


def listed(response) -> dict[str, str]:
    """The page's one list of attendees: name -> the label picked ("2 · Anne Hidalgo")."""
    html = response.content.decode()
    assert html.count("<datalist") == 1
    found = re.search(r'<datalist id="ceremony-attendees">(.*?)</datalist>', html, re.S)
    labels = [unescape(value) for value in re.findall(r'<option value="([^"]*)">', found[1])]
    return {label.split(" · ", 1)[1]: label for label in labels}


def why_of(response) -> str:
    """The answer to "why does one come before the other?", as read."""
    found = re.search(
        r'<div class="notice why-answer" role="status">(.*?)</div>', response.content.decode(), re.S
    )
    return " ".join(unescape(re.sub(r"<[^>]+>", "", found[1])).split()) if found else ""


def why_errors(response) -> list[str]:
    html = response.content.decode()
    section = re.search(r'<section class="panel why no-print" id="why".*?</section>', html, re.S)
    return re.findall(r'<p class="errorlist">([^<]+)</p>', section[0])


def seating_of(client, made):
    return page_of(client.get(ceremony_url(made))).sections["Seating plan"]
