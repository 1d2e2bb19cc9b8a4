"""Who gets in: the API asks for the permission the staff pages ask for (one definition,
visits.models.visibility.STAFF_PERMISSION), and a bad `Authorization` header is a 401 in the
API's error shape for every method, never a fall back to the session and its CSRF check."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from tests.factories import EngagementFactory, GuestFactory, VisitFactory
from visits.models import ApiToken
from visits.models.visibility import STAFF_PERMISSION

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit(db):
    """Public and confirmed: anyone may know of it, but not its notes."""
    visit = VisitFactory(notes="Internal: security briefing")
    EngagementFactory(visit=visit, status="tentative")
    return visit


def bearer(user) -> dict:
    _token, raw = ApiToken.issue(user, "integration")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_user_in_no_group_is_refused_naming_the_missing_permission(visit, user_in_no_group):
    for client, headers in [
        (Client(HTTP_ACCEPT_LANGUAGE="en"), bearer(user_in_no_group)),
        (logged_in(user_in_no_group), {}),
    ]:
        response = client.get(reverse("api:get_visit", args=[visit.reference]), **headers)
        assert response.status_code == 403
        assert response.json() == {
            "error": "forbidden",
            "message": (
                "The API is for City Hall staff: your account lacks the permission "
                "“visits.view_visit”. Ask an administrator to add you to the “Staff” group."
            ),
            "fields": {},
        }
        assert "security briefing" not in response.text and visit.reference not in response.text


def test_refusal_is_in_french_for_a_french_caller(visit, user_in_no_group):
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    response = client.get(reverse("api:list_visits"), **bearer(user_in_no_group))
    assert response.status_code == 403
    assert response.json()["message"] == (
        "L’API est réservée au personnel de l’Hôtel de Ville\u00a0: il manque à votre compte "
        "la permission «\u00a0visits.view_visit\u00a0». Demandez à un administrateur de vous "
        "ajouter au groupe «\u00a0Staff\u00a0»."
    )


def test_api_and_staff_pages_let_in_the_same_permission(visit, user_in_no_group):
    """Granted the staff pages' permission alone (no group), a user reads both."""
    client = logged_in(user_in_no_group)
    assert client.get(reverse("staff:agenda_now")).status_code == 403
    assert client.get(reverse("api:list_visits")).status_code == 403
    app_label, codename = STAFF_PERMISSION.split(".")
    user_in_no_group.user_permissions.add(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )
    client = logged_in(user_in_no_group)  # a fresh user object, without a permission cache
    assert client.get(reverse("staff:agenda_now"), follow=True).status_code == 200
    listed = client.get(reverse("api:list_visits")).json()["items"]
    assert [item["reference"] for item in listed] == [visit.reference]


def test_public_lists_stay_open_to_anyone(user_in_no_group):
    for client in (Client(), logged_in(user_in_no_group)):
        for name in ("api:distinguished_guests", "api:honorary_citizens"):
            assert client.get(reverse(name)).status_code == 200


def logged_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en", enforce_csrf_checks=True)
    client.force_login(user)
    return client


# --- a bad Authorization header ----------------------------------------------------------


def each_method(visit):
    """One call per method, each with what it needs but a valid credential."""
    guest = GuestFactory()
    as_json = {"content_type": "application/json"}
    detail = reverse("api:get_visit", args=[visit.reference])
    body = {
        "kind": "reception",
        "occasion_fr": "Réception",
        "occasion_en": "Reception",
        "starts_on": "2027-07-07",
        "delegation": [{"guest": guest.pk}],
    }
    return {
        "GET": lambda client, **h: client.get(detail, **h),
        "POST": lambda client, **h: client.post(
            reverse("api:create_visit"), json.dumps(body), **as_json, **h
        ),
        "PATCH": lambda client, **h: client.patch(
            detail, {"notes": "x"}, HTTP_IF_MATCH="*", **as_json, **h
        ),
        "PUT": lambda client, **h: client.put(
            reverse("api:change_delegation", args=[visit.reference]),
            {"delegation": [{"guest": guest.pk}]},
            HTTP_IF_MATCH="*",
            **as_json,
            **h,
        ),
        "DELETE": lambda client, **h: client.delete(detail, HTTP_IF_MATCH="*", **h),
    }


def revoked_token(officer) -> str:
    token, raw = ApiToken.issue(officer, "old")
    token.revoke()
    return f"Bearer {raw}"


@pytest.mark.parametrize("method", ["GET", "POST", "PATCH", "PUT", "DELETE"])
@pytest.mark.parametrize("kind", ["unknown", "revoked", "empty", "another scheme"])
def test_bad_authorization_is_401_for_every_method_even_beside_a_session(
    visit, officer, method, kind
):
    header = {
        "unknown": "Bearer pt_not-a-token",
        "revoked": revoked_token(officer),
        "empty": "Bearer ",
        "another scheme": "Basic b2ZmaWNlcjpzZWNyZXQ=",
    }[kind]
    # The officer's session would let the call through: a bad header must not fall back to it.
    client = logged_in(officer)
    client.get(reverse("staff:agenda_now"))  # the session now has a CSRF cookie, as a browser's
    response = each_method(visit)[method](client, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401, response.content
    assert response.json()["error"] == "unauthorized"
    assert set(response.json()) == {"error", "message", "fields"}
    assert response["WWW-Authenticate"] == 'Bearer realm="api", error="invalid_token"'
    visit.refresh_from_db()
    assert visit.notes != "x" and visit.participants.count() == 1


def test_bad_token_message_says_the_token_is_not_valid(visit):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = client.post(
        reverse("api:create_visit"),
        "{}",
        content_type="application/json",
        HTTP_AUTHORIZATION="Bearer pt_not-a-token",
    )
    assert response.json()["message"] == (
        "This token is not valid: it is unknown or revoked, or its account is closed."
    )


@pytest.mark.parametrize("method", ["GET", "POST", "PATCH", "PUT", "DELETE"])
def test_no_credentials_at_all_is_401_not_a_csrf_refusal(visit, method):
    client = Client(HTTP_ACCEPT_LANGUAGE="en", enforce_csrf_checks=True)
    response = each_method(visit)[method](client)
    assert response.status_code == 401, response.content
    assert response.json()["error"] == "unauthorized"
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_session_write_without_its_csrf_token_is_refused_in_the_error_shape(visit, officer):
    response = each_method(visit)["PATCH"](logged_in(officer))
    assert response.status_code == 403
    assert response.json() == {
        "error": "forbidden",
        "message": "Send the CSRF token with a signed-in browser's writes (X-CSRFToken).",
        "fields": {},
    }


def test_valid_token_is_served_without_csrf_beside_a_session(visit, officer):
    client = logged_in(officer)
    response = each_method(visit)["PATCH"](client, **bearer(officer))
    assert response.status_code == 200 and response.json()["notes"] == "x"
