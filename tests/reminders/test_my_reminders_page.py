"""/staff/my-reminders/: each member of staff sets their own language, address, lead times
and daily agenda; bad input is shown beside its field and saves nothing."""

import pytest
from django.urls import reverse

from visits.models import StaffProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client, staff_member):
    client.force_login(staff_member)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_the_page_shows_the_defaults_before_any_choice(page, django_assert_num_queries):
    # Savepoint and release (the request is atomic), session, user, permissions (2), profile.
    with django_assert_num_queries(7):
        response = page.get(reverse("staff:my_reminders"))
    assert response.status_code == 200
    assert 'value="7d, 1d, 2h"' in response.text


def test_a_member_of_staff_saves_their_own_settings(page, staff_member):
    response = page.post(
        reverse("staff:my_reminders"),
        {"language": "en", "email": "", "lead_times": "3d, 30m", "wants_daily_agenda": "on"},
        follow=True,
    )
    assert "Your reminder settings are saved." in response.text
    profile = StaffProfile.objects.get(user=staff_member)
    assert (profile.language, profile.lead_times, profile.wants_daily_agenda) == (
        "en",
        "3d, 30m",
        True,
    )
    assert profile.address == staff_member.email


def test_unreadable_lead_times_are_refused_beside_the_field(page, staff_member):
    response = page.post(reverse("staff:my_reminders"), {"language": "fr", "lead_times": "soon"})
    assert response.status_code == 400
    assert "Write lead times like “7d, 1d, 2h” (days, hours, minutes)." in response.text
    assert not StaffProfile.objects.filter(user=staff_member).exists()


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("staff:my_reminders"))
    assert response.status_code == 302 and "/staff/login/" in response["Location"]
