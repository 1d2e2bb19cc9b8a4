"""The public Golden Book in Chromium, in both languages, at a desktop's and a phone's width:
each signature with its page beside the words (one under the other on a phone), the text in
its language and the translation in the page's; the thumbnails load from their record's view;
nothing scrolls sideways; axe-core finds nothing. Screenshots:
test-artefacts/screenshots/golden-book-<lang>[-phone].png and guest-golden-book-<lang>.png."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tests.e2e.axe import axe_violations
from tests.e2e.test_public_pages import LANGUAGES, PHONE, SCREENSHOTS
from tests.public.test_guests_page import received
from visits.demo.golden_book import drawn_page
from visits.services.golden_book import record_signature

pytestmark = pytest.mark.django_db(transaction=True)

TRANSLATION = {
    "en": "With deep gratitude for the welcome of the City of Paris.",
    "fr": "Avec une profonde gratitude pour l’accueil de la Ville de Paris.",
}


@pytest.fixture
def book():
    signed = []
    for name, day, country in (
        ("Roberto Gualtieri", date(2026, 1, 30), "IT"),
        ("Sadiq Khan", date(2024, 4, 18), "GB"),
    ):
        visit = received(name, on=day, country=country)
        signed.append(
            record_signature(
                by=None,
                engagement=visit.engagements.get(),
                signers=list(visit.guests.all()),
                text="Con profonda gratitudine per l’accoglienza della Città di Parigi.",
                language="it",
                translation_fr=TRANSLATION["fr"],
                translation_en=TRANSLATION["en"],
                scan=SimpleUploadedFile("page.jpg", drawn_page(name, day)),
                scan_alt_fr="Page du Livre d’or signée par " + name,
                scan_alt_en="Golden Book page signed by " + name,
                published=True,
            )
        )
    return signed


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_golden_book_on_a_desktop_and_a_phone(
    anonymous_browser, axe_script, live_server, book, language
):
    page, errors = anonymous_browser(language, bypass_csp=True)  # axe is injected
    with translation.override(language):
        url = live_server.url + reverse("public:golden_book")
    assert page.goto(url).status == 200
    items = page.locator("li.signature")
    assert items.count() == 2
    assert "Roberto Gualtieri" in items.nth(0).inner_text()  # the latest first
    assert TRANSLATION[language] in items.nth(0).inner_text()
    assert page.locator("blockquote[lang=it]").count() == 2
    page.wait_for_function("[...document.images].every(image => image.complete)")
    loaded = page.locator("li.signature img").evaluate_all(
        "images => images.map(image => image.complete && image.naturalWidth)"
    )
    assert loaded == [360, 360]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"golden-book-{language}.png", full_page=True)
    assert axe_violations(page, axe_script) == []

    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / f"golden-book-{language}-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(page, axe_script) == []

    guest = book[0].signers.get()
    with translation.override(language):
        guest_page = live_server.url + guest.public_path
    assert page.goto(guest_page).status == 200
    assert page.locator("li.signature").count() == 1
    page.locator("li.signature img").scroll_into_view_if_needed()
    page.wait_for_function("[...document.images].every(image => image.complete)")
    page.screenshot(path=SCREENSHOTS / f"guest-golden-book-{language}.png", full_page=True)
    assert axe_violations(page, axe_script) == []
    assert errors == []
