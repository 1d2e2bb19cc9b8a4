"""The first minutes of each user, in Chromium, in both languages, at a desktop's and a phone's
width: a visitor opening `/`, a member of staff signing in and landing on Today, an officer's
Today with something in every list. Each page is checked by axe-core (WCAG 2.1 AA), must not
scroll sideways on a phone, and leaves its screenshots in test-artefacts/screenshots/."""

from datetime import date

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from tests.conftest import user_in
from tests.e2e.axe import axe_violations
from tests.e2e.test_public_pages import PHONE, SCREENSHOTS, received
from tests.visits.test_today import mine, office_work
from visits.roles import STAFF

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = ["en", "fr"]
HOME_HEADING = {
    "en": "Receiving the world at the Hôtel de Ville",
    "fr": "Recevoir le monde à l’Hôtel de Ville",
}
GUESTS_PATH = {"en": "/en/guests/", "fr": "/fr/invites/"}
TODAY = {"en": "Today", "fr": "Aujourd’hui"}
PASSWORD = "correct horse battery staple"


@pytest.fixture
def browser(live_server, shared_chromium):
    """Opens a page in Chromium in `language`, with JavaScript on (for axe-core only: the
    pages run none, and the policy that forbids scripts is bypassed to let it in); `session`
    signs it in. Returns the page and the list its console errors are written to."""
    contexts = []

    def open_page(language, session=None):
        context = shared_chromium.new_context(locale=language, bypass_csp=True)
        contexts.append(context)
        if session:
            cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session}
            context.add_cookies([cookie | {"url": live_server.url}])
        page = context.new_page()
        errors = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        return page, errors

    yield open_page
    for context in contexts:
        context.close()


def the_record():
    """A few guests received, as the home lists them."""
    for name, on, country, title_en, title_fr in [
        (
            "Kai Wegner",
            date(2025, 6, 1),
            "DE",
            "Governing Mayor of Berlin",
            "Bourgmestre-gouverneur de Berlin",
        ),
        ("Felipe VI", date(2025, 2, 1), "ES", "King of Spain", "Roi d’Espagne"),
        ("Roberto Gualtieri", date(2024, 6, 1), "IT", "Mayor of Rome", "Maire de Rome"),
        ("Sadiq Khan", date(2024, 3, 12), "GB", "Mayor of London", "Maire de Londres"),
    ]:
        guest = received(name, on, country=country)
        guest.title_en, guest.title_fr = title_en, title_fr
        guest.save()


def session_of(client, user):
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def looked_at(page, name, axe_script):
    """Screenshots at both widths; axe-core clean; no sideways scroll on a phone."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert axe_violations(page, axe_script) == []
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    desktop = page.viewport_size
    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / f"{name}-phone.png", full_page=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-phone-first-screen.png")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name} scrolls sideways on a phone: {width}px"
    assert axe_violations(page, axe_script) == []
    page.set_viewport_size(desktop)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_visitor_opening_the_site_lands_on_the_home_in_their_language_and_finds_the_guests(
    browser, live_server, axe_script, language
):
    the_record()
    page, errors = browser(language)
    response = page.goto(f"{live_server.url}/")
    assert response.status == 200 and page.url == f"{live_server.url}/{language}/"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == HOME_HEADING[language]
    assert page.get_by_text("Staff workspace").count() == 0
    looked_at(page, f"home-{language}", axe_script)
    with translation.override(language):
        name, path = gettext("Distinguished guests"), GUESTS_PATH[language]
    with page.expect_navigation():
        page.locator(".cards").get_by_role("link", name=name).click()
    assert page.url == f"{live_server.url}{path}"
    assert page.locator("h1").inner_text() == name
    assert "Kai Wegner" in page.locator("main").inner_text()
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_of_staff_signs_in_and_lands_on_today(browser, live_server, axe_script, language):
    user_in(STAFF, "camille")
    page, errors = browser(language)
    page.goto(f"{live_server.url}/staff/")  # not signed in: sent to the sign-in form
    page.locator("input[name=username]").fill("camille")
    page.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    assert page.url == f"{live_server.url}/staff/"
    assert page.locator("h1").inner_text() == TODAY[language]
    current = page.locator(".staff-nav-wide [aria-current=page]")
    assert current.inner_text() == TODAY[language]
    looked_at(page, f"today-staff-{language}", axe_script)
    # The public pages now offer the way back to the workspace.
    page.goto(f"{live_server.url}/{language}/")
    workspace = page.locator("a.workspace")
    assert workspace.get_attribute("href") == "/staff/"
    page.screenshot(path=SCREENSHOTS / f"home-signed-in-{language}.png")
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_officers_today_lists_what_waits_on_the_office(
    browser, live_server, client, officer, axe_script, language
):
    mine(officer, 2)
    office_work(2)
    page, errors = browser(language, session_of(client, officer))
    page.goto(f"{live_server.url}/staff/")
    for section in (
        "todays-engagements",
        "coming-engagements",
        "my-tasks",
        "failed-reminders",
        "waiting",
        "tentative",
        "clashes",
        "overdue",
    ):
        panel = page.locator(f"section[aria-labelledby={section}]")
        assert panel.locator("li, tbody tr").count() >= 2, section
    looked_at(page, f"today-officer-{language}", axe_script)
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admin_wears_the_same_navigation_bar(
    browser, live_server, client, officer, axe_script, language
):
    page, errors = browser(language, session_of(client, officer))
    page.goto(f"{live_server.url}/admin/visits/visit/")
    current = page.locator(".staff-nav-wide [aria-current=page]")
    assert current.inner_text() == {"en": "Visits", "fr": "Visites"}[language]
    page.screenshot(path=SCREENSHOTS / f"admin-nav-{language}.png")
    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / f"admin-nav-{language}-phone.png")
    nav_width = page.evaluate("document.querySelector('.staff-nav').scrollWidth")
    assert nav_width <= PHONE["width"]
    # On a phone the items fold under "Menu", which names the page; opened, one a line.
    assert not page.locator(".staff-nav-wide").is_visible()
    menu = page.locator(".staff-nav-menu summary")
    here = {"en": "Menu · Visits", "fr": "Menu · Visites"}[language]
    assert menu.inner_text() == here
    assert not page.locator(".staff-nav-menu .staff-nav-items").is_visible()
    menu.click()
    items = page.locator(".staff-nav-menu .staff-nav-items a")
    assert items.first.is_visible() and items.count() >= 5
    tops = [items.nth(i).bounding_box()["y"] for i in range(items.count())]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # one under the other
    page.screenshot(path=SCREENSHOTS / f"admin-nav-{language}-phone-menu.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert errors == []
