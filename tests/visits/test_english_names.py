"""Texts stored in both languages (guest titles, occasions, engagement titles, citations) read
in the reader's language wherever a person reads them, the other language only when the
reader's is empty: the public guest page and list, the honorary citizens, feeds with ?lang=en,
the reminder e-mails. (The run-sheet and the agenda have their own tests of this.)"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    ReminderFactory,
    VisitFactory,
)
from tests.public.test_guests_page import PAST
from visits.models import StaffProfile
from visits.services.messages import compose

pytestmark = pytest.mark.django_db

BOTH = {"title_fr": "Maire de Rome", "title_en": "Mayor of Rome"}
FRENCH_ONLY = {"title_fr": "Ancienne ministre", "title_en": ""}


def visit_of(guest_fields, *, on=PAST, status="held", occasion_en="Official visit"):
    guest = GuestFactory(name="Roberto Gualtieri", **guest_fields)
    visit = VisitFactory(
        principal=guest,
        starts_on=on,
        status=status,
        occasion_fr="Visite officielle",
        occasion_en=occasion_en,
    )
    engagement = EngagementFactory(
        visit=visit, title_fr="Entretien avec la maire", title_en="Meeting with the Mayor"
    )
    return guest, visit, engagement


def english_page(client, name, *args):
    with translation.override("en"):
        return client.get(reverse(name, args=args)).content.decode()


def test_the_public_guest_page_and_list_read_english_when_it_exists(client):
    guest, _visit, _engagement = visit_of(BOTH)
    for text in (english_page(client, "public:guest", guest.pk, guest.slug),
                 english_page(client, "public:guests")):  # fmt: skip
        assert "Mayor of Rome" in text and "Maire de Rome" not in text
    page = english_page(client, "public:guest", guest.pk, guest.slug)
    assert "Official visit" in page and "Visite officielle" not in page


def test_the_public_pages_fall_back_to_french_when_no_english_was_written(client):
    guest, _visit, _engagement = visit_of(FRENCH_ONLY, occasion_en="")
    page = english_page(client, "public:guest", guest.pk, guest.slug)
    assert "Ancienne ministre" in page and "Visite officielle" in page
    assert "Ancienne ministre" in english_page(client, "public:guests")


def test_the_honorary_citizens_read_english_titles_and_citations(client):
    HonoraryCitizenshipFactory(
        honoree=GuestFactory(name="Ingrid Betancourt", **BOTH),
        citation_fr="Pour son courage.",
        citation_en="For her courage.",
    )
    HonoraryCitizenshipFactory(honoree=GuestFactory(name="Other", **FRENCH_ONLY))
    text = english_page(client, "public:honorary_citizens")
    assert "Mayor of Rome" in text and "For her courage." in text and "Ancienne ministre" in text
    assert "Maire de Rome" not in text and "Pour son courage." not in text


def test_an_english_feed_reads_english_titles_and_occasions(client):
    day = timezone.localdate() + timedelta(days=5)
    _guest, _visit, engagement = visit_of(BOTH, on=day, status="confirmed")
    engagement.status = "confirmed"
    engagement.save()
    text = client.get("/calendars/public.ics?lang=en").content.replace(b"\r\n ", b"").decode()
    assert "SUMMARY:Meeting with the Mayor: Roberto Gualtieri" in text
    assert "DESCRIPTION:Official visit" in text
    assert "Entretien" not in text and "Visite officielle" not in text


def test_an_english_reminder_reads_english_titles_and_occasions(staff_member):
    staff_member.email = "staff@example.org"
    staff_member.save()
    StaffProfile.objects.create(user=staff_member, language="en")
    day = timezone.localdate() + timedelta(days=5)
    _guest, _visit, engagement = visit_of(BOTH, on=day, status="confirmed")
    message = compose(ReminderFactory(recipient=staff_member, engagement=engagement))
    body = message.body + message.alternatives[0][0]
    assert "Meeting with the Mayor" in message.subject and "Official visit" in body
    assert "Entretien" not in message.subject + body and "Visite officielle" not in body
