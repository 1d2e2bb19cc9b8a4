"""The protocol office's admin pages at a laptop's width (1,366 px), in French and English:
the visit form reads what, when, who, programme, then the rest; the lists fit without
scrolling sideways; the history reads as sentences. Full-page screenshots are left in
test-artefacts/screenshots/admin-<page>-<language>.png for a person to look at."""

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse, reverse_lazy

from tests.factories import (
    PARIS,
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    HostFactory,
    UserFactory,
    VenueFactory,
    VisitFactory,
)
from visits.services import add_task, move_visit, update_engagement, update_visit

pytestmark = pytest.mark.django_db(transaction=True)

LAPTOP = {"width": 1366, "height": 768}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artefacts" / "screenshots"
LANGUAGES = ["en", "fr"]


@pytest.fixture
def office(db):
    chief = UserFactory(username="chief", is_superuser=True, first_name="Claire")
    mayor = HostFactory(
        name="Anne Hidalgo", office_fr="Maire de Paris", office_en="Mayor of Paris", gender="f"
    )
    visit = VisitFactory(
        occasion_en="Visit of the Mayor of Rome",
        occasion_fr="Visite du maire de Rome",
        starts_on=date.today() + timedelta(days=12),
        principal=GuestFactory(name="Roberto Gualtieri", country="IT"),
    )
    visit.hosts.set([mayor])
    engagement = EngagementFactory(
        visit=visit, title_en="Golden Book signing", venue=VenueFactory(name="Salon des Arcades")
    )
    engagement.hosts.set([mayor])
    for days, title in [(-21, "Invitations"), (-10, "Press kit"), (-2, "Flags and anthems")]:
        add_task(visit, by=chief, title_en=title, title_fr=title, days_from_visit=days)
    move_visit(visit, "postponed", by=chief, note="The Mayor of Rome asked for a later date")
    update_visit(visit, by=chief, confidentiality="restricted")
    update_engagement(engagement, by=chief, title_en="Signing of the Golden Book")
    for number in range(3):  # the engagements' list: more than one row, in the past too
        EngagementFactory(
            visit=VisitFactory(
                starts_on=date.today() + timedelta(days=20 * number - 20),
                principal=GuestFactory(name=f"Guest number {number}", country="BR"),
            ),
            title_en="Meeting with the Mayor of Rio de Janeiro and the delegation",
        )
    HonoraryCitizenshipFactory(honoree=GuestFactory(name="Narges Mohammadi", country="IR"))
    return {"chief": chief, "visit": visit, "engagement": engagement}


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


@pytest.fixture
def laptop(live_server, shared_chromium, client):
    """Opens admin pages at 1,366 px with JavaScript on (the admin's widgets change heights),
    signed in as the given user, in the given language."""
    contexts = []

    def open_as(user, language):
        client.force_login(user)
        context = shared_chromium.new_context(locale=language, viewport=LAPTOP)
        contexts.append(context)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
        return context.new_page()

    yield open_as
    for context in contexts:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_visit_form_reads_what_when_who_programme(laptop, live_server, office, language):
    page = laptop(office["chief"], language)
    url = reverse("admin:visits_visit_change", args=[office["visit"].pk])
    assert page.goto(live_server.url + url).status == 200
    page.wait_for_load_state("networkidle")
    shoot(page, f"admin-visit-form-{language}")
    height = page.evaluate("document.body.scrollHeight")
    print(f"visit form height ({language}):", height)
    # The same visit took 2,907 px (English) and 3,017 px (French) in stock Django's order.
    assert height < 2600, height
    headings = page.locator("#visit_form h2").all_inner_texts()
    expected = {
        "en": ["Dates", "Principal guests and delegation", "Who receives", "Engagements"],
        "fr": ["Dates", "Invités principaux et délégation", "Accueil", "Séquences"],
    }[language]
    assert [h.strip().lower() for h in headings[:4]] == [h.lower() for h in expected]


LISTS = {
    "visits": reverse_lazy("admin:visits_visit_changelist"),
    "engagements": reverse_lazy("admin:visits_engagement_changelist"),
    "guests": reverse_lazy("admin:visits_guest_changelist"),
    "honours": reverse_lazy("admin:visits_honorarycitizenship_changelist"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_lists_fit_a_laptop_window(laptop, live_server, office, language):
    page = laptop(office["chief"], language)
    for name, url in LISTS.items():
        assert page.goto(live_server.url + str(url)).status == 200
        page.wait_for_load_state("networkidle")
        shoot(page, f"admin-{name}-{language}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= LAPTOP["width"], (name, width)


@pytest.mark.parametrize("language", LANGUAGES)
def test_history_pages_read_as_sentences(laptop, live_server, office, language):
    page = laptop(office["chief"], language)
    visit, engagement = office["visit"], office["engagement"]
    pages = {
        "visit-history": reverse("admin:visits_visit_history", args=[visit.pk]),
        "engagement-history": reverse("admin:visits_engagement_history", args=[engagement.pk]),
        "visit-snapshot": reverse(
            "admin:visits_visit_simple_history",
            args=[visit.pk, visit.history.earliest().history_id],
        ),
    }
    for name, url in pages.items():
        assert page.goto(live_server.url + url).status == 200
        page.wait_for_load_state("networkidle")
        shoot(page, f"admin-{name}-{language}")
        assert "chars]" not in page.content()
    status = {"en": "Status: Confirmed → Postponed", "fr": "Statut\u00a0: Confirmée → Reportée"}
    page.goto(live_server.url + pages["visit-history"])
    assert status[language] in page.locator(".history-changes").all_inner_texts()
    page.goto(live_server.url + pages["visit-snapshot"])
    banner = {"en": "A past version, read only.", "fr": "Version passée, en lecture seule."}
    assert banner[language] in page.locator(".messagelist").inner_text()
    assert page.locator("#content-main input:not([type=hidden]), #content-main select").count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_confirming_offers_the_tentative_programme(laptop, live_server, office, language):
    visit = VisitFactory(status="approved", starts_on=date.today() + timedelta(days=40))
    for hour in (10, 15):
        EngagementFactory(visit=visit, status="tentative", starts_at=at_hour(visit, hour))
    page = laptop(office["chief"], language)
    assert page.goto(live_server.url + reverse("admin:visits_visit_change", args=[visit.pk]))
    offered = page.locator("select[name=status] option").evaluate_all(
        "options => options.map(o => o.value)"
    )
    assert offered == ["approved", "confirmed", "postponed", "cancelled"]
    label = {"en": "Also confirm its 2 tentative engagements", "fr": "Confirmer aussi ses 2"}
    assert label[language] in page.locator(".field-confirm_programme").inner_text()
    page.screenshot(path=SCREENSHOTS / f"admin-visit-confirming-{language}.png")


def at_hour(visit, hour):
    day = visit.starts_on
    return datetime(day.year, day.month, day.day, hour, tzinfo=PARIS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_agreement_s_form_holds_its_actions_and_texts(laptop, live_server, office, language):
    from visits.demo.agreements import add_demo_agreements
    from visits.models import Agreement

    add_demo_agreements()
    rome = Agreement.objects.get(kind="twinning")
    page = laptop(office["chief"], language)
    url = reverse("admin:visits_agreement_change", args=[rome.pk])
    assert page.goto(live_server.url + url).status == 200
    page.wait_for_load_state("networkidle")
    shoot(page, f"admin-agreement-{language}")
    assert page.evaluate("document.documentElement.scrollWidth") <= LAPTOP["width"]
    heading = {"en": "actions under the agreement", "fr": "actions menées au titre de l’accord"}
    inlines = [h.strip().lower() for h in page.locator(".inline-group h2").all_inner_texts()]
    assert heading[language] in inlines
    assert page.locator("#actions-group .inline-related:not(.empty-form)").count() == 2
