"""Personal API tokens: made by a command, stored hashed, revocable, noted when used."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from visits.models import ApiToken
from visits.models.api_tokens import digest

pytestmark = pytest.mark.django_db


def new_token(username) -> str:
    out = io.StringIO()
    call_command("create_api_token", username, "--name", "cabinet", stdout=out)
    return out.getvalue().strip()


def test_command_prints_a_token_that_is_stored_only_as_a_hash(staff_member):
    raw = new_token("staff")
    token = ApiToken.objects.get()
    assert raw.startswith("pt_") and len(raw) > 40
    assert token.key_hash == digest(raw) and raw not in (token.key_hash, token.prefix)
    assert (token.user, token.name, token.prefix) == (staff_member, "cabinet", raw[:8])


def test_command_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="No active user named 'nobody'"):
        new_token("nobody")


def test_bearer_token_signs_the_caller_in_and_notes_its_use(client, staff_member):
    raw = new_token("staff")
    response = client.get(reverse("api:list_visits"), HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.parametrize("header", ["Bearer pt_wrong", "Bearer ", "Basic abc", "pt_x"])
def test_bad_or_missing_token_is_401_in_the_error_shape(client, header):
    response = client.get(reverse("api:list_visits"), HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"
    assert set(response.json()) == {"error", "message", "fields"}


def test_revoked_token_and_closed_account_are_refused(client, staff_member):
    raw = new_token("staff")
    ApiToken.objects.get().revoke()
    assert (
        client.get(reverse("api:list_visits"), HTTP_AUTHORIZATION=f"Bearer {raw}").status_code
        == 401
    )
    other = new_token("staff")
    staff_member.is_active = False
    staff_member.save()
    assert (
        client.get(reverse("api:list_visits"), HTTP_AUTHORIZATION=f"Bearer {other}").status_code
        == 401
    )


def test_command_refuses_a_name_with_a_control_character(staff_member):
    with pytest.raises(CommandError, match="control character"):
        call_command("create_api_token", "staff", "--name", "bell\x07", stdout=io.StringIO())
    assert not ApiToken.objects.exists()


def test_command_refuses_a_user_the_api_would_refuse(user_in_no_group):
    with pytest.raises(CommandError, match="not City Hall staff"):
        new_token(user_in_no_group.username)
    assert not ApiToken.objects.exists()
