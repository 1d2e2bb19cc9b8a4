"""An officer moving a visit with its programme, in Chromium, in English and French: the button
on the visit's page, a first try refused beside the field (the room is taken), the preview of
each engagement's old and new times, the confirmation and the visit's page after it. The move
page meets WCAG 2.1 AA as axe-core checks it. Screenshots at a desktop's width are left in
test-artefacts/screenshots/moving-a-visit-<step>-<language>.png for a person to look at."""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.conftest import user_in
from tests.e2e.test_staff_pages import axe_violations
from tests.factories import HostFactory, VenueFactory
from tests.visits.test_shifting import at, book, new_visit
from visits.models import Engagement, Visit
from visits.roles import PROTOCOL_OFFICE

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artefacts" / "screenshots"
FIRST_DAY = date(2027, 7, 6)
WORDS = {
    "en": {
        "button": "Move with its programme",
        "preview": "Preview the move",
        "confirm": "Move the visit and its programme",
        "taken": "Salon des Arcades is taken",
        "moved": "now starts on",
    },
    "fr": {
        "button": "Déplacer avec son programme",
        "preview": "Prévisualiser le déplacement",
        "confirm": "Déplacer la visite et son programme",
        "taken": "Salon des Arcades est",
        "moved": "commence désormais le",
    },
}


@pytest.fixture
def office(db):
    officer = user_in(PROTOCOL_OFFICE, "claire")
    officer.first_name, officer.last_name = "Claire", "Martin"
    officer.save()
    arcades = VenueFactory(name="Salon des Arcades")
    mayor = HostFactory(
        name="Anne Hidalgo", office_fr="Maire de Paris", office_en="Mayor of Paris", gender="f"
    )
    visit = new_visit(
        officer,
        occasion_en="Visit of the Mayor of Rome",
        occasion_fr="Visite du maire de Rome",
    )
    book(
        visit,
        at(10),
        at(11),
        venue=arcades,
        hosts=[mayor],
        title_fr="Entretien",
        title_en="Talks with the Mayor",
    )
    book(
        visit,
        at(11, 30),
        at(12),
        venue=VenueFactory(name="Salle des Fêtes"),
        title_fr="Signature du Livre d’or",
        title_en="Golden Book signing",
    )
    book(
        visit,
        at(15, day=date(2027, 7, 7)),
        at(16, day=date(2027, 7, 7)),
        location="Parvis",
        title_fr="Point presse",
        title_en="Press point",
    )
    other = new_visit(officer, day=date(2027, 7, 7), ends_on=None)
    book(
        other,
        at(10, day=date(2027, 7, 7)),
        at(12, day=date(2027, 7, 7)),
        venue=arcades,
        title_fr="Déjeuner",
        title_en="Lunch",
    )
    return {"officer": officer, "visit": visit}


@pytest.fixture
def desktop(live_server, shared_chromium, client):
    """Admin pages at a desktop's width, JavaScript on (the admin's own scripts), signed in."""
    contexts = []

    def open_as(user, language):
        client.force_login(user)
        context = shared_chromium.new_context(locale=language, viewport=DESKTOP)
        contexts.append(context)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
        page = context.new_page()
        errors = []
        page.on("console", lambda m: m.type == "error" and errors.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda error: errors.append(str(error)))
        return page, errors

    yield open_as
    for context in contexts:
        context.close()


def shoot(page, step, language, full_page=True):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"moving-a-visit-{step}-{language}.png"
    page.screenshot(path=path, full_page=full_page)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_officer_moving_a_visit_with_its_programme(
    desktop, live_server, office, axe_script, language
):
    words, visit = WORDS[language], office["visit"]
    page, errors = desktop(office["officer"], language)
    change_url = live_server.url + reverse("admin:visits_visit_change", args=[visit.pk])
    assert page.goto(change_url).status == 200
    assert page.locator("html").get_attribute("lang") == language
    button = page.get_by_role("link", name=words["button"])
    assert button.is_visible()
    shoot(page, "button", language, full_page=False)

    button.click()
    page.wait_for_url("**/move/")
    page.locator("#id_days").fill("1")
    page.get_by_role("button", name=words["preview"]).click()
    refusal = page.locator(".field-days .errorlist")
    assert words["taken"] in refusal.inner_text()
    assert page.get_by_role("button", name=words["confirm"]).count() == 0
    shoot(page, "refused", language)

    page.locator("#id_days").fill("3")
    page.locator("#id_note").fill("Rome asked for the Friday")
    page.get_by_role("button", name=words["preview"]).click()
    rows = page.locator("table tbody tr")
    assert rows.count() == 3
    assert "10:00–11:00" in rows.first.inner_text()
    assert errors == [], "\n".join(errors)
    assert axe_violations(page, axe_script) == []
    errors.clear()  # axe-core's own <style>, which the admin's policy refuses: not the page's
    shoot(page, "preview", language)
    page.set_viewport_size(PHONE)
    shoot(page, "preview", f"{language}-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size(DESKTOP)
    assert Visit.objects.get(pk=visit.pk).starts_on == FIRST_DAY  # a preview moves nothing

    page.get_by_role("button", name=words["confirm"]).click()
    page.wait_for_url(change_url)
    message = page.locator(".messagelist .success")
    assert words["moved"] in message.inner_text()
    shoot(page, "result", language, full_page=False)
    assert Visit.objects.get(pk=visit.pk).starts_on == date(2027, 7, 9)
    assert sorted(Engagement.objects.filter(visit=visit).values_list("starts_at", flat=True)) == [
        at(10, day=date(2027, 7, 9)),
        at(11, 30, date(2027, 7, 9)),
        at(15, day=date(2027, 7, 10)),
    ]
    assert errors == [], "\n".join(errors)
