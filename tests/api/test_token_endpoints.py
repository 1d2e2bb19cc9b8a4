"""Users manage their own tokens through the API."""

import pytest
from django.urls import reverse

from visits.models import ApiToken

pytestmark = pytest.mark.django_db


def test_owner_makes_lists_and_revokes_a_token(client, staff_member, officer):
    client.force_login(staff_member)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    ApiToken.issue(officer, "someone else's")
    made = client.post(
        reverse("api:create_token"),
        {"name": "press office"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN="ignored",  # the test client does not enforce CSRF
    )
    assert made.status_code == 201
    secret, token_id = made.json()["secret"], made.json()["id"]
    listed = client.get(reverse("api:list_tokens")).json()
    assert [(t["name"], t["last_used_at"]) for t in listed] == [("press office", None)]
    assert "secret" not in listed[0]
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert client.get(reverse("api:list_visits"), **bearer).status_code == 200
    assert client.delete(reverse("api:revoke_token", args=[token_id])).status_code == 204
    client.logout()
    assert client.get(reverse("api:list_visits"), **bearer).status_code == 401


def test_nobody_revokes_anothers_token(client, staff_member, officer):
    theirs, _secret = ApiToken.issue(officer, "theirs")
    client.force_login(staff_member)
    assert client.delete(reverse("api:revoke_token", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_session_writes_need_the_csrf_token(staff_member):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    strict.force_login(staff_member)
    response = strict.post(
        reverse("api:create_token"), {"name": "x"}, content_type="application/json"
    )
    assert response.status_code == 403  # no CSRF token: the session may not write
    assert response.json()["error"] == "forbidden"
    assert not ApiToken.objects.exists()


def test_a_token_name_with_a_line_break_is_refused_naming_the_field(client, staff_member):
    client.force_login(staff_member)
    refused = client.post(
        reverse("api:create_token"),
        {"name": "press\r\nBcc: x"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert refused.status_code == 400
    assert refused.json()["fields"] == {
        "name": ["Write this on one line: a line break is not allowed here."]
    }
    assert not ApiToken.objects.exists()
