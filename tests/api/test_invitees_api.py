"""The address book through the API (visits/api/invitees.py): a guest of the registry joins it
once, with a card read with its ETag and changed with If-Match; every refusal names its field
and writes nothing; staff read but do not write; a fixed number of queries."""

import pytest
from django.urls import reverse

from tests.api.ceremony_api_helpers import client_for
from tests.factories import GuestFactory, VisitFactory
from visits.models import AddressCard


@pytest.fixture
def as_officer(client, officer):
    return client_for(client, officer)


def add(client, body):
    return client.post(reverse("api:add_invitee"), body, content_type="application/json")


def change(client, guest, body, etag):
    url = reverse("api:change_invitee", args=[guest.pk])
    return client.patch(url, body, content_type="application/json", HTTP_IF_MATCH=etag)


def test_a_guest_joins_the_address_book_once(as_officer, db):
    guest = GuestFactory(name="Ana Ruiz", language="en")
    response = add(as_officer, {"guest": guest.pk, "email": "ana@example.es"})
    assert response.status_code == 201 and response["ETag"]
    assert response.json() == {
        "id": guest.pk, "name": "Ana Ruiz", "email": "ana@example.es", "postal_address": "",
        "language": "en",
    }  # fmt: skip
    again = add(as_officer, {"guest": guest.pk, "email": "other@example.es"})
    assert again.status_code == 400 and list(again.json()["fields"]) == ["guest"]
    assert AddressCard.objects.get(guest=guest).email == "ana@example.es"


def test_an_unknown_or_hidden_guest_is_refused_naming_guest(as_officer, db):
    secret = GuestFactory()
    VisitFactory(confidentiality="confidential", principal=secret)
    for guest in (secret.pk, 999_999):
        response = add(as_officer, {"guest": guest})
        assert response.status_code == 400 and list(response.json()["fields"]) == ["guest"]
    assert not AddressCard.objects.exists()


def test_an_e_mail_already_on_a_card_or_not_an_address_is_refused_naming_email(as_officer, db):
    AddressCard.objects.create(guest=GuestFactory(), email="ana@example.es")
    guest = GuestFactory()
    for email in ("ANA@example.es", "not an address"):
        response = add(as_officer, {"guest": guest.pk, "email": email})
        assert response.status_code == 400 and list(response.json()["fields"]) == ["email"]
    assert not AddressCard.objects.filter(guest=guest).exists()


def test_a_card_is_changed_with_its_etag(as_officer, db):
    guest = GuestFactory()
    AddressCard.objects.create(guest=guest, email="old@example.org")
    read = as_officer.get(reverse("api:get_invitee", args=[guest.pk]))
    assert read.status_code == 200 and read.json()["email"] == "old@example.org"
    changed = change(as_officer, guest, {"postal_address": "1 rue de Rivoli"}, read["ETag"])
    assert changed.status_code == 200, changed.content
    assert changed.json()["postal_address"] == "1 rue de Rivoli"
    assert changed.json()["email"] == "old@example.org"  # left out: left alone
    assert changed["ETag"] != read["ETag"]
    stale = change(as_officer, guest, {"email": "new@example.org"}, read["ETag"])
    assert stale.status_code == 412
    missing = as_officer.patch(
        reverse("api:change_invitee", args=[guest.pk]), {"email": "new@example.org"},
        content_type="application/json",
    )  # fmt: skip
    assert missing.status_code == 428
    assert AddressCard.objects.get(guest=guest).email == "old@example.org"


def test_a_guest_without_a_card_or_hidden_is_not_found(as_officer, db):
    secret = GuestFactory()
    AddressCard.objects.create(guest=secret)
    VisitFactory(confidentiality="confidential", principal=secret)
    for guest in (GuestFactory(), secret):
        assert as_officer.get(reverse("api:get_invitee", args=[guest.pk])).status_code == 404


def test_staff_read_the_address_book_but_do_not_write_it(client, staff_member, db):
    staff = client_for(client, staff_member)
    guest = GuestFactory()
    assert add(staff, {"guest": guest.pk}).status_code == 403
    AddressCard.objects.create(guest=guest, email="ana@example.es")
    read = staff.get(reverse("api:get_invitee", args=[guest.pk]))
    assert read.status_code == 200
    assert change(staff, guest, {"email": "x@example.org"}, read["ETag"]).status_code == 403
    assert AddressCard.objects.get(guest=guest).email == "ana@example.es"


def test_one_card_reads_in_a_fixed_number_of_queries(as_officer, db, django_assert_num_queries):
    guest = GuestFactory()
    AddressCard.objects.create(guest=guest, email="ana@example.es")
    as_officer.get(reverse("api:list_invitees"))  # the token's first use, written once
    # The token and its user, their permissions, the card with its guest (through the door);
    # inside the request's savepoint and its release.
    with django_assert_num_queries(6):
        as_officer.get(reverse("api:get_invitee", args=[guest.pk]))
