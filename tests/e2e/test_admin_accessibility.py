"""The admin is a staff page too: each page the protocol office works in meets WCAG 2.1 AA as
axe-core checks it, in French and English, with the navigation bar and the project's own
templates and styles (Django's admin is checked as this project dresses it)."""

import pytest
from django.urls import reverse

from tests.e2e.axe import axe_violations
from tests.e2e.test_admin_pages import LANGUAGES, laptop, office  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db(transaction=True)

# The autocomplete boxes Django's admin builds with its bundled select2 4.0 (script-made
# markup: a combobox span, a search input, list items in a span) are left out; the <select>
# they stand for is named. Everything else on each page is checked.
SELECT2 = [".select2-container"]


def admin_pages(office):  # noqa: F811 (the fixture's value)
    visit, engagement = office["visit"], office["engagement"]
    return {
        "index": reverse("admin:index"),
        "visits": reverse("admin:visits_visit_changelist"),
        "visit": reverse("admin:visits_visit_change", args=[visit.pk]),
        "visit-history": reverse("admin:visits_visit_history", args=[visit.pk]),
        "visit-move": reverse("admin:visits_visit_move", args=[visit.pk]),
        "engagements": reverse("admin:visits_engagement_changelist"),
        "engagement": reverse("admin:visits_engagement_change", args=[engagement.pk]),
        "guests": reverse("admin:visits_guest_changelist"),
        "honours": reverse("admin:visits_honorarycitizenship_changelist"),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_pages_meet_wcag_21_aa(laptop, live_server, office, axe_script, language):  # noqa: F811
    page = laptop(office["chief"], language)
    found = {}
    for name, url in admin_pages(office).items():
        assert page.goto(live_server.url + url).status == 200, name
        violations = axe_violations(page, axe_script, exclude=SELECT2)
        if violations:
            found[name] = violations
    assert found == {}
