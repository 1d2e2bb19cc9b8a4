"""The Ceremony page and its printables in a real browser, in both languages, at a desktop and
a phone width: no console error, no sideways scroll on a phone, WCAG 2.1 AA as axe-core checks
it, and full-page screenshots in test-artefacts/screenshots/staff-ceremony*-<language>[-phone]
.png; each printable also as printed (…-print.png) on its A4 sheet."""

import re

import pytest
from django.urls import reverse

from tests.ceremony_factories import (
    attending,
    ceremony_url,
    full_table,
    holder,
    lunch,
    print_url,
    seeded_precedence,
    some_guests,
)
from tests.conftest import user_in
from tests.e2e import test_staff_pages as staff_pages
from tests.e2e.test_staff_pages import LANGUAGES, SCREENSHOTS, check_both_widths
from visits.roles import PROTOCOL_OFFICE, STAFF
from visits.views.ceremony_reading import PARTS

pytestmark = pytest.mark.django_db(transaction=True)
staff_tab = staff_pages.staff_tab  # the staff pages' signed-in tab: a fixture

A4_PORTRAIT, A4_LANDSCAPE = (595, 842), (842, 595)  # in points, as a PDF's MediaBox says
HEADINGS = {
    "ceremony": {"en": "Official lunch", "fr": "Déjeuner officiel"},
    "order": {"en": "Order of precedence", "fr": "Ordre protocolaire"},
    "seating": {"en": "Seating plan", "fr": "Plan de table"},
    "place-cards": {"en": "Place cards", "fr": "Chevalets de table"},
    "speakers": {"en": "Order of speeches", "fr": "Ordre des discours"},
    "arrivals": {
        "en": "Arrivals and receiving line",
        "fr": "Ordre d’arrivée et ligne de réception",
    },
    "flags": {"en": "Flags and anthems", "fr": "Pavoisement et hymnes"},
    "address": {"en": "Forms of address", "fr": "Formules protocolaires"},
}


@pytest.fixture
def ceremony():
    """Eight at the lunch: the Mayor inviting, a minister, the Italian ambassador, a deputy,
    the Mayor of Rome placed by the office, three councillors of Paris."""
    seeded_precedence()
    made = lunch()
    full_table(made)
    some_guests(2, made)
    attending(made, holder("councillor_of_paris", "Léa Petit-Dubois", gender="f"))
    return made


@pytest.fixture
def office_member(db):
    return user_in(PROTOCOL_OFFICE, "protocol")


@pytest.fixture
def reader(db):
    return user_in(STAFF, "reader")


@pytest.mark.parametrize("language", LANGUAGES)
def test_ceremony_page_for_the_office_is_designed_accessible_and_fits_a_phone(
    staff_tab, live_server, axe_script, ceremony, office_member, language
):
    page, errors = staff_tab(language, office_member)
    response = page.goto(f"{live_server.url}{ceremony_url(ceremony)}")
    assert response.status == 200
    check_both_widths(page, axe_script, "ceremony", language, HEADINGS["ceremony"][language])
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_ceremony_page_changing_an_attendee_and_finding_a_guest_fits_a_phone(
    staff_tab, live_server, axe_script, ceremony, office_member, language
):
    rome = ceremony.attendances.get(guest__name="Roberto Gualtieri")
    page, errors = staff_tab(language, office_member)
    page.goto(f"{live_server.url}{ceremony_url(ceremony)}?change={rome.pk}&find=conseil#change")
    assert page.locator("#change").is_visible()
    check_both_widths(
        page, axe_script, "ceremony-editing", language, HEADINGS["ceremony"][language]
    )
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_ceremony_page_read_only_for_staff_is_designed_and_fits_a_phone(
    staff_tab, live_server, axe_script, ceremony, reader, language
):
    page, errors = staff_tab(language, reader)
    page.goto(f"{live_server.url}{ceremony_url(ceremony)}")
    assert page.locator("form input[name=action]").count() == 0
    check_both_widths(
        page, axe_script, "ceremony-read-only", language, HEADINGS["ceremony"][language]
    )
    assert errors == []


def test_office_swaps_two_places_without_javascript_and_sees_what_it_breaks(
    staff_tab, live_server, ceremony, office_member
):
    page, errors = staff_tab("en", office_member)
    page.goto(f"{live_server.url}{ceremony_url(ceremony)}")
    listed = "datalist#ceremony-attendees option[value$='· {}']"
    anne = page.locator(listed.format("Anne Hidalgo")).get_attribute("value")
    rome = page.locator(listed.format("Roberto Gualtieri")).get_attribute("value")
    assert page.locator("#swap-first").get_attribute("list") == "ceremony-attendees"
    page.fill("#swap-first", anne)  # as picked from the list the browser offers
    page.fill("#swap-second", rome)
    page.get_by_role("button", name="Exchange", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("status").first.inner_text() == (
        "Anne Hidalgo and Roberto Gualtieri exchanged places."
    )
    assert page.get_by_text("The kept places break these rules").is_visible()
    page.screenshot(path=SCREENSHOTS / "staff-ceremony-swapped-en.png", full_page=True)
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("part", list(PARTS))
def test_ceremony_printable_is_designed_accessible_and_fits_a_phone(
    staff_tab, live_server, axe_script, ceremony, reader, part, language
):
    page, errors = staff_tab(language, reader)
    response = page.goto(f"{live_server.url}{print_url(ceremony, part)}")
    assert response.status == 200
    name = f"ceremony-print-{part}"
    check_both_widths(page, axe_script, name, language, HEADINGS[part][language])
    assert errors == []


@pytest.mark.parametrize(
    ("part", "page_size"),
    [
        ("order", A4_PORTRAIT),
        ("seating", A4_LANDSCAPE),
        ("place-cards", A4_PORTRAIT),
        ("speakers", A4_PORTRAIT),
        ("arrivals", A4_PORTRAIT),
        ("flags", A4_PORTRAIT),
    ],
)
def test_ceremony_printable_prints_on_a4_without_the_controls(
    staff_tab, live_server, ceremony, reader, part, page_size
):
    page, errors = staff_tab("fr", reader)
    page.goto(f"{live_server.url}{print_url(ceremony, part)}")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    for control in ("header.site", ".no-print", "form"):
        assert all(not element.is_visible() for element in page.locator(control).all()), control
    page.screenshot(path=SCREENSHOTS / f"staff-ceremony-print-{part}-fr-print.png", full_page=True)
    pdf = page.pdf(prefer_css_page_size=True)  # the stylesheet's @page, as a browser prints
    size = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups()
    assert tuple(round(float(side)) for side in size) == page_size
    if part == "place-cards":  # eight cards fill the first sheet: one page
        assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type/Page\n") in (1, 0)
        (SCREENSHOTS / "staff-ceremony-place-cards-fr.pdf").write_bytes(pdf)
    assert errors == []


def test_run_sheet_links_the_ceremony_and_shows_its_speeches_and_seating(
    staff_tab, live_server, axe_script, ceremony, reader
):
    page, errors = staff_tab("fr", reader)
    page.goto(f"{live_server.url}{reverse('staff:run_sheet', args=[ceremony.visit.reference])}")
    heading = re.compile(r"^Cérémonie\s: Déjeuner officiel, 12:00$")
    assert page.get_by_role("heading", name=heading).is_visible()
    check_both_widths(page, axe_script, "run-sheet-ceremony", "fr", "")
    page.get_by_role("link", name="Cérémonie (Déjeuner officiel)").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Déjeuner officiel"
    assert errors == []
