"""The invitee's reply page (visits/views/reply.py), through Django's test client: the link
opens the invitation, the reply is taken and its errors shown beside their fields with nothing
written; every link that opens nothing gets the same page; the secret stays out of the logs."""

import logging
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.ceremony_factories import holder, seeded_precedence
from tests.factories import EngagementFactory, GuestFactory, VenueFactory
from visits.models import AddressCard, Invitation, Reception, Reply
from visits.services.invitations import invite, issue_reply_token, revoke_reply_token


@pytest.fixture
def invited(db):
    """An invitation to a reception in a room of 2, replies open for a week, and its link."""
    engagement = EngagementFactory(
        title_fr="Réception en l’honneur de la Finlande",
        title_en="Reception in honour of Finland",
        venue=VenueFactory(name="Salle des Fêtes", capacity=2),
    )
    Reception.objects.create(engagement=engagement, reply_by=timezone.now() + timedelta(days=7))
    guest = GuestFactory(name="Claire Petit", gender="f")
    invitation = invite(engagement, [guest], by=None, transferable=True)[0]
    return invitation, link(issue_reply_token(invitation))


def link(token, language="en"):
    with translation.override(language):
        return reverse("public:reply", args=[token])


def test_the_link_opens_the_invitation_and_its_choices(client, invited):
    invitation, url = invited
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Claire Petit" in page and "Reception in honour of Finland" in page
    assert "I will be represented" in page  # transferable
    assert "companion" not in page  # for one person
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_reply_is_taken_and_confirmed(client, invited):
    invitation, url = invited
    response = client.post(url, {"answer": "accept", "dietary_needs": " Vegetarian "})
    assert (response.status_code, response["Location"]) == (302, f"{url}?sent=1")
    invitation.refresh_from_db()
    assert invitation.state == "accepted"
    card = AddressCard.objects.get(guest=invitation.guest)
    assert card.dietary_needs == "Vegetarian"
    assert card.needs_kept_until == timezone.localdate(invitation.engagement.starts_at)
    page = client.get(f"{url}?sent=1").content.decode()
    assert "your reply is recorded" in page and "we look forward to welcoming you" in page


def test_an_error_is_shown_beside_its_field_and_nothing_is_written(client, invited):
    invitation, url = invited
    response = client.post(url, {"answer": "represented", "representative_name": " "})
    assert response.status_code == 400
    assert 'id="id_representative_name_error"' in response.content.decode()
    assert "Give your representative’s name." in response.content.decode()
    assert not Reply.objects.exists()
    assert Invitation.objects.get(pk=invitation.pk).state == "no_reply"


def test_in_french_the_page_agrees_with_the_invitee(client, invited):
    invitation, _url = invited
    token = issue_reply_token(invitation)
    url = link(token, "fr")
    assert url.startswith("/fr/reponse/")
    page = client.get(url).content.decode()
    assert "Vous êtes invitée à" in page and "Réception en l’honneur de la Finlande" in page


def test_every_link_that_opens_nothing_gets_the_same_page(client, invited):
    invitation, url = invited
    revoked = issue_reply_token(invitation)
    current = issue_reply_token(invitation)  # the one before is revoked
    assert client.get(link(current)).status_code == 200  # until the deadline
    Reception.objects.filter(engagement=invitation.engagement).update(
        reply_by=timezone.now() - timedelta(minutes=1)
    )
    answers = [client.get(link(token)) for token in (current, revoked, "guessed-token", "x" * 300)]
    assert {response.status_code for response in answers} == {404}
    assert len({response.content for response in answers}) == 1
    assert b"This link opens no invitation" in answers[0].content
    revoke_reply_token(invitation)
    assert client.post(link(current), {"answer": "accept"}).status_code == 404
    assert not Reply.objects.exists()


def test_the_secret_stays_out_of_the_logs(client, invited, caplog):
    invitation, url = invited
    token = url.rstrip("/").rsplit("/", 1)[1]
    revoke_reply_token(invitation)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get(url).status_code == 404
    logged = [record.getMessage() for record in caplog.records]
    assert logged and all(token not in line for line in logged)
    assert any("/en/reply/…" in line for line in logged)


def test_the_page_reads_in_a_fixed_number_of_queries(client, invited, django_assert_num_queries):
    _invitation, url = invited
    # The invitation with all it shows, inside the request's savepoint (ATOMIC_REQUESTS); for a
    # representative, the offices to choose from, and the invitee's (with the ceremony's day)
    # for the capacities open to them.
    with django_assert_num_queries(6):
        client.get(url)


def test_a_representative_is_named_with_their_office_and_capacity(client, db):
    seeded_precedence()
    engagement = EngagementFactory(venue=VenueFactory(capacity=5))
    Reception.objects.create(engagement=engagement, reply_by=timezone.now() + timedelta(days=7))
    mayor = holder("mayor_of_paris", "Anne Hidalgo", gender="f")
    invitation = invite(engagement, [mayor], by=None, transferable=True)[0]
    url = link(issue_reply_token(invitation))
    page = client.get(url).content.decode()
    assert 'value="adjoint_for_mayor"' in page and 'value="substitute"' not in page
    response = client.post(
        url,
        {
            "answer": "represented",
            "representative_name": "Paul Roy",
            "representative_title": "Premier adjoint",
            "representative_office": "adjoint_au_maire",
            "representative_capacity": "adjoint_for_mayor",
        },
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert (
        invitation.representative_name,
        invitation.representative_title,
        invitation.representative_office.code,
        invitation.representative_capacity,
    ) == ("Paul Roy", "Premier adjoint", "adjoint_au_maire", "adjoint_for_mayor")


def test_a_capacity_not_offered_is_refused_beside_its_field(client, invited):
    invitation, url = invited
    response = client.post(
        url,
        {
            "answer": "represented",
            "representative_name": "Paul Roy",
            "representative_capacity": "adjoint_for_mayor",
        },
    )
    assert response.status_code == 400
    assert 'id="id_representative_capacity_error"' in response.content.decode()
    assert Invitation.objects.get(pk=invitation.pk).state == "no_reply"
