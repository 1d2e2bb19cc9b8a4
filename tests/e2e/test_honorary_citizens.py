"""The honorary citizens page in Chromium, in both languages, at a desktop's and a phone's width:
a ceremony held reads as its day, one to come as planned, a citation in the other language is
marked as such; on a phone each honour is a card (each cell under its column's name) and
nothing scrolls sideways; axe-core finds nothing at either width. Screenshots:
test-artefacts/screenshots/honorary-citizens-<lang>[-phone].png."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.e2e.axe import axe_violations
from tests.e2e.test_public_pages import LANGUAGES, PHONE, SCREENSHOTS
from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

PARIS = timezone.get_default_timezone()
PLANNED = {"en": "Ceremony planned for", "fr": "Cérémonie prévue le"}


def ceremony(day: date):
    return EngagementFactory(
        visit=VisitFactory(starts_on=day, status="confirmed"),
        kind="honorary_citizenship",
        status="confirmed",
        starts_at=datetime.combine(day, datetime.min.time(), PARIS).replace(hour=18),
    )


@pytest.fixture
def honours():
    """What the page shows in practice: a ceremony held, one to come, a posthumous honour
    received by proxy, a citation written in French only, a long one."""
    honour = HonoraryCitizenshipFactory
    later = timezone.localdate() + timedelta(days=97)
    honour(
        honoree=GuestFactory(name="Ingrid Betancourt", title_fr="", title_en=""),
        voted_on=date(2008, 3, 1),
        voted_on_precision="month",
        status="conferred",
        ceremony=ceremony(date(2008, 7, 14)),
        citation_fr="Pour son courage et sa dignité pendant six ans de captivité.",
        citation_en="For her courage and dignity through six years of captivity.",
    )
    honour(
        honoree=GuestFactory(
            name="Narges Mohammadi",
            title_fr="Militante iranienne des droits humains",
            title_en="Iranian human rights activist",
        ),
        voted_on=date(2023, 10, 10),
        ceremony=ceremony(later),
        citation_fr="Pour son combat pour les droits des femmes en Iran.",
        citation_en="",
    )
    honour(
        honoree=GuestFactory(name="Anna Politkovskaïa", title_fr="", title_en=""),
        voted_on=date(2007, 1, 1),
        voted_on_precision="year",
        status="conferred",
        posthumous=True,
        received_by_proxy=True,
        proxy_name="Her son",
    )


def address(live_server, language):
    with translation.override(language):
        return live_server.url + reverse("public:honorary_citizens")


@pytest.mark.parametrize("language", LANGUAGES)
def test_honorary_citizens_on_a_desktop_and_a_phone(
    anonymous_browser, axe_script, live_server, honours, language
):
    page, errors = anonymous_browser(language, bypass_csp=True)  # axe is injected
    assert page.goto(address(live_server, language)).status == 200
    rows = page.locator("table.stack tbody tr")
    assert rows.count() == 3
    assert PLANNED[language] in rows.nth(0).inner_text()  # the latest vote first
    assert page.locator("td[lang]").count() == (1 if language == "en" else 0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"honorary-citizens-{language}.png", full_page=True)
    assert axe_violations(page, axe_script) == []

    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / f"honorary-citizens-{language}-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # cards: a row is a block, its cells one under another, the column names hidden but read
    assert rows.nth(0).evaluate("row => getComputedStyle(row).display") == "block"
    label = page.locator("td[data-label]").first.evaluate(
        "cell => getComputedStyle(cell, '::before').content"
    )
    assert label.strip('"') in ("Voted", "Votée", "Voté")
    assert axe_violations(page, axe_script) == []
    assert errors == []
