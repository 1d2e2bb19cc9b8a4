"""Paris and its partner cities in Chromium, with the demo's real agreements, in both languages,
at a desktop's and a phone's width: the map drawn on the server with a point per city in force
(each a link), the tables, an agreement's page; nothing scrolls sideways; axe-core finds
nothing. Screenshots: test-artefacts/screenshots/partner-cities-<lang>[-phone].png and
partner-<lang>[-phone].png."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.e2e.axe import axe_violations
from tests.e2e.test_public_pages import LANGUAGES, PHONE, SCREENSHOTS
from visits.demo.agreements import add_demo_agreements
from visits.models import Agreement

pytestmark = pytest.mark.django_db(transaction=True)
HEADING = {"en": "Paris and its partner cities", "fr": "Paris et ses villes partenaires"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_partner_cities_on_a_desktop_and_a_phone(
    anonymous_browser, axe_script, live_server, language
):
    add_demo_agreements()
    cities_in_force = {
        (a.partner_city_en, a.country.code) for a in Agreement.objects.filter(status="in_force")
    }
    page, errors = anonymous_browser(language, bypass_csp=True)  # axe is injected
    with translation.override(language):
        url = live_server.url + reverse("public:partner_cities")
    assert page.goto(url).status == 200
    assert page.locator("h1").inner_text() == HEADING[language]
    assert page.locator("svg.world-map .places a").count() == len(cities_in_force)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"partner-cities-{language}.png", full_page=True)
    assert axe_violations(page, axe_script) == []

    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / f"partner-cities-{language}-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(page, axe_script) == []

    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("svg.world-map .places a").first.click()  # Rome, the first signed
    page.wait_for_load_state()
    assert "Rome" in page.locator("h1").inner_text()
    assert page.locator("ul.actions li").count() == 2  # the demo's, marked as invented
    page.screenshot(path=SCREENSHOTS / f"partner-{language}.png", full_page=True)
    assert axe_violations(page, axe_script) == []
    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / f"partner-{language}-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert errors == []
