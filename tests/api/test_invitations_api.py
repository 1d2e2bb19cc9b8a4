"""Invitations through the API (visits/api/invitations.py): an engagement's list, inviting,
a reply recorded with If-Match, the check-in once, the address book; hidden invitees named
"Confidential guest"; a field named in each refusal; the same queries for 1 and 3."""

import pytest
from django.urls import reverse

from tests.api.ceremony_api_helpers import client_for
from tests.ceremony_factories import holder, seeded_precedence
from tests.factories import EngagementFactory, GuestFactory, VenueFactory, VisitFactory
from visits.models import AddressCard, Invitation
from visits.services.invitations import invite


@pytest.fixture
def as_officer(client, officer):
    return client_for(client, officer)


@pytest.fixture
def reception(db):
    return EngagementFactory(venue=VenueFactory(capacity=1))


def listed(client, engagement, **query) -> list[dict]:
    response = client.get(reverse("api:list_invitations", args=[engagement.uid]), query)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def reply(client, invitation, body, etag):
    url = reverse("api:record_reply", args=[invitation.pk])
    return client.post(url, body, content_type="application/json", HTTP_IF_MATCH=etag)


def etag_of(client, invitation) -> str:
    return client.get(reverse("api:get_invitation", args=[invitation.pk]))["ETag"]


def test_inviting_and_listing(as_officer, reception):
    ana, ben = GuestFactory(name="Ana Ruiz"), GuestFactory(name="Ben Roy")
    url = reverse("api:invite_guests", args=[reception.uid])
    response = as_officer.post(
        url, {"guests": [ana.pk, ben.pk], "transferable": True}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert [one["invitee"]["name"] for one in response.json()] == ["Ana Ruiz", "Ben Roy"]
    again = as_officer.post(url, {"guests": [ana.pk]}, content_type="application/json")
    assert again.json() == []  # invited already
    rows = listed(as_officer, reception)
    assert [(one["invitee"]["id"], one["state"], one["transferable"]) for one in rows] == [
        (ana.pk, "no_reply", True),
        (ben.pk, "no_reply", True),
    ]


def test_an_unknown_or_hidden_guest_is_refused_naming_guests(as_officer, reception):
    secret = GuestFactory()
    VisitFactory(confidentiality="confidential", principal=secret)
    url = reverse("api:invite_guests", args=[reception.uid])
    for guests in ([secret.pk], [999_999]):
        response = as_officer.post(url, {"guests": guests}, content_type="application/json")
        assert response.status_code == 400 and "guests" in response.json()["fields"]
    assert not Invitation.objects.exists()


def test_a_reply_takes_the_etag_and_moves_the_line(as_officer, reception):
    first, second = invite(reception, [GuestFactory(), GuestFactory()], by=None)
    assert (
        reply(as_officer, first, {"answer": "accept"}, etag_of(as_officer, first)).json()["state"]
        == "accepted"
    )
    stale = etag_of(as_officer, second)
    waiting = reply(as_officer, second, {"answer": "accept"}, stale)
    assert (waiting.status_code, waiting.json()["state"], waiting.json()["waiting_order"]) == (
        200,
        "waiting",
        1,
    )
    assert reply(as_officer, second, {"answer": "decline"}, stale).status_code == 412
    missing = as_officer.post(
        reverse("api:record_reply", args=[second.pk]), {"answer": "decline"},
        content_type="application/json",
    )  # fmt: skip
    assert missing.status_code == 428
    declined = reply(as_officer, first, {"answer": "decline"}, etag_of(as_officer, first))
    assert declined.json()["state"] == "declined"
    assert Invitation.objects.get(pk=second.pk).state == "accepted"  # the first waiting


def test_a_refused_reply_names_its_field(as_officer, reception):
    (invitation,) = invite(reception, [GuestFactory()], by=None)
    response = reply(as_officer, invitation, {"answer": "represented"}, "*")
    assert response.status_code == 400 and "answer" in response.json()["fields"]
    companion = reply(as_officer, invitation, {"answer": "accept", "with_companion": True}, "*")
    assert companion.status_code == 400 and "with_companion" in companion.json()["fields"]


def test_a_representative_s_rank_is_read_with_the_invitation(as_officer, reception):
    seeded_precedence()
    mayor = holder("mayor_of_paris", "Anne Hidalgo")
    (invitation,) = invite(reception, [mayor], by=None, transferable=True)
    body = {
        "answer": "represented",
        "representative_name": "Paul Roy",
        "representative_title": "Premier adjoint",
        "representative_office": "adjoint_au_maire",
        "representative_capacity": "adjoint_for_mayor",
    }
    answered = reply(as_officer, invitation, body, etag_of(as_officer, invitation)).json()
    assert (
        answered["representative_office"],
        answered["representative_capacity"],
        answered["representative_rank"],
    ) == (
        "adjoint_au_maire",
        "adjoint_for_mayor",
        {
            "where": "22: Mayor of Paris (represented)",
            "why": "D art. 14: an adjoint representing the mayor takes the mayor's rank",
        },
    )


def test_an_unknown_office_or_a_capacity_not_open_is_refused_naming_its_field(
    as_officer, reception
):
    seeded_precedence()
    (invitation,) = invite(reception, [holder("deputy", "Jean Martin")], by=None, transferable=True)
    said = {"answer": "represented", "representative_name": "Paul Roy"}
    unknown = reply(as_officer, invitation, said | {"representative_office": "nobody"}, "*")
    assert unknown.status_code == 400 and "representative_office" in unknown.json()["fields"]
    adjoint = said | {"representative_capacity": "adjoint_for_mayor"}
    refused = reply(as_officer, invitation, adjoint, "*")
    assert refused.status_code == 400 and "representative_capacity" in refused.json()["fields"]
    assert Invitation.objects.get(pk=invitation.pk).state == "no_reply"


def test_the_check_in_is_recorded_once(as_officer, reception):
    (invitation,) = invite(reception, [GuestFactory()], by=None)
    url = reverse("api:check_in", args=[invitation.pk])
    first, second = as_officer.post(url), as_officer.post(url)
    assert (first.json()["recorded"], second.json()["recorded"]) == (True, False)
    assert first.json()["arrived_at"] == second.json()["arrived_at"]


def test_hidden_invitees_are_named_confidential_guest(client, staff_member, reception):
    secret = GuestFactory(name="Ms Hush-Hush")
    VisitFactory(confidentiality="confidential", principal=secret)
    invite(reception, [secret], by=None)
    rows = listed(client_for(client, staff_member), reception)
    assert [one["invitee"]["name"] for one in rows] == ["Confidential guest"]


def test_staff_may_not_invite_or_reply(client, staff_member, reception):
    staff = client_for(client, staff_member)
    (invitation,) = invite(reception, [GuestFactory()], by=None)
    url = reverse("api:invite_guests", args=[reception.uid])
    assert (
        staff.post(
            url, {"guests": [GuestFactory().pk]}, content_type="application/json"
        ).status_code
        == 403
    )
    assert reply(staff, invitation, {"answer": "accept"}, "*").status_code == 403


def test_the_address_book_never_shows_needs(as_officer, db):
    guest = GuestFactory(name="Ana Ruiz")
    AddressCard.objects.create(guest=guest, email="ana@example.es", dietary_needs="Halal")
    response = as_officer.get(reverse("api:list_invitees"))
    assert response.json()["items"] == [
        {"id": guest.pk, "name": "Ana Ruiz", "email": "ana@example.es", "postal_address": "",
         "language": guest.language}
    ]  # fmt: skip


@pytest.mark.parametrize("count", [1, 3])
def test_the_lists_read_in_the_same_number_of_queries_for_1_and_3(
    as_officer, reception, django_assert_num_queries, count
):
    guests = [GuestFactory() for _ in range(count)]
    for guest in guests:
        AddressCard.objects.create(guest=guest, email=f"{guest.pk}@example.org")
    invite(reception, guests, by=None)
    as_officer.get(reverse("api:list_invitees"))  # the token's first use, written once
    with django_assert_num_queries(LIST_QUERIES):
        as_officer.get(reverse("api:list_invitations", args=[reception.uid]))
    with django_assert_num_queries(INVITEES_QUERIES):
        as_officer.get(reverse("api:list_invitees"))


# The token and its user, their permissions, the engagement, the page and its count (each
# invitee's visibility in it); inside the request's savepoint and its release.
LIST_QUERIES = 8
# The token and its user, their permissions, the page and its count; the savepoint.
INVITEES_QUERIES = 7
