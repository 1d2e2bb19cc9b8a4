"""The register of gifts in Chromium, in both languages, at a desktop's and a phone's width:
the public register of gifts received with its photos, the office's register with what is to
declare, and a visit's choosing page; no console error, nothing scrolls sideways, axe-core
finds nothing. Screenshots: test-artefacts/screenshots/gifts-<lang>[-phone].png,
staff-gifts-<lang>[-phone].png and staff-visit-gifts-<lang>[-phone].png."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image, ImageDraw

from tests.conftest import user_in
from tests.e2e import test_staff_pages as staff_pages
from tests.e2e.axe import axe_violations
from tests.e2e.test_public_pages import LANGUAGES, PHONE, SCREENSHOTS
from tests.e2e.test_staff_pages import check_both_widths
from tests.public.test_guests_page import received
from visits.models import Host
from visits.roles import PROTOCOL_OFFICE
from visits.services.gifts import add_photo, record_gift

pytestmark = pytest.mark.django_db(transaction=True)
staff_tab = staff_pages.staff_tab  # the staff pages' signed-in tab: a fixture
HEADING = {"en": "Gifts received by the City", "fr": "Cadeaux reçus par la Ville"}
REGISTER = {"en": "Register of gifts", "fr": "Registre des cadeaux"}


def photo() -> SimpleUploadedFile:
    """A drawn object on a plain ground: what a photo of a gift looks like, roughly."""
    image = Image.new("RGB", (800, 800), (236, 232, 224))
    ImageDraw.Draw(image).ellipse([200, 150, 600, 650], fill=(150, 110, 60))
    out = io.BytesIO()
    image.save(out, "JPEG")
    return SimpleUploadedFile("gift.jpg", out.getvalue(), content_type="image/jpeg")


@pytest.fixture
def visit():
    rome = received("Roberto Gualtieri", on=date(2026, 1, 30))
    mayor = Host.objects.create(name="Anne Hidalgo", office_fr="Maire de Paris")
    for french, english, value, direction in (
        ("Une louve capitoline en bronze", "A bronze Capitoline wolf", "450", "received"),
        ("Un livre sur les jardins de Paris", "A book on the gardens of Paris", "45", "given"),
    ):
        gift = record_gift(
            by=None, direction=direction, guest=rome.guests.get(), host=mayor, visit=rome,
            given_on=date(2026, 1, 30), description_fr=french, description_en=english,
            estimated_value=Decimal(value), value_basis="estimated",
            whereabouts="collection" if direction == "received" else "gone",
            published=direction == "received",
        )  # fmt: skip
        add_photo(gift, by=None, upload=photo(), alt_fr=french, alt_en=english)
    return rome


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_public_register_on_a_desktop_and_a_phone(
    anonymous_browser, axe_script, live_server, visit, language
):
    page, errors = anonymous_browser(language, bypass_csp=True)  # axe is injected
    with translation.override(language):
        url = live_server.url + reverse("public:gifts")
    assert page.goto(url).status == 200
    assert page.locator("h1").inner_text() == HEADING[language]
    assert page.locator("li.gift").count() == 1  # the gift given is not in it
    page.wait_for_function("[...document.images].every(image => image.complete)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"gifts-{language}.png", full_page=True)
    assert axe_violations(page, axe_script) == []
    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / f"gifts-{language}-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(page, axe_script) == []
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_office_s_registers_on_a_desktop_and_a_phone(
    staff_tab, live_server, axe_script, visit, language
):
    office = user_in(PROTOCOL_OFFICE, "office")
    page, errors = staff_tab(language, office)
    assert page.goto(live_server.url + reverse("staff:gifts")).status == 200
    assert page.locator("table.gifts tbody tr").count() == 2
    check_both_widths(page, axe_script, "gifts", language, REGISTER[language])
    url = reverse("staff:visit_gifts", args=[visit.reference])
    assert page.goto(live_server.url + url).status == 200
    occasion = {"en": visit.occasion_en, "fr": visit.occasion_fr}[language]
    check_both_widths(page, axe_script, "visit-gifts", language, occasion)
    assert errors == []
