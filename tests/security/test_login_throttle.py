"""Sign-in throttling (django-axes): guessing passwords stops after a few failures, on the
admin's login and the staff login, which are also the only ways to the session that makes API
tokens. The locks, as designed (protocol/settings.py, LOGIN_THROTTLE):

- an account from one address: 5 failures;
- an account from any address: 20 failures;
- an address, whatever the accounts: 30 failures;

each lifted 15 minutes after the last failure, or at once by the office.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from tests.conftest import user_in
from visits.models import ApiToken
from visits.roles import PROTOCOL_OFFICE, STAFF

pytestmark = pytest.mark.django_db

RIGHT = "correct horse battery staple"
STAFF_LOGIN = "/staff/login/"
ADMIN_LOGIN = "/admin/login/"
HOME = "198.51.100.7"  # documentation addresses (RFC 5737): nothing is sent anywhere
ELSEWHERE = "203.0.113.9"


def sign_in(client, username, password, *, at=STAFF_LOGIN, address=HOME, **headers):
    headers.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
    return client.post(
        at, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def fail(times, username, *, at=STAFF_LOGIN, address=HOME, **headers):
    statuses = [
        sign_in(Client(), username, f"wrong {n}", at=at, address=address, **headers).status_code
        for n in range(times)
    ]
    return statuses


@pytest.fixture
def reader():
    return user_in(STAFF, "reader")


@pytest.fixture
def officer():
    return user_in(PROTOCOL_OFFICE, "officer")  # an admin user (is_staff)


def test_staff_login_refuses_the_right_password_after_fifty_wrong_ones(reader):
    statuses = fail(50, "reader")
    assert statuses == [200] * 4 + [429] * 46  # the form's error, then the lockout page
    client = Client()
    response = sign_in(client, "reader", RIGHT)
    assert response.status_code == 429
    assert signed_in_as(client) is None
    assert "Too many failed sign-in attempts" in response.text
    assert response["Retry-After"] == "900"


def test_admin_login_refuses_the_right_password_after_fifty_wrong_ones(officer):
    statuses = fail(50, "officer", at=ADMIN_LOGIN)
    assert statuses == [200] * 4 + [429] * 46
    client = Client()
    response = sign_in(client, "officer", RIGHT, at=ADMIN_LOGIN)
    assert response.status_code == 429
    assert signed_in_as(client) is None
    assert client.get("/admin/").status_code == 302  # still sent to sign in


def test_token_creation_is_throttled_by_the_logins_that_make_its_session(reader):
    """POST /api/v1/tokens asks for no password: it takes the session (or a token) of a
    signed-in user, so the lock sits on the logins that make that session."""

    def make_token(client):
        return client.post(
            reverse("api:create_token"), {"name": "press office"}, content_type="application/json"
        )

    before = Client()
    assert sign_in(before, "reader", RIGHT).status_code == 302
    assert make_token(before).status_code == 201
    fail(50, "reader")
    after = Client()
    assert sign_in(after, "reader", RIGHT).status_code == 429
    refused = make_token(after)
    assert (refused.status_code, refused.json()["error"]) == (401, "unauthorized")
    assert list(ApiToken.objects.values_list("name", flat=True)) == ["press office"]


def test_lockout_page_speaks_french_in_the_staff_style(reader):
    fail(5, "reader")
    response = sign_in(Client(), "reader", RIGHT, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 429
    assert '<html lang="fr">' in response.text
    assert "Connexion suspendue" in response.text
    assert "15\u00a0minutes" in response.text
    assert '<strong class="staff-nav-brand">Service du protocole</strong>' in response.text


def test_failures_for_one_account_at_one_address_leave_other_addresses_and_accounts_free(
    reader, officer
):
    assert fail(5, "reader") == [200] * 4 + [429]
    assert sign_in(Client(), "reader", RIGHT).status_code == 429
    assert sign_in(Client(), "reader", RIGHT, address=ELSEWHERE).status_code == 302
    assert sign_in(Client(), "officer", RIGHT).status_code == 302


def test_an_account_is_locked_from_everywhere_after_twenty_failures(reader, officer):
    addresses = [f"192.0.2.{n}" for n in range(1, 6)]
    for address in addresses[:4]:
        assert fail(4, "reader", address=address) == [200] * 4
    assert fail(3, "reader", address=addresses[4]) == [200] * 3
    assert sign_in(Client(), "reader", RIGHT, address=ELSEWHERE).status_code == 302  # 19
    assert fail(1, "reader", address=addresses[4]) == [429]  # the 20th
    assert sign_in(Client(), "reader", RIGHT, address=ELSEWHERE).status_code == 429
    assert sign_in(Client(), "officer", RIGHT, address=ELSEWHERE).status_code == 302


def test_an_address_is_locked_for_every_account_after_thirty_failures(reader):
    for n in range(9):
        assert fail(3, f"guess{n}") == [200] * 3
    assert fail(2, "guess9") == [200] * 2
    assert sign_in(Client(), "reader", RIGHT).status_code == 302  # 29 from this address
    assert fail(1, "guess9") == [429]  # the 30th
    assert sign_in(Client(), "reader", RIGHT).status_code == 429
    assert sign_in(Client(), "reader", RIGHT, address=ELSEWHERE).status_code == 302


def test_a_lock_lifts_fifteen_minutes_after_the_last_failure(reader):
    def age_attempts(**elapsed):
        for attempt in AccessAttempt.objects.all():
            attempt.attempt_time -= timedelta(**elapsed)
            attempt.save()

    fail(5, "reader")
    age_attempts(minutes=14)
    assert sign_in(Client(), "reader", RIGHT).status_code == 429  # a refusal counts as a failure
    age_attempts(minutes=2)  # 16 minutes after the fifth failure, 2 after the last
    assert sign_in(Client(), "reader", RIGHT).status_code == 429
    age_attempts(minutes=15, seconds=1)
    client = Client()
    assert sign_in(client, "reader", RIGHT).status_code == 302
    assert signed_in_as(client) == str(reader.pk)


def test_office_unlocks_an_account_in_the_admin(reader, officer):
    fail(50, "reader")
    assert sign_in(Client(), "reader", RIGHT).status_code == 429
    office = Client()
    office.force_login(officer)  # a member of the protocol office, not a superuser
    changelist = reverse("admin:axes_accessattempt_changelist")
    listed = office.get(changelist, {"q": "reader"}, HTTP_ACCEPT_LANGUAGE="en")
    assert listed.status_code == 200 and "reader" in listed.text
    attempts = list(AccessAttempt.objects.filter(username="reader").values_list("pk", flat=True))
    unlocked = office.post(
        changelist,
        {"action": "delete_selected", "_selected_action": attempts, "post": "yes"},
    )
    assert unlocked.status_code == 302
    assert AccessAttempt.objects.count() == 0
    client = Client()
    assert sign_in(client, "reader", RIGHT).status_code == 302
    assert signed_in_as(client) == str(reader.pk)


def test_office_unlocks_an_account_with_the_command(reader, officer):
    fail(50, "reader")
    fail(5, "officer", address=ELSEWHERE)
    call_command("axes_reset_username", "reader", verbosity=0)
    assert sign_in(Client(), "reader", RIGHT).status_code == 302
    assert sign_in(Client(), "officer", RIGHT, address=ELSEWHERE).status_code == 429


def test_a_forwarded_for_header_is_not_believed_without_a_trusted_proxy(reader):
    statuses = [
        sign_in(Client(), "reader", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code
        for n in range(1, 51)
    ]
    assert statuses == [200] * 4 + [429] * 46
    refused = sign_in(Client(), "reader", RIGHT, HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert refused.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {HOME}


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_the_address_is_the_one_the_proxy_saw(reader):
    proxy = "10.0.0.2"
    client_seen = "198.51.100.20"
    for n in range(5):
        # What the client wrote itself comes first; the proxy appends what it saw.
        spoofed = f"192.0.2.{n}, {client_seen}"
        sign_in(Client(), "reader", "wrong", address=proxy, HTTP_X_FORWARDED_FOR=spoofed)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {client_seen}
    locked = sign_in(Client(), "reader", RIGHT, address=proxy, HTTP_X_FORWARDED_FOR=client_seen)
    assert locked.status_code == 429
    neighbour = "198.51.100.21"  # another person behind the same proxy
    free = sign_in(Client(), "reader", RIGHT, address=proxy, HTTP_X_FORWARDED_FOR=neighbour)
    assert free.status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_malformed_forwarded_for_falls_back_to_the_peer_address(reader):
    for forwarded in ("not-an-address", "", " , "):
        sign_in(Client(), "reader", "wrong", address="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"10.0.0.2"}
