"""The leak properties, in the admin: lists, autocomplete, change and history pages."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import event, given
from hypothesis import strategies as st

from tests.factories import (
    EngagementFactory,
)
from tests.visits.leak_world import (
    PROPERTY,
    leaks,
    pks,
    rolled_back,
    scenarios,
    seed,
    split,
)

pytestmark = pytest.mark.django_db

# --- 2. the admin ---------------------------------------------------------------------------
# An admin page costs 30 to 80 ms: each example draws one signed-in viewer (25 examples cover
# the four), and always checks that the public and an inactive account are sent to sign in,
# and that an account in no group (admin access, no permission) is refused.

SIGNED_IN = ["staff", "officer", "lead", "cleared"]
REFUSED = {"anonymous": 302, "inactive": 302, "nogroup": 403}

CHANGELISTS = {
    "visit": lambda row: [row.visit.occasion_en, row.guest.name, row.visit.reference],
    "engagement": lambda row: [row.engagement.title_en, row.visit.reference],
    "guest": lambda row: [row.guest.name],
}
# Autocomplete: (model holding the link, link) -> the row's object it offers.
AUTOCOMPLETES = {
    ("engagement", "visit"): lambda row: row.visit,
    ("visitguest", "guest"): lambda row: row.guest,
    ("honorarycitizenship", "ceremony"): lambda row: row.engagement,
}


def admin_lists():
    for model in CHANGELISTS:
        url = reverse(f"admin:visits_{model}_changelist")
        yield model, url, {}
        yield model, url, {"q": "Zqx"}


def autocompletes():
    for (model, field), offered in AUTOCOMPLETES.items():
        query = {"app_label": "visits", "model_name": model, "field_name": field, "term": "Zqx"}
        yield reverse("admin:autocomplete"), query, offered


def refused_pages(row):
    """A hidden record's change page sends back to the index; its history (the list and one
    past version) is a 404."""
    return [
        (reverse("admin:visits_visit_change", args=[row.visit.pk]), 302),
        (reverse("admin:visits_visit_history", args=[row.visit.pk]), 404),
        (
            reverse(
                "admin:visits_visit_simple_history",
                args=[row.visit.pk, row.visit.history.latest().history_id],
            ),
            404,
        ),
        (reverse("admin:visits_engagement_change", args=[row.engagement.pk]), 302),
        (reverse("admin:visits_engagement_history", args=[row.engagement.pk]), 404),
        (reverse("admin:visits_guest_change", args=[row.guest.pk]), 302),
    ]


def opened_pages(row):
    """A visible record's pages that show linked records (a guest's page shows none)."""
    return [
        reverse("admin:visits_visit_change", args=[row.visit.pk]),
        reverse("admin:visits_visit_history", args=[row.visit.pk]),
        reverse("admin:visits_engagement_change", args=[row.engagement.pk]),
        reverse("admin:visits_engagement_history", args=[row.engagement.pk]),
    ]


@PROPERTY
@given(specs=scenarios, name=st.sampled_from(SIGNED_IN))
def test_admin_lists_and_autocomplete_show_only_what_the_rules_allow(world, specs, name):
    viewer, client = world.viewer(name), world.clients[name]
    event(f"viewer: {name}")  # --hypothesis-show-statistics shows how often each is drawn
    with rolled_back():
        rows = seed(world, specs)
        shown, hidden = split(rows, viewer)
        for model, url, query in admin_lists():
            response = client.get(url, query)
            text = response.content.decode()
            assert response.status_code == 200, (name, url)
            assert leaks(text, hidden) == [], (name, url, query)
            listed = [token for row in shown for token in CHANGELISTS[model](row)]
            assert [token for token in listed if token not in text] == [], (name, url, query)
        for url, query, offered in autocompletes():
            response = client.get(url, query)
            text = response.content.decode()
            assert leaks(text, hidden) == [], (name, query)
            found = {int(result["id"]) for result in json.loads(text)["results"]}
            assert found == pks(offered(row) for row in shown), (name, query)
        for refused, status in REFUSED.items():
            pages = [
                *((url, query) for _, url, query in admin_lists()),
                *((url, query) for url, query, _ in autocompletes()),
            ]
            for url, query in pages:
                response = world.clients[refused].get(url, query)
                assert response.status_code == status, (refused, url)
                assert leaks(response.content.decode(), rows) == [], (refused, url)


@PROPERTY
@given(specs=scenarios, name=st.sampled_from(SIGNED_IN))
def test_admin_change_and_history_pages_of_hidden_records_are_refused(world, specs, name):
    viewer, client = world.viewer(name), world.clients[name]
    event(f"viewer: {name}")  # --hypothesis-show-statistics shows how often each is drawn
    with rolled_back():
        rows = seed(world, specs)
        shown, hidden = split(rows, viewer)
        for row in hidden:
            for url, refused in refused_pages(row):
                response = client.get(url)
                assert response.status_code == refused, (name, url)
                assert leaks(response.content.decode(), hidden) == [], (name, url)
        for row in shown:
            for url in opened_pages(row):
                response = client.get(url)
                assert response.status_code == 200, (name, url)
                assert leaks(response.content.decode(), hidden) == [], (name, url)
        for refused, status in REFUSED.items():
            hidden_from_them = split(rows, world.viewer(refused))[1]
            for row in rows:
                for url, not_found in refused_pages(row):
                    # A history page the door hides is not found, whoever asks.
                    door = not_found == 404 and row in hidden_from_them and status == 403
                    response = world.clients[refused].get(url)
                    assert response.status_code == (404 if door else status), (refused, url)
                    assert leaks(response.content.decode(), rows) == [], (refused, url)


def test_engagement_change_page_opens_read_only_for_staff(staff_member):
    """Staff hold only the view permission: the page opens read-only. EngagementAdmin.get_form
    once read form.base_fields["status"], absent from a read-only form: a KeyError, a 500."""
    engagement = EngagementFactory(title_en="Open reception")
    client = Client(HTTP_ACCEPT_LANGUAGE="en", raise_request_exception=False)
    client.force_login(staff_member)
    response = client.get(reverse("admin:visits_engagement_change", args=[engagement.pk]))
    assert response.status_code == 200, "view-only engagement page: server error"
    assert "Open reception" in response.content.decode()
