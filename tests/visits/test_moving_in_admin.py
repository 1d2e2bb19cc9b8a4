"""“Move with its programme” in the admin: the button, the preview that writes nothing, the
confirmation that moves, refusals beside the field (visits.admin.moving)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from tests.factories import VenueFactory
from tests.visits.test_shifting import DAY, at, book, new_visit, snapshot
from visits.models import Engagement, Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(officer_client):
    officer_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return officer_client


@pytest.fixture
def visit(officer):
    visit = new_visit(officer)
    book(visit, at(10), at(11), venue=VenueFactory(name="Salon des Arcades"))
    return visit


def day(value) -> str:
    return date_format(value, "DATE_FORMAT")


def move_url(visit):
    return reverse("admin:visits_visit_move", args=[visit.pk])


def test_visit_page_offers_the_move(officer_client, visit):
    page = officer_client.get(reverse("admin:visits_visit_change", args=[visit.pk]))
    assert f'href="{move_url(visit)}"' in page.content.decode()


def test_held_visit_page_does_not_offer_the_move(officer_client, visit):
    Visit.objects.filter(pk=visit.pk).update(status="held")
    page = officer_client.get(reverse("admin:visits_visit_change", args=[visit.pk]))
    assert move_url(visit) not in page.content.decode()


def test_preview_shows_old_and_new_times_and_writes_nothing(officer_client, visit):
    before = snapshot()
    page = officer_client.post(move_url(visit), {"days": "2", "preview": "1"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Preview: the visit would start on" in text
    assert f'<td data-label="Currently">Tue {day(DAY)}, 10:00–11:00</td>' in text
    assert (
        f'<td data-label="After the move"><strong>Thu {day(DAY + timedelta(days=2))}, '
        "10:00–11:00</strong></td>"
    ) in text
    assert 'name="confirm"' in text
    assert snapshot() == before


def test_confirm_moves_and_returns_to_the_visit_with_a_message(officer_client, visit):
    preview = officer_client.post(move_url(visit), {"days": "2", "preview": "1"})
    version = preview.context["form"].initial["version"]
    response = officer_client.post(
        move_url(visit),
        {"days": "2", "first_day": "", "note": "Rome asked", "version": version, "confirm": "1"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("admin:visits_visit_change", args=[visit.pk])
    assert [str(m) for m in response.context["messages"]] == [
        f"{visit.reference} now starts on {day(DAY + timedelta(days=2))}, with its 1 engagement."
    ]
    assert Visit.objects.get(pk=visit.pk).starts_on == DAY + timedelta(days=2)
    assert Engagement.objects.get().starts_at == at(10, day=DAY + timedelta(days=2))


def test_confirm_after_the_visit_changed_is_refused(officer_client, visit):
    response = officer_client.post(
        move_url(visit), {"days": "2", "version": "2000-01-01T00:00:00+00:00", "confirm": "1"}
    )
    assert response.status_code == 200
    assert "The visit changed since this preview" in response.content.decode()
    assert Visit.objects.get(pk=visit.pk).starts_on == DAY


def test_clash_is_shown_beside_the_field_and_nothing_moves(officer_client, visit, officer):
    other = new_visit(officer, day=date(2027, 7, 8), ends_on=None)
    book(
        other,
        at(10, day=date(2027, 7, 8)),
        at(11, day=date(2027, 7, 8)),
        venue=visit.engagements.get().venue,
        title_en="Lunch",
    )
    page = officer_client.post(move_url(visit), {"first_day": "2027-07-08", "preview": "1"})
    assert page.context["form"].errors["first_day"][0].startswith("“Reception”, ")
    assert "Salon des Arcades is taken by “Lunch”" in page.content.decode()
    assert page.context["plan"] is None


def test_staff_without_the_office_rights_cannot_open_it(client, staff_member, visit):
    client.force_login(staff_member)
    assert client.get(move_url(visit)).status_code in (403, 302)
    assert Visit.objects.get(pk=visit.pk).starts_on == DAY
