"""The invitee's reply page in Chromium: replied to without JavaScript on a phone's width, in
both languages, then checked with axe-core at a desktop's and a phone's width; the page for a
link that opens nothing likewise. No console error (the Content-Security-Policy holds).
Screenshots: test-artefacts/screenshots/reply-<lang>[-phone][-sent|-represented].png,
reply-closed-<lang>.png."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.ceremony_factories import holder, seeded_precedence
from tests.e2e.axe import axe_violations
from tests.e2e.test_public_pages import LANGUAGES, PHONE, SCREENSHOTS
from tests.factories import EngagementFactory, GuestFactory, VenueFactory
from visits.models import Invitation, Reception
from visits.services.invitations import invite, issue_reply_token

pytestmark = pytest.mark.django_db(transaction=True)

ACCEPT = {"en": "I will attend", "fr": "J’accepte l’invitation"}
COMPANION = {
    "en": "I will come with a companion",
    "fr": "Je viendrai avec une personne qui m’accompagne",
}
SENT = {"en": "your reply is recorded", "fr": "votre réponse est enregistrée"}


@pytest.fixture
def invitation():
    engagement = EngagementFactory(
        title_fr="Réception en l’honneur du Président de la République de Finlande",
        title_en="Reception in honour of the President of the Republic of Finland",
        venue=VenueFactory(name="Salle des Fêtes", capacity=400),
    )
    Reception.objects.create(engagement=engagement, reply_by=timezone.now() + timedelta(days=5))
    guest = GuestFactory(name="Emanuela D’Alessandro", gender="f")
    return invite(engagement, [guest], by=None, companion_allowed=True, transferable=True)[0]


def address(live_server, token, language):
    with translation.override(language):
        return live_server.url + reverse("public:reply", args=[token])


@pytest.mark.parametrize("language", LANGUAGES)
def test_replying_on_a_phone_without_javascript(
    shared_chromium, anonymous_browser, axe_script, live_server, invitation, language
):
    url = address(live_server, issue_reply_token(invitation), language)
    context = shared_chromium.new_context(
        java_script_enabled=False, locale=language, viewport=PHONE
    )
    errors = []
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    try:
        assert page.goto(url).status == 200
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"reply-{language}-phone.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.get_by_label(ACCEPT[language]).check()
        page.get_by_label(COMPANION[language]).check()
        page.locator("#id_companion_name").fill("Marco Rossi")
        page.locator("#id_dietary_needs").fill("Végétarien")
        page.locator("form.reply button[type=submit]").click()
        page.wait_for_url("**?sent=1")
        assert SENT[language] in page.locator("main").inner_text()
        page.screenshot(path=SCREENSHOTS / f"reply-{language}-phone-sent.png", full_page=True)
    finally:
        context.close()
    assert errors == []
    replied = Invitation.objects.get(pk=invitation.pk)
    assert (replied.state, replied.with_companion, replied.companion_name) == (
        "accepted",
        True,
        "Marco Rossi",
    )

    checked, _errors = anonymous_browser(language, bypass_csp=True)  # axe is injected
    assert checked.goto(url).status == 200
    checked.screenshot(path=SCREENSHOTS / f"reply-{language}.png", full_page=True)
    assert axe_violations(checked, axe_script) == []
    checked.set_viewport_size(PHONE)
    assert axe_violations(checked, axe_script) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_that_opens_nothing_says_so(anonymous_browser, axe_script, live_server, language):
    page, errors = anonymous_browser(language, bypass_csp=True)
    assert page.goto(address(live_server, "no-such-token", language)).status == 404
    assert page.locator("h1").inner_text() in (
        "This link opens no invitation",
        "Ce lien n’ouvre aucune invitation",
    )
    page.screenshot(path=SCREENSHOTS / f"reply-closed-{language}.png", full_page=True)
    assert axe_violations(page, axe_script) == []
    # Chromium reports the page's own 404 as a console error; nothing else may be.
    assert [error for error in errors if "status of 404" not in error] == []


REPRESENTED = {"en": "I will be represented", "fr": "Je me ferai représenter"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_naming_a_representative_on_a_phone(shared_chromium, live_server, language):
    seeded_precedence()  # a transactional test may have flushed the offices
    engagement = EngagementFactory(venue=VenueFactory(name="Salle des Fêtes", capacity=400))
    Reception.objects.create(engagement=engagement, reply_by=timezone.now() + timedelta(days=5))
    mayor = holder("mayor_of_paris", "Anne Hidalgo", gender="f")
    invitation = invite(engagement, [mayor], by=None, transferable=True)[0]
    url = address(live_server, issue_reply_token(invitation), language)
    context = shared_chromium.new_context(
        java_script_enabled=False, locale=language, viewport=PHONE
    )
    page = context.new_page()
    try:
        assert page.goto(url).status == 200
        page.get_by_label(REPRESENTED[language]).check()
        page.locator("#id_representative_name").fill("Emmanuel Grégoire")
        page.locator("#id_representative_title").fill("Premier adjoint")
        page.locator("#id_representative_office").select_option("adjoint_au_maire")
        page.locator("#id_representative_capacity").select_option("adjoint_for_mayor")
        page.screenshot(
            path=SCREENSHOTS / f"reply-{language}-phone-represented.png", full_page=True
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.locator("form.reply button[type=submit]").click()
        page.wait_for_url("**?sent=1")
        assert "Emmanuel Grégoire" in page.locator("main").inner_text()
    finally:
        context.close()
    replied = Invitation.objects.get(pk=invitation.pk)
    assert (replied.representative_office.code, replied.representative_capacity) == (
        "adjoint_au_maire",
        "adjoint_for_mayor",
    )
