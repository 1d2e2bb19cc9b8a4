"""The public pages in a real browser: both languages render, filters and pagination work with
the keyboard alone, no page logs a console error, each meets WCAG 2.1 AA as axe-core checks it,
and a full-page screenshot of each is left in test-artefacts/screenshots/."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from tests.e2e.axe import axe_violations
from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    VenueFactory,
    VisitFactory,
)
from visits.models import Guest, Venue, Visit, VisitGuest
from visits.models.references import reserve_visit_references
from visits.views.public import PER_PAGE

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artefacts" / "screenshots"
LANGUAGES = ["en", "fr"]


@dataclass(frozen=True)
class PublicPage:
    name: str  # of the screenshot
    url_name: str
    heading: dict[str, str]  # the h1, by language
    args: Callable[[SimpleNamespace], tuple] = lambda record: ()
    query: str = ""
    status: int = 200


# Every public page, one line each: all of them are rendered, screenshot, checked for console
# errors and checked by axe, in both languages.
PUBLIC_PAGES = [
    PublicPage(
        "guests", "public:guests", {"en": "Distinguished guests", "fr": "Invités de marque"}
    ),
    PublicPage(
        "honorary-citizens",
        "public:honorary_citizens",
        {"en": "Honorary citizens of Paris", "fr": "Citoyens d’honneur de la Ville de Paris"},
    ),
    PublicPage(
        "guest",
        "public:guest",
        {"en": "Kai Wegner", "fr": "Kai Wegner"},
        lambda record: (record.wegner.pk, record.wegner.slug),
    ),
    # A refused filter: the message must reach a screen reader as well as the eye.
    PublicPage(
        "guests-refused-filter",
        "public:guests",
        {"en": "Distinguished guests", "fr": "Invités de marque"},
        query="year=soon",
        status=400,
    ),
]


def address(live_server, public_page, language, record, query=""):
    with translation.override(language):
        path = reverse(public_page.url_name, args=public_page.args(record))
    query = query or public_page.query
    return f"{live_server.url}{path}{'?' + query if query else ''}"


def unexpected(errors, public_page, url):
    """The console errors, but for the browser's own note of a page meant to be refused."""
    expected = f"status of {public_page.status}"
    return [error for error in errors if not (expected in error and url in error)]


def guests_url(live_server, language="en", query=""):
    return address(live_server, PUBLIC_PAGES[0], language, None, query)


def received(name, on, country="IT", category="mayor", room="Salon des Arcades"):
    guest = GuestFactory(name=name, country=country, category=category)
    visit = VisitFactory(principal=guest, starts_on=on, status="held")
    venue = Venue.objects.filter(name=room).first() or VenueFactory(name=room)
    EngagementFactory(visit=visit, venue=venue)
    return guest


@pytest.fixture
def record():
    """A few guests received in 2024 and 2025 and a few honorary citizens: what the pages show."""
    honour = HonoraryCitizenshipFactory
    return SimpleNamespace(
        gualtieri=received("Roberto Gualtieri", date(2024, 6, 1)),
        wegner=received("Kai Wegner", date(2025, 6, 1), country="DE", room="Salle des Fêtes"),
        felipe=received("Felipe VI", date(2025, 2, 1), country="ES", category="royal"),
        betancourt=honour(
            honoree=GuestFactory(name="Ingrid Betancourt", title_en="", title_fr=""),
            voted_on=date(2008, 3, 1),
            voted_on_precision="month",
            citation_fr="Pour son courage.",
            citation_en="For her courage.",
        ),
        posthumous=honour(
            honoree=GuestFactory(name="Anna Politkovskaïa", title_en="", title_fr=""),
            posthumous=True,
            received_by_proxy=True,
            proxy_name="Her son",
        ),
    )


@pytest.fixture
def many_received():
    """The names of PER_PAGE + 5 guests received on as many days of 2024, newest first."""
    count = PER_PAGE + 5
    guests = Guest.objects.bulk_create(
        Guest(name=f"Guest {n:02d}", sort_name=f"Guest {n:02d}", category="mayor", country="IT")
        for n in range(count)
    )
    visits = Visit.objects.bulk_create(
        Visit(
            reference=reference,
            kind="official_visit",
            status="held",
            confidentiality="public",
            occasion_fr=f"Visite {n}",
            occasion_en=f"Visit {n}",
            starts_on=date(2024, 12, 31) - timedelta(days=n),
        )
        for n, reference in enumerate(reserve_visit_references(2024, count))
    )
    VisitGuest.objects.bulk_create(
        VisitGuest(visit=visit, guest=guest) for visit, guest in zip(visits, guests, strict=True)
    )
    return [guest.name for guest in guests]


def listed(page):
    """The guests' names in the page's tables of years, in order."""
    names = page.locator("section[aria-labelledby^=year-] tbody td:nth-child(2) strong")
    return names.all_inner_texts()


def query_of(page):
    return parse_qs(urlsplit(page.url).query)


def tab_to(page, selector, most=3 * PER_PAGE):
    """Presses Tab from where the focus is until `selector` has it; fails naming the path."""
    path = []
    for _ in range(most):
        page.keyboard.press("Tab")
        there, focused = page.evaluate(
            "s => [document.activeElement.matches(s), document.activeElement.outerHTML]", selector
        )
        if there:
            return
        path.append(focused[:80])
    pytest.fail(f"{most} Tabs never reached {selector}; focus went through {path}")


def press_and_wait(page, key):
    with page.expect_navigation():
        page.keyboard.press(key)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("public_page", PUBLIC_PAGES, ids=lambda p: p.name)
def test_public_page_renders_in_its_language_without_console_error(
    anonymous_browser, live_server, record, public_page, language
):
    page, errors = anonymous_browser(language)
    url = address(live_server, public_page, language, record)
    response = page.goto(url)
    assert response.status == public_page.status
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == public_page.heading[language]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{public_page.name}-{language}.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / f"{public_page.name}-{language}-phone.png", full_page=True)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"{public_page.name} scrolls sideways on a phone: {width}px"
    assert unexpected(errors, public_page, url) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("public_page", PUBLIC_PAGES, ids=lambda p: p.name)
def test_public_page_meets_wcag_21_aa(
    anonymous_browser, axe_script, live_server, record, public_page, language
):
    # The page's Content-Security-Policy (no script) must not keep the checker out.
    page, errors = anonymous_browser(language, bypass_csp=True)
    url = address(live_server, public_page, language, record)
    page.goto(url)
    assert axe_violations(page, axe_script) == []
    assert unexpected(errors, public_page, url) == []


def test_language_switch_goes_to_the_twin_page_keeping_the_filters(
    anonymous_browser, live_server, record
):
    page, errors = anonymous_browser()
    page.goto(guests_url(live_server, "en", "q=Wegner&year=2025"))
    with page.expect_navigation():
        page.get_by_role("link", name="Français").click()
    assert urlsplit(page.url).path == "/fr/invites/"
    assert query_of(page) == {"q": ["Wegner"], "year": ["2025"]}
    assert page.locator("h1").inner_text() == "Invités de marque"
    assert page.get_by_label("Nom").input_value() == "Wegner"
    assert listed(page) == ["Kai Wegner"]
    assert errors == []


def test_year_filter_chosen_and_sent_by_keyboard_lists_that_years_guests_only(
    anonymous_browser, live_server, record
):
    page, errors = anonymous_browser()
    page.goto(guests_url(live_server))
    assert listed(page) == ["Kai Wegner", "Felipe VI", "Roberto Gualtieri"]
    tab_to(page, "select#id_year")
    page.keyboard.type("2024")
    assert page.locator("select#id_year").input_value() == "2024"
    tab_to(page, "form.filters button[type=submit]")
    press_and_wait(page, "Enter")
    assert query_of(page) == {"year": ["2024"]}
    assert listed(page) == ["Roberto Gualtieri"]
    assert errors == []


def test_search_typed_and_sent_by_keyboard_lists_the_matching_guests_only(
    anonymous_browser, live_server, record
):
    page, errors = anonymous_browser("fr")
    page.goto(guests_url(live_server, "fr"))
    tab_to(page, "input#id_q")
    page.keyboard.type("felipe")
    press_and_wait(page, "Enter")
    assert query_of(page) == {"q": ["felipe"]}
    assert listed(page) == ["Felipe VI"]
    assert errors == []


def test_pagination_followed_by_keyboard_shows_older_then_newer_guests(
    anonymous_browser, live_server, many_received
):
    page, errors = anonymous_browser()
    page.goto(guests_url(live_server))
    assert listed(page) == many_received[:PER_PAGE]
    assert page.locator("nav.pagination").inner_text().split() == ["Page", "1", "of", "2", "Older"]
    tab_to(page, "a[rel=next]")
    press_and_wait(page, "Enter")
    assert query_of(page) == {"page": ["2"]}
    assert listed(page) == many_received[PER_PAGE:]
    tab_to(page, "a[rel=prev]")
    press_and_wait(page, "Enter")
    assert query_of(page) == {"page": ["1"]}
    assert listed(page) == many_received[:PER_PAGE]
    assert errors == []


def test_a_refused_filter_is_read_out_with_its_field(anonymous_browser, live_server, record):
    page, errors = anonymous_browser()
    page.goto(guests_url(live_server, "en", "year=soon"))
    year = page.get_by_label("Year")
    assert year.get_attribute("aria-invalid") == "true"
    described = [
        page.locator(f"#{name}").inner_text()
        for name in year.get_attribute("aria-describedby").split()
    ]
    assert any("valid choice" in text for text in described), described
    assert len(errors) == 1 and "status of 400" in errors[0]  # the browser's note of the 400


def test_the_first_tab_offers_to_skip_to_the_content(anonymous_browser, live_server, record):
    page, errors = anonymous_browser("fr")
    page.goto(guests_url(live_server, "fr"))
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.outerHTML")
    assert 'class="skip"' in skip and "Aller au contenu" in skip
    assert page.locator("a.skip").is_visible()  # shown once focused
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).fragment == "content")  # a busy machine lags
    page.keyboard.press("Tab")  # the next stop is inside the content, past the menus
    inside = page.evaluate("document.getElementById('content').contains(document.activeElement)")
    assert inside
    assert errors == []
