"""Malformed input to the admin is a form error or a 4xx, never a server error."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import GuestFactory, VenueFactory, VisitFactory
from tests.visits.test_admin_forms import engagement_form


@pytest.fixture
def strict_client(officer):
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(officer)
    return client


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("hosts", "“abc” is not a valid value."),
        ("venue", "Select a valid choice. That choice is not one of the available choices."),
        ("visit", "Select a valid choice. That choice is not one of the available choices."),
    ],
)
def test_engagement_form_with_a_non_numeric_link_is_a_form_error(strict_client, field, message):
    visit = VisitFactory()
    data = engagement_form(visit, VenueFactory()) | {field: "abc"}
    response = strict_client.post(reverse("admin:visits_engagement_add"), data)
    assert response.status_code == 200
    assert message in response.text
    assert not visit.engagements.exists()


@pytest.mark.parametrize("query", ["visit=abc", "starts_at=xx", "venue=1.5", "hosts=a,b"])
def test_engagement_add_page_ignores_malformed_initial_values(strict_client, query):
    response = strict_client.get(reverse("admin:visits_engagement_add") + "?" + query)
    assert response.status_code == 200


def test_changelist_action_on_malformed_ids_selects_nothing(strict_client):
    response = strict_client.post(
        reverse("admin:visits_engagement_changelist"),
        {"action": "cancel_selected", "_selected_action": ["abc"]},
        follow=True,
    )
    assert response.status_code == 200
    assert "Items must be selected in order to perform actions on them." in response.text


def test_engagement_add_page_keeps_a_well_formed_visit_from_the_query(strict_client):
    visit = VisitFactory(occasion_en="Visit of the Mayor of Rome")
    response = strict_client.get(reverse("admin:visits_engagement_add") + f"?visit={visit.pk}")
    assert f'<option value="{visit.pk}" selected>{visit}</option>' in response.text


@pytest.mark.parametrize(
    "query",
    [
        "starts_on__year=9999",
        "starts_on__year=9999&starts_on__month=12",
        "starts_on__year=0",
    ],
)
def test_visit_list_with_a_date_filter_beyond_the_calendar_redirects(strict_client, query):
    response = strict_client.get(reverse("admin:visits_visit_changelist") + "?" + query)
    assert response.status_code == 302 and response.url.endswith("?e=1")


def test_engagement_ending_millennia_later_is_a_form_error(strict_client):
    visit = VisitFactory()
    room = VenueFactory(turnover_minutes=120)
    data = engagement_form(visit, room, ends_at_0="9999-12-31", ends_at_1="23:59")
    response = strict_client.post(reverse("admin:visits_engagement_add"), data)
    assert response.status_code == 200
    assert "An engagement ends by the day after its visit’s last day." in response.text


LINE_BREAK = "Write this on one line: a line break is not allowed here."


def test_engagement_title_with_a_line_break_is_a_form_error_beside_it(strict_client):
    visit = VisitFactory()
    data = engagement_form(visit, VenueFactory(), title_fr="Séance\r\nBcc: x@example.org")
    response = strict_client.post(reverse("admin:visits_engagement_add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"title_fr": [LINE_BREAK]}
    assert not visit.engagements.exists()


def test_guest_name_with_a_control_character_is_a_form_error_beside_it(strict_client):
    guest = GuestFactory(name="Roberto Gualtieri")
    data = {
        "kind": "person",
        "name": "Roberto\x07Gualtieri",
        "sort_name": "Gualtieri, Roberto",
        "category": "mayor",
        "country": "IT",
        "city": "Rome\tRoma",
        "title_fr": "Maire de Rome",
        "title_en": "Mayor of Rome",
        "gender": "m",
        "language": "fr",
        "notes": "Deux\nlignes",  # a text may
    }
    response = strict_client.post(reverse("admin:visits_guest_change", args=[guest.pk]), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "name": ["This text holds an invisible control character (U+0007): remove it."],
        "city": ["A tab is not allowed here: use a space."],
    }
    guest.refresh_from_db()
    assert guest.name == "Roberto Gualtieri"
