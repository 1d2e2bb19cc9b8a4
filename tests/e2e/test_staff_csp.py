"""The admin, the staff pages and the API's documentation under their Content-Security-Policy,
in a real browser with JavaScript on: signed in through the login form, each page loads and its
scripts work (actions, inlines, date and time widgets, autocomplete, Swagger UI) with no console
error and no CSP violation (the `securitypolicyviolation` events are collected); a full-page
screenshot of each is left in test-artefacts/screenshots/."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.urls import reverse

from tests.conftest import user_in
from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    HostFactory,
    UserFactory,
    VenueFactory,
    VisitFactory,
)
from visits.roles import STAFF

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artefacts" / "screenshots"
PASSWORD = "correct horse battery staple"

# Runs before any script of each page (Playwright injects it outside the page's policy).
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


@pytest.fixture
def scripted_browser(live_server, shared_chromium):
    """Opens a browser tab with JavaScript on; returns the page and a function that gives the
    console errors, uncaught exceptions and CSP violations so far, then forgets them."""
    contexts = []

    def open_tab(language="en"):
        context = shared_chromium.new_context(
            locale=language, viewport={"width": 1280, "height": 900}
        )
        contexts.append(context)
        context.add_init_script(WATCH_VIOLATIONS)
        page = context.new_page()
        errors = []
        page.on(
            "console",
            lambda message: message.type == "error" and errors.append(f"console: {message.text}"),
        )
        page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))

        def problems():
            found = errors + page.evaluate("window.__cspViolations || []")
            errors.clear()
            page.evaluate("window.__cspViolations = []")
            return found

        return page, problems

    yield open_tab
    for context in contexts:
        context.close()


@pytest.fixture
def office_world():
    """A visit with a delegation, a programme with a room and a host, a checklist task and a
    history; an honour; the superuser of the office."""
    chief = UserFactory(username="chief", is_superuser=True, first_name="Claire")
    mayor = HostFactory(
        name="Anne Hidalgo", office_fr="Maire de Paris", office_en="Mayor of Paris", gender="f"
    )
    HostFactory(name="Ariel Weil")
    visit = VisitFactory(
        occasion_en="Visit of the Mayor of Rome",
        starts_on=date.today() + timedelta(days=12),
        principal=GuestFactory(name="Roberto Gualtieri"),
    )
    visit.hosts.set([mayor])
    engagement = EngagementFactory(
        visit=visit, title_en="Golden Book signing", venue=VenueFactory(name="Salon des Arcades")
    )
    engagement.hosts.set([mayor])
    engagement.title_en = "Signing of the Golden Book"
    engagement.save()  # a second history row
    HonoraryCitizenshipFactory(honoree=GuestFactory(name="Narges Mohammadi"))
    return {"chief": chief, "visit": visit, "engagement": engagement}


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Named after this file: other browser tests shoot the same pages, maybe at the same
    # time (make test runs on every core).
    page.screenshot(path=SCREENSHOTS / f"csp-{name}.png", full_page=True)


def sign_in_to_admin(live_server, page, problems, username, shot=None):
    page.goto(f"{live_server.url}{reverse('admin:login')}?next=/admin/")
    if shot:  # one test shoots it: two at once would write the same file
        shoot(page, shot)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    assert problems() == []


def visit_page(live_server, page, problems, path, name):
    response = page.goto(f"{live_server.url}{path}")
    assert response.status == 200, path
    page.wait_for_load_state("networkidle")
    shoot(page, name)
    assert problems() == [], path


def test_admin_pages_work_under_their_policy(live_server, scripted_browser, office_world):
    page, problems = scripted_browser()
    sign_in_to_admin(live_server, page, problems, "chief", shot="admin-login")
    visit, engagement = office_world["visit"], office_world["engagement"]

    # The list of engagements and its actions (actions.js counts the selection).
    engagements = reverse("admin:visits_engagement_changelist")
    visit_page(live_server, page, problems, engagements, "admin-engagements")
    page.check("#action-toggle")
    assert page.locator(".action-counter").inner_text() == "1 of 1 selected"
    page.select_option("select[name=action]", "confirm_selected")
    assert problems() == []

    # A visit's page: inlines, the date widgets, the hosts' autocomplete.
    visit_change = reverse("admin:visits_visit_change", args=[visit.pk])
    visit_page(live_server, page, problems, visit_change, "admin-visit")
    page.click("#calendarlink0")
    assert page.locator("#calendarbox0").is_visible()
    page.locator("#calendarbox0 .calendarnav-next").click()
    page.locator("#calendarbox0 a", has_text="Cancel").click()
    assert not page.locator("#calendarbox0").is_visible()
    rows = page.locator("#participants-group tr.form-row:not(.empty-form)")
    before = rows.count()
    page.locator("#participants-group .add-row a").click()  # (renumbers the date widgets)
    assert rows.count() == before + 1
    page.locator(".field-hosts .select2-selection").click()
    page.locator(".select2-search__field").fill("Ariel")
    page.locator(".select2-results__option", has_text="Ariel Weil").wait_for()
    page.keyboard.press("Escape")
    shoot(page, "admin-visit-widgets")
    assert problems() == []

    # An engagement's page: date and time widgets, autocomplete of visit, room and hosts.
    engagement_change = reverse("admin:visits_engagement_change", args=[engagement.pk])
    visit_page(live_server, page, problems, engagement_change, "admin-engagement")
    page.click("#clocklink0")
    assert page.locator("#clockbox0").is_visible()
    page.locator("#clockbox0 a", has_text="Noon").click()
    assert page.locator("#id_starts_at_1").input_value() == "12:00:00"
    page.locator(".field-venue .select2-selection").click()
    page.locator(".select2-results__option", has_text="Salon des Arcades").wait_for()
    page.keyboard.press("Escape")
    assert problems() == []

    pages = {
        "admin-index": reverse("admin:index"),
        "admin-visits": reverse("admin:visits_visit_changelist"),
        "admin-engagement-add": reverse("admin:visits_engagement_add"),
        "admin-visit-add": reverse("admin:visits_visit_add"),
        "admin-visit-history": reverse("admin:visits_visit_history", args=[visit.pk]),
        "admin-engagement-history": reverse(
            "admin:visits_engagement_history", args=[engagement.pk]
        ),
        "admin-engagement-history-version": reverse(
            "admin:visits_engagement_simple_history",
            args=[engagement.pk, engagement.history.earliest().history_id],
        ),
        "admin-guests": reverse("admin:visits_guest_changelist") + "?category__exact=mayor",
        "admin-honours": reverse("admin:visits_honorarycitizenship_changelist"),
        "admin-access-attempts": reverse("admin:axes_accessattempt_changelist"),
        "admin-users": reverse("admin:auth_user_changelist"),
        "admin-user-add": reverse("admin:auth_user_add"),
        "admin-user": reverse("admin:auth_user_change", args=[office_world["chief"].pk]),
        "admin-password-change": reverse("admin:password_change"),
    }
    for name, path in pages.items():
        visit_page(live_server, page, problems, path, name)


def test_an_inline_script_without_the_nonce_is_refused_and_seen(
    live_server, scripted_browser, office_world
):
    """The watch above does see a violation: an admin page refuses an inline script."""
    page, problems = scripted_browser()
    sign_in_to_admin(live_server, page, problems, "chief")
    with pytest.raises(Exception, match="Content Security Policy"):
        page.add_script_tag(content="window.injected = true")
    assert page.evaluate("window.injected") is None
    seen = problems()
    assert any(p.startswith("script-src-elem blocked inline") for p in seen), seen


def test_api_docs_render_under_their_policy(live_server, scripted_browser, office_world):
    page, problems = scripted_browser()
    sign_in_to_admin(live_server, page, problems, "chief")
    page.goto(f"{live_server.url}/api/v1/docs")
    page.locator(".opblock").first.wait_for()
    page.locator(".opblock-summary", has_text="/api/v1/visits").first.click()
    page.locator(".opblock-body").first.wait_for()
    page.wait_for_load_state("networkidle")
    shoot(page, "api-docs")
    assert problems() == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_staff_pages_work_under_their_policy(live_server, scripted_browser, language):
    user_in(STAFF, "reader", "view_confidential_visits")
    visit = EngagementFactory(title_en="Golden Book signing").visit
    page, problems = scripted_browser(language)
    page.goto(f"{live_server.url}{reverse('staff:login')}")
    shoot(page, f"staff-login-{language}")
    assert problems() == []
    page.fill("#id_username", "reader")
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}{reverse('staff:today')}")  # signing in lands on Today
    assert problems() == []
    pages = {
        "staff-today": reverse("staff:today"),
        "staff-agenda": reverse("staff:agenda", args=["week", visit.starts_on]),
        "staff-run-sheet": reverse("staff:run_sheet", args=[visit.reference]),
        "staff-my-reminders": reverse("staff:my_reminders"),
        "staff-my-calendars": reverse("staff:my_calendars"),
    }
    for name, path in pages.items():
        visit_page(live_server, page, problems, path, f"{name}-{language}")
    page.set_viewport_size(PHONE)
    for name, path in pages.items():
        visit_page(live_server, page, problems, path, f"{name}-{language}-phone")
        width = page.evaluate("document.scrollingElement.scrollWidth")
        assert width <= PHONE["width"], f"{name} scrolls sideways on a phone: {width}px"
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{pages['staff-my-calendars']}")
    page.fill("#id_name", "Mine")
    page.select_option("#id_scope", "mine")
    page.locator("form:has(#id_name) button[type=submit]").last.click()
    page.locator("#feed-https").wait_for()
    shoot(page, f"staff-new-feed-{language}")
    assert problems() == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_lockout_page_works_under_its_policy(live_server, scripted_browser, language):
    user_in(STAFF, "reader")
    page, problems = scripted_browser(language)
    login = f"{live_server.url}{reverse('staff:login')}"
    for n in range(5):
        page.goto(login)
        page.fill("#id_username", "reader")
        page.fill("#id_password", f"wrong {n}")
        page.locator("main button[type=submit]").click()
        page.wait_for_load_state()
    assert (
        page.locator("h1").inner_text()
        == {
            "en": "Sign-in paused",
            "fr": "Connexion suspendue",
        }[language]
    )
    shoot(page, f"staff-locked-out-{language}")
    page.set_viewport_size(PHONE)
    shoot(page, f"staff-locked-out-{language}-phone")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]  # no sideways
    # The browser notes the 429 itself; nothing else may be logged.
    assert [p for p in problems() if "429" not in p] == []
