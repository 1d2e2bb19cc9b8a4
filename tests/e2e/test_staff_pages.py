"""Every staff page in a real browser, in both languages, at a desktop and a phone width: it
renders with no console error (a script or style refused by the page's policy is one), does not
scroll sideways on a phone, meets WCAG 2.1 AA as axe-core checks it, and leaves a full-page
screenshot in test-artefacts/screenshots/staff-<page>-<language>[-phone].png.

The pages carry no script and their policy allows none: axe-core is evaluated by the browser's
debugging protocol (Playwright's `evaluate`), which the policy does not govern, so the page's own
policy stays in force while it is checked."""

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from calendar_feeds.models import Subscription
from tests.conftest import user_in
from tests.e2e.axe import axe_violations
from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HostFactory,
    VenueFactory,
    VisitFactory,
)
from visits.models import VisitGuest
from visits.models.choices import DelegationRole
from visits.roles import STAFF

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artefacts" / "screenshots"
LANGUAGES = ["en", "fr"]
A4_PORTRAIT, A4_LANDSCAPE = (595, 842), (842, 595)  # in points, as a PDF's MediaBox says
# What reaches past a phone's width, to name in a failure.
STICKING_OUT = """() => [...document.querySelectorAll("body *")]
  .filter(e => e.getBoundingClientRect().right > 390)
  .slice(0, 8)
  .map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`)"""


@dataclass(frozen=True)
class StaffPage:
    name: str  # of the screenshot
    heading: dict[str, str]  # the h1's beginning, by language


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def booked(visit, starts_at, minutes, title_en, title_fr, venue, hosts=(), **fields):
    fields.setdefault("status", "confirmed")
    made = EngagementFactory(
        visit=visit,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=minutes),
        title_en=title_en,
        title_fr=title_fr,
        venue=venue,
        **fields,
    )
    made.hosts.set(hosts)
    return made


@pytest.fixture
def this_week():
    """A week as the office lives it, around today: a two-day visit with a delegation, a
    tentative item, a confidential visit the reader sees as a busy block, a clash."""
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    fetes, arcades, jaune = (
        VenueFactory(name="Salle des Fêtes"),
        VenueFactory(name="Salon des Arcades"),
        VenueFactory(name="Salon Jaune"),
    )
    mayor = HostFactory(name="Anne Hidalgo", office_en="Mayor of Paris", office_fr="Maire de Paris")
    deputy = HostFactory(name="Patrick Bloche")
    rome = VisitFactory(
        occasion_en="Visit of the Mayor of Rome",
        occasion_fr="Visite du maire de Rome",
        starts_on=today,
        ends_on=today + timedelta(days=1),
        principal=GuestFactory(name="Roberto Gualtieri"),
        notes="Flags of Italy and France.\nAnthems at the arrival.",
    )
    VisitGuest.objects.create(
        visit=rome,
        guest=GuestFactory(name="Lucia Bianchi", title_en="", title_fr=""),
        role=DelegationRole.INTERPRETER,
        position=1,
    )
    rome.hosts.set([mayor])
    booked(rome, at(today, 10, 30), 25, "Welcome", "Accueil", fetes, [mayor])
    booked(rome, at(today, 11), 90, "Working lunch", "Déjeuner de travail", fetes, [mayor, deputy])
    booked(
        rome,
        at(today + timedelta(days=1), 9),
        45,
        "Golden Book signing",
        "Signature du Livre d’or",
        arcades,
        status="tentative",
    )
    berlin = VisitFactory(
        occasion_en="Visit of the Governing Mayor of Berlin",
        occasion_fr="Visite du maire-gouverneur de Berlin",
        starts_on=monday,
        principal=GuestFactory(name="Kai Wegner"),
    )
    booked(berlin, at(monday, 15), 60, "Talks on housing", "Entretien sur le logement", jaune)
    secret = VisitFactory(starts_on=monday, confidentiality="confidential")
    booked(secret, at(monday, 15, 30), 60, "Secret talks", "Entretien secret", jaune)
    restricted = VisitFactory(
        starts_on=monday + timedelta(days=4),
        confidentiality="restricted",
        principal=GuestFactory(name="Sadiq Khan"),
    )
    booked(
        restricted,
        at(monday + timedelta(days=4), 18),
        120,
        "Reception for the London delegation",
        "Réception de la délégation de Londres",
        fetes,
        [deputy],
    )
    return rome


@pytest.fixture
def reader(db):
    member = user_in(STAFF, "reader")
    member.first_name, member.last_name = "Claire", "Martin"
    member.save()
    Subscription.objects.create(
        owner=member, name="My engagements", scope="mine", token_digest="0" * 64
    )
    return member


@pytest.fixture
def staff_tab(live_server, shared_chromium, client):
    """A browser tab in a language, signed in as `user` (or not), JavaScript on for axe only:
    the page's policy refuses any script of its own. Returns the tab and its console errors."""
    contexts = []

    def open_tab(language, user=None):
        context = shared_chromium.new_context(locale=language, viewport=DESKTOP)
        contexts.append(context)
        if user is not None:
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
            )
        page = context.new_page()
        errors = []
        page.on(
            "console",
            lambda message: message.type == "error" and errors.append(f"console: {message.text}"),
        )
        page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
        return page, errors

    yield open_tab
    for context in contexts:
        context.close()


def check_both_widths(page, axe_script, name, language, heading):
    """Desktop then phone: the heading, a screenshot, axe, and no sideways scroll on a phone."""
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text().startswith(heading), page.locator("h1").inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"staff-{name}-{language}.png", full_page=True)
    assert axe_violations(page, axe_script) == [], name
    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / f"staff-{name}-{language}-phone.png", full_page=True)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    if width > PHONE["width"]:
        pytest.fail(f"{name} scrolls sideways on a phone: {width}px; {page.evaluate(STICKING_OUT)}")
    assert axe_violations(page, axe_script) == [], f"{name} on a phone"
    page.set_viewport_size(DESKTOP)


SIGNED_IN_PAGES = {
    "agenda": {"en": "Week of", "fr": "Semaine du"},
    "agenda-grid": {"en": "Week of", "fr": "Semaine du"},
    "agenda-day": {"en": "", "fr": ""},
    "run-sheet": {"en": "Visit of the Mayor of Rome", "fr": "Visite du maire de Rome"},
    "my-reminders": {"en": "My reminders", "fr": "Mes rappels"},
    "my-calendars": {"en": "My calendars", "fr": "Mes agendas"},
}


def path_of(name, visit):
    today = timezone.localdate()
    return {
        "agenda": reverse("staff:agenda", args=["week", today]),
        "agenda-grid": reverse("staff:agenda", args=["week", today]) + "?view=grid",
        "agenda-day": reverse("staff:agenda", args=["day", today]),
        "run-sheet": reverse("staff:run_sheet", args=[visit.reference]),
        "my-reminders": reverse("staff:my_reminders"),
        "my-calendars": reverse("staff:my_calendars"),
    }[name]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", SIGNED_IN_PAGES)
def test_staff_page_is_designed_accessible_and_fits_a_phone(
    staff_tab, live_server, axe_script, this_week, reader, name, language
):
    page, errors = staff_tab(language, reader)
    response = page.goto(f"{live_server.url}{path_of(name, this_week)}")
    assert response.status == 200
    check_both_widths(page, axe_script, name, language, SIGNED_IN_PAGES[name][language])
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_agenda_marks_today_and_places_each_item_in_its_day(
    staff_tab, live_server, this_week, reader, language
):
    page, errors = staff_tab(language, reader)
    page.goto(f"{live_server.url}{path_of('agenda-grid', this_week)}")
    today = page.locator(".week-grid .day.today")
    assert today.count() == 1
    items = today.locator("li .what").all_inner_texts()
    expected = {"en": ["Welcome", "Working lunch"], "fr": ["Accueil", "Déjeuner de travail"]}
    assert items == expected[language]
    assert page.locator(".week-grid .day").count() == 7
    busy = page.locator(".week-grid li.busy")
    assert busy.count() == 1 and "Secret" not in busy.inner_text()
    assert page.locator(".week-grid li.clash").count() == 2
    # The switch back to the list, a link: no script needed.
    page.locator(".segmented a[aria-current=page]").first.wait_for()
    list_link = {"en": "List", "fr": "Liste"}[language]
    page.get_by_role("link", name=list_link, exact=True).click()
    page.wait_for_load_state()
    assert "view=grid" not in page.url
    assert page.locator("section.day.today table tbody tr").count() == 2
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_login_page_is_designed_accessible_and_fits_a_phone(
    staff_tab, live_server, axe_script, language
):
    page, errors = staff_tab(language)
    page.goto(f"{live_server.url}{reverse('staff:login')}")
    heading = {"en": "Sign in", "fr": "Se connecter"}[language]
    check_both_widths(page, axe_script, "login", language, heading)
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_locked_out_page_is_designed_accessible_and_fits_a_phone(
    staff_tab, live_server, axe_script, language
):
    user_in(STAFF, "reader")
    page, errors = staff_tab(language)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        page.goto(f"{live_server.url}{reverse('staff:login')}")
        page.fill("#id_username", "reader")
        page.fill("#id_password", f"wrong {attempt}")
        page.locator("main button[type=submit]").click()
        page.wait_for_load_state()
    heading = {"en": "Sign-in paused", "fr": "Connexion suspendue"}[language]
    check_both_widths(page, axe_script, "locked-out", language, heading)
    # The browser notes the 429 itself; nothing else may be logged.
    assert [error for error in errors if "429" not in error] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_feeds_address_is_shown_designed_and_fits_a_phone(
    staff_tab, live_server, axe_script, reader, language
):
    page, errors = staff_tab(language, reader)
    page.goto(f"{live_server.url}{reverse('staff:my_calendars')}")
    page.fill("#id_name", "Rooms")
    page.select_option("#id_scope", "visible")
    page.locator("form.fields button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#feed-https").input_value().startswith("http")
    assert page.locator("#feed-webcal").input_value().startswith("webcal://")
    heading = SIGNED_IN_PAGES["my-calendars"][language]
    check_both_widths(page, axe_script, "my-calendars-new-feed", language, heading)
    assert errors == []


@pytest.mark.parametrize(
    ("name", "page_size"),
    [("run-sheet", A4_PORTRAIT), ("agenda", A4_PORTRAIT), ("agenda-grid", A4_LANDSCAPE)],
)
def test_staff_page_prints_on_a4_without_the_controls(
    staff_tab, live_server, this_week, reader, name, page_size
):
    page, errors = staff_tab("en", reader)
    page.goto(f"{live_server.url}{path_of(name, this_week)}")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    for control in ("header.site", "form.filters", ".toolbar", ".no-print"):
        assert all(not element.is_visible() for element in page.locator(control).all()), control
    assert page.locator("h1").is_visible()
    page.screenshot(path=SCREENSHOTS / f"staff-{name}-en-print.png", full_page=True)
    pdf = page.pdf(prefer_css_page_size=True)  # the stylesheet's @page, as a browser prints
    size = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups()
    assert tuple(round(float(side)) for side in size) == page_size
    assert errors == []
