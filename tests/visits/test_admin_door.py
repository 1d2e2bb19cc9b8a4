"""The admin's forms for an officer who is not cleared for confidential visits: links to other
records offer, accept and redisplay only what the visibility door lets them see."""

import pytest
from django.urls import reverse

from tests.factories import EngagementFactory, GuestFactory, VenueFactory, VisitFactory
from tests.visits.test_admin_forms import engagement_form, visit_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret():
    visit = VisitFactory(
        confidentiality="confidential",
        occasion_en="Secret summit",
        occasion_fr="Sommet secret",
        principal=GuestFactory(name="Ms Secret"),
    )
    EngagementFactory(visit=visit, title_en="Secret meeting", title_fr="Entretien secret")
    return visit


def shows_no_secret(response) -> bool:
    text = response.content.decode()
    return not any(
        word in text for word in ("Ms Secret", "Secret summit", "Sommet secret", "Secret meeting")
    )


def test_add_pages_do_not_print_a_hidden_record_given_in_the_url(officer_client, secret):
    guest = secret.guests.get()
    engagement = secret.engagements.get()
    pages = [
        officer_client.get(reverse("admin:visits_engagement_add"), {"visit": secret.pk}),
        officer_client.get(reverse("admin:visits_honorarycitizenship_add"), {"honoree": guest.pk}),
        officer_client.get(
            reverse("admin:visits_honorarycitizenship_add"), {"ceremony": engagement.pk}
        ),
    ]
    assert all(page.status_code == 200 and shows_no_secret(page) for page in pages)


def test_an_engagement_cannot_be_added_to_a_hidden_visit(officer_client, secret):
    response = officer_client.post(
        reverse("admin:visits_engagement_add"),
        engagement_form(secret, VenueFactory()),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200 and shows_no_secret(response)
    assert "Select a valid choice" in response.content.decode()
    assert secret.engagements.count() == 1


def test_a_hidden_guest_cannot_be_added_to_a_visible_visit(officer_client, secret):
    hidden_guest = secret.guests.get()
    data = visit_form((hidden_guest.pk, "principal"))
    response = officer_client.post(reverse("admin:visits_visit_add"), data)
    assert response.status_code == 200 and shows_no_secret(response)
    assert list(hidden_guest.visits.all()) == [secret]


def test_the_cleared_officer_may_link_to_the_confidential_visit(client, cleared_officer, secret):
    client.force_login(cleared_officer)
    response = client.post(
        reverse("admin:visits_engagement_add"),
        engagement_form(secret, VenueFactory(), starts_at_1="15:00", ends_at_1="16:00"),
    )
    assert response.status_code == 302
    assert secret.engagements.count() == 2


def test_honour_form_offers_only_visible_guests(officer_client, secret):
    shown = GuestFactory(name="Open Guest")
    form = (
        officer_client.get(reverse("admin:visits_honorarycitizenship_add"))
        .context["adminform"]
        .form
    )
    choices = set(form.fields["honoree"].queryset)
    assert shown in choices and secret.guests.get() not in choices
