"""The cards and envelopes of those invited by post (visits/views/invitation_cards.py): each
envelope with the invitee's suscription and postal address, each card in their language with
the reply link that opens their invitation; a guest the viewer may not see left out and
counted; the same number of queries for 1 and 3."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import EngagementFactory, GuestFactory
from tests.visits.staff_pages import signed_in, visit_of
from visits.models import AddressCard, VisitGuest
from visits.models.choices import DelegationRole
from visits.queries.address_preview import address_preview
from visits.services.invitations import invite


@pytest.fixture
def reception(db):
    return EngagementFactory(title_fr="Réception", title_en="Reception")


def cards_url(engagement) -> str:
    return reverse("staff:invitation_cards", args=[engagement.uid])


def by_post(engagement, name, language="fr", address="12 rue de Rivoli\n75004 Paris"):
    guest = GuestFactory(name=name, language=language, gender="f")
    AddressCard.objects.create(guest=guest, postal_address=address)
    return invite(engagement, [guest], by=None, by_post=True)[0]


def test_each_envelope_has_the_suscription_and_each_card_its_language(officer, reception):
    claire = by_post(reception, "Claire Petit")
    juha = by_post(reception, "Juha Virtanen", language="en")
    invite(reception, [GuestFactory(name="Ana Ruiz")], by=None)  # by e-mail: not here
    page = signed_in(officer).get(cards_url(reception)).content.decode()
    assert address_preview(claire.guest)["fr"].suscription in page
    assert address_preview(juha.guest)["en"].suscription in page
    assert "12 rue de Rivoli<br>75004 Paris" in page
    assert "Ana Ruiz" not in page
    assert "La Ville de Paris a l’honneur de vous convier à" in page
    assert "The City of Paris has the honour of inviting you to" in page
    link = re.search(r"https?://[^<\s]+/fr/reponse/[^<\s]+/", page).group(0)
    assert Client().get(urlsplit(link).path).status_code == 200


def test_a_guest_the_viewer_may_not_see_is_left_out_and_counted(staff_member, reception):
    secret = by_post(reception, "Ms Hush-Hush")
    hidden = visit_of("Someone Else", confidentiality="confidential")
    VisitGuest.objects.create(visit=hidden, guest=secret.guest, role=DelegationRole.PRINCIPAL)
    page = signed_in(staff_member).get(cards_url(reception)).content.decode()
    assert "Hush" not in page and "1 invitee by post is not shown" in page


@pytest.mark.parametrize("count", [1, 3])
def test_the_cards_read_in_the_same_number_of_queries_for_1_and_3(
    officer, reception, django_assert_num_queries, count
):
    for n in range(count):
        by_post(reception, f"Invitée {n}")
    client = signed_in(officer)
    # The session, the user and their permissions, the engagement, its reception, the forms of
    # address, the invitations with their guests and cards, their offices; the savepoint.
    with django_assert_num_queries(QUERIES):
        client.get(cards_url(reception))


QUERIES = 11
