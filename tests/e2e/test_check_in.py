"""The entrance in Chromium, as the staff at the door use it on a phone, in both languages:
the invitee shows the QR code of their reply page, the staff's phone opens its URL and marks
them arrived; a second scan says they already are; a name typed without its accents finds its
invitee. Each page: no console error, no sideways scroll on a phone, axe-core clean, and
screenshots test-artefacts/screenshots/staff-check-in[-code]-<lang>[-phone].png."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.conftest import user_in
from tests.e2e import test_staff_pages as staff_pages
from tests.e2e.test_staff_pages import LANGUAGES, PHONE, check_both_widths
from tests.factories import EngagementFactory, GuestFactory
from visits.models import Attendance, Invitation, Reception
from visits.models.invitations import Answer
from visits.roles import STAFF
from visits.services.invitations import invite, issue_reply_token, reply

pytestmark = pytest.mark.django_db(transaction=True)
staff_tab = staff_pages.staff_tab  # the staff pages' signed-in tab: a fixture

TITLE = {"en": "Reception for Finland", "fr": "Réception pour la Finlande"}
ARRIVED = {"en": "arrived at", "fr": "arrivée enregistrée à"}
ALREADY = {"en": "Already arrived, at", "fr": "Arrivée déjà enregistrée, à"}


@pytest.fixture
def evening():
    engagement = EngagementFactory(title_en=TITLE["en"], title_fr=TITLE["fr"])
    Reception.objects.create(engagement=engagement, reply_by=timezone.now() + timedelta(days=3))
    guests = [GuestFactory(name=name) for name in ("Émilie Durand", "Jean Martin", "Lea Roux")]
    invited = invite(engagement, guests, by=None)
    reply(invited[0], answer=Answer.ACCEPT)
    Attendance.objects.create(engagement=engagement, guest=guests[0], table=4, seat=2)
    return engagement, invited[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_qr_code_shown_by_the_invitee_checks_them_in_once(
    staff_tab, live_server, axe_script, evening, language
):
    _engagement, emilie = evening
    with translation.override(language):
        reply_url = live_server.url + reverse("public:reply", args=[issue_reply_token(emilie)])
    guest_tab, _guest_errors = staff_tab(language)  # the invitee's phone, signed out
    guest_tab.goto(reply_url)
    # The URL the QR code carries is the door code's page (read from the invitation: the
    # browser cannot read a QR code).
    assert guest_tab.locator(".door-qr svg").count() == 1
    code_url = live_server.url + reverse("staff:door_code", args=[emilie.door_code])

    page, errors = staff_tab(language, user_in(STAFF, "door"))
    page.set_viewport_size(PHONE)
    assert page.goto(code_url).status == 200
    check_both_widths(page, axe_script, "check-in-code", language, "Émilie Durand")
    page.set_viewport_size(PHONE)
    page.locator("button.arrive").click()
    assert ARRIVED[language] in page.locator("main").inner_text()
    page.goto(code_url)  # scanned again
    assert ALREADY[language] in page.locator("main").inner_text()
    assert Invitation.objects.filter(arrived_at__isnull=False).count() == 1
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_name_typed_without_accents_finds_the_invitee(
    staff_tab, live_server, axe_script, evening, language
):
    engagement, _emilie = evening
    page, errors = staff_tab(language, user_in(STAFF, "door"))
    url = live_server.url + reverse("staff:check_in", args=[engagement.uid])
    assert page.goto(url).status == 200
    page.locator("#door-q").fill("emilie")
    page.locator("form.door-search button").click()
    page.wait_for_url(re.compile(r".*\?q=emilie$"))
    found = page.locator("ul.arrivals li")
    assert found.count() == 1 and "Émilie Durand" in found.inner_text()
    check_both_widths(page, axe_script, "check-in", language, TITLE[language])
    page.set_viewport_size(PHONE)
    found.locator("button.arrive").click()
    assert "Émilie Durand" in page.locator(".notice").inner_text()
    assert errors == []
