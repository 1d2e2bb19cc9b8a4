"""Every staff page, admin page and the API's documentation carries a Content-Security-Policy:
the staff pages the public pages' one (no script, no inline style), the admin and the API docs
that one widened to this site's own scripts and nothing inline without the page's nonce."""

import re

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from tests.factories import EngagementFactory, HonoraryCitizenshipFactory, UserFactory
from tests.visits.staff_pages import agenda_url

pytestmark = pytest.mark.django_db

NO_SCRIPT = {
    "default-src": "'none'",
    "style-src": "'self'",
    "img-src": "'self'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
}
SCRIPTED = NO_SCRIPT | {
    "script-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
}


def directives(response):
    policy = response["Content-Security-Policy"]
    parsed = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    # A nonce is drawn per response: compare the rest.
    return {name: re.sub(r" 'nonce-[^']+'", "", value) for name, value in parsed.items()}


@pytest.fixture
def superuser_client():
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(UserFactory(username="chief", is_superuser=True))
    return client


def admin_pages():
    engagement = EngagementFactory()
    HonoraryCitizenshipFactory()
    pages = [reverse("admin:index"), reverse("admin:password_change")]
    for model in admin.site._registry:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages.append(reverse(f"{name}_changelist"))
    visit = engagement.visit
    pages += [
        reverse("admin:visits_visit_add"),
        reverse("admin:visits_visit_change", args=[visit.pk]),
        reverse("admin:visits_visit_history", args=[visit.pk]),
        reverse("admin:visits_engagement_change", args=[engagement.pk]),
        reverse("admin:visits_engagement_history", args=[engagement.pk]),
        reverse("admin:app_list", args=["visits"]),
    ]
    return pages


def test_every_admin_page_carries_the_scripted_policy(superuser_client):
    pages = admin_pages()
    assert len(pages) > 20
    for page in pages:
        response = superuser_client.get(page, follow=True)  # a one-row list leads to its row
        assert response.status_code == 200, page
        assert directives(response) == SCRIPTED, page


def test_the_admin_login_and_the_api_docs_carry_the_scripted_policy(superuser_client):
    assert directives(Client().get(reverse("admin:login"))) == SCRIPTED
    docs = superuser_client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert directives(docs) == SCRIPTED


def test_every_staff_page_carries_the_no_script_policy(staff_member):
    visit = EngagementFactory().visit
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    anonymous_login = client.get(reverse("staff:login"))
    assert directives(anonymous_login) == NO_SCRIPT
    client.force_login(staff_member)
    pages = [
        agenda_url(),
        agenda_url(period="day"),
        reverse("staff:run_sheet", args=[visit.reference]),
        reverse("staff:my_reminders"),
        reverse("staff:my_calendars"),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert directives(response) == NO_SCRIPT, page
        text = response.text
        assert "<script" not in text and "<style" not in text and " style=" not in text, page
    made = client.post(reverse("staff:my_calendars"), {"name": "Mine", "scope": "mine"})
    assert made.status_code == 201 and "feed-https" in made.text
    assert " style=" not in made.text and directives(made) == NO_SCRIPT


def test_the_lockout_page_carries_the_no_script_policy(staff_member):
    for n in range(5):
        Client().post(reverse("staff:login"), {"username": "staff", "password": f"wrong {n}"})
    locked = Client().post(reverse("staff:login"), {"username": "staff", "password": "x"})
    assert locked.status_code == 429
    assert directives(locked) == NO_SCRIPT
    assert "staff/staff.css" in locked.text and "<style" not in locked.text
