"""/api/v1/guests/{id}/address: a guest's forms of address in French and English, generated from
the office's table unless the guest's own fields say otherwise."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests.ceremony_factories import holder, seeded_precedence
from tests.factories import GuestFactory, VisitFactory
from visits.models import AddressForm, ApiToken

pytestmark = pytest.mark.django_db

FIELDS = ["appel", "traitement", "suscription", "place_card", "closing"]


@pytest.fixture
def as_officer(client, officer):
    _token, raw = ApiToken.issue(officer, "tests")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


@pytest.fixture
def ambassador(db):
    seeded_precedence()
    return holder(
        "foreign_ambassador",
        "Jane Hartley",
        gender="f",
        category="ambassador",
        country="US",
        diplomatic_class="ambassador",
        functions_taken_up_at=datetime(2022, 6, 1, tzinfo=UTC),
    )


def address(client, guest):
    return client.get(reverse("api:get_guest_address", args=[guest.pk]))


def test_ambassador_is_addressed_as_excellency_in_both_languages(as_officer, ambassador):
    response = address(as_officer, ambassador)
    assert response.status_code == 200, response.content
    forms = response.json()
    assert forms["fr"]["appel"] == "Madame l’Ambassadrice"
    assert forms["fr"]["traitement"] == "Votre Excellence"
    assert forms["fr"]["suscription"] == (
        "Son Excellence Madame Jane Hartley, Ambassadrice des États-Unis d'Amérique"
    )
    assert forms["en"]["appel"] == "Your Excellency"
    assert forms["en"]["suscription"] == (
        "Her Excellency Jane Hartley, Ambassador of the United States of America"
    )
    assert forms["fr"]["generated"] == forms["en"]["generated"] == FIELDS


def test_both_languages_whatever_the_request_language(as_officer, ambassador):
    english = address(as_officer, ambassador).json()
    french = as_officer.get(
        reverse("api:get_guest_address", args=[ambassador.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    ).json()
    assert english == french


def test_guest_own_salutation_replaces_the_generated_appel(as_officer, ambassador):
    ambassador.salutation_fr = "Chère Jane,"
    ambassador.save()
    forms = address(as_officer, ambassador).json()
    assert forms["fr"]["appel"] == "Chère Jane,"
    assert "appel" not in forms["fr"]["generated"]
    assert forms["en"]["appel"] == "Your Excellency"
    assert "appel" in forms["en"]["generated"]


def test_forms_follow_the_office_edited_table(as_officer, ambassador):
    AddressForm.objects.filter(style="ambassador", language="en").update(
        appel="Dear Ambassador", traitement="Your Excellency"
    )
    assert address(as_officer, ambassador).json()["en"]["appel"] == "Dear Ambassador"


def test_guest_of_a_confidential_visit_only_is_not_found(as_officer, db):
    secret = GuestFactory(name="Secret guest")
    VisitFactory(confidentiality="confidential", principal=secret)
    response = address(as_officer, secret)
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_unknown_guest_is_not_found(as_officer, db):
    response = as_officer.get(reverse("api:get_guest_address", args=[999_999]))
    assert response.status_code == 404


def test_account_without_the_staff_permission_is_refused(client, user_in_no_group, ambassador):
    _token, raw = ApiToken.issue(user_in_no_group, "tests")
    response = client.get(
        reverse("api:get_guest_address", args=[ambassador.pk]), HTTP_AUTHORIZATION=f"Bearer {raw}"
    )
    assert response.status_code == 403
