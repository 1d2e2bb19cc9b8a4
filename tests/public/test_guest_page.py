"""/en/guests/<id>-<name>/ and its French twin: a guest the public may know of, the visits the
City received them for, and their honorary citizenship; nobody the door keeps hidden."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import GuestFactory, HonoraryCitizenshipFactory, VisitFactory
from tests.public.test_guests_page import PAST, received
from visits.models import Guest, VisitGuest
from visits.services.golden_book import record_signature

pytestmark = pytest.mark.django_db


def page_of(guest, language="en", slug=None):
    with translation.override(language):
        return reverse("public:guest", args=[guest.pk, slug or guest.slug])


def test_a_received_guest_with_visits_and_honour_in_both_languages(client):
    visit = received("Roberto Gualtieri")
    guest = visit.guests.get()
    received("Ignored Other Guest")
    VisitGuest.objects.create(
        visit=received("Someone Else", on=date(2024, 5, 2)), guest=guest, role="member"
    )
    HonoraryCitizenshipFactory(
        honoree=guest, voted_on=date(2024, 6, 1), citation_fr="Pour Rome.", citation_en="For Rome."
    )
    english = client.get(page_of(guest, "en"))
    french = client.get(page_of(guest, "fr"))
    assert page_of(guest, "fr") == f"/fr/invites/{guest.pk}-roberto-gualtieri/"
    text_en, text_fr = english.content.decode(), french.content.decode()
    assert "<h1>Roberto Gualtieri</h1>" in text_en and "Mayor of Rome" in text_en
    assert "12 March 2025" in text_en
    assert "Italy" in text_en and "Official visit" in text_en and "For Rome." in text_en
    assert "Salon des Arcades" in text_en and "Ignored Other Guest" not in text_en
    # as a delegation member only of the second visit: not listed as received for it
    assert "2 May 2024" not in text_en
    assert "Maire de Rome" in text_fr and "Pour Rome." in text_fr and "12 mars 2025" in text_fr
    assert f'hreflang="fr" href="http://testserver/fr/invites/{guest.pk}-roberto-gualtieri/"' in (
        text_en
    )


def test_the_list_and_the_honours_link_to_the_guest(client):
    guest = received("Roberto Gualtieri").guests.get()
    listing = client.get(reverse("public:guests")).content.decode()
    assert f'href="{page_of(guest)}"' in listing
    HonoraryCitizenshipFactory(honoree=guest)
    honours = client.get(reverse("public:honorary_citizens")).content.decode()
    assert f'href="{page_of(guest)}"' in honours


def test_only_guests_the_public_may_know_of_have_a_page(client):
    secret = received("Secret Guest", confidentiality="confidential").guests.get()
    announced = received(
        "Future Guest", on=timezone.localdate() + timedelta(days=5), status="confirmed"
    ).guests.get()
    member = GuestFactory(name="Delegation Member")
    VisitGuest.objects.create(visit=received("Principal"), guest=member, role="security")
    proposed = HonoraryCitizenshipFactory(
        honoree=GuestFactory(name="Proposed"), status="proposed", voted_on=None
    ).honoree
    for hidden in (secret, announced, member, proposed):
        assert client.get(page_of(hidden)).status_code == 404, hidden.name
    honoured = HonoraryCitizenshipFactory(honoree=GuestFactory(name="Only Honoured")).honoree
    text = client.get(page_of(honoured)).content.decode()
    assert "Only Honoured" in text and "No visit to show." in text


def test_a_shown_guest_keeps_hidden_visits_hidden(client):
    guest = received("Roberto Gualtieri", on=PAST).guests.get()
    VisitFactory(
        principal=guest,
        starts_on=PAST - timedelta(days=40),
        status="held",
        confidentiality="confidential",
        occasion_en="Secret talks",
    )
    text = client.get(page_of(guest)).content.decode()
    assert "Official visit" in text and "Secret talks" not in text


def test_an_old_or_wrong_name_in_the_address_moves_to_the_right_one(client):
    guest = received("Roberto Gualtieri").guests.get()
    response = client.get(page_of(guest, slug="someone-else") + "?x=1")
    # not permanent: a guest renamed back would send browsers round between two addresses
    assert response.status_code == 302 and response["Location"] == page_of(guest)
    padded = page_of(guest).replace(f"/{guest.pk}-", f"/000{guest.pk}-")
    assert client.get(padded)["Location"] == page_of(guest)
    assert (
        client.get(reverse("public:guest", args=[Guest.objects.count() + 99, "x"])).status_code
        == 404
    )


@pytest.mark.parametrize("count", [1, 3])
def test_a_constant_number_of_queries(client, django_assert_num_queries, count):
    guest = received("Roberto Gualtieri").guests.get()
    for n in range(1, count):
        VisitFactory(
            principal=guest,
            starts_on=PAST - timedelta(days=n),
            status="held",
            confidentiality="public",
        )
    # The state of the public data; the guest; the honour; the Golden Book signatures (none);
    # the visits; their rooms.
    with django_assert_num_queries(6):
        text = client.get(page_of(guest)).content.decode()
    assert text.count('<td data-label="Date"><time') == count


@pytest.mark.parametrize("count", [1, 3])
def test_a_constant_number_of_queries_with_golden_book_signatures(
    client, django_assert_num_queries, count
):
    visit = received("Roberto Gualtieri")
    guest = visit.guests.get()
    for n in range(count):
        record_signature(
            by=None, engagement=visit.engagements.get(), signers=[guest], text=f"Page {n}",
            published=True,
        )  # fmt: skip
    # As above, and the signatures' signers and which of them have a page.
    with django_assert_num_queries(8):
        text = client.get(page_of(guest)).content.decode()
    assert text.count('class="signature"') == count
