"""An engagement's invitations in Chromium for the protocol office, in both languages, at a
desktop's and a phone's width: the replies against the room's capacity, the waiting list, the
needs, a representative; inviting someone found in the registry, without JavaScript. No console
error, no sideways scroll on a phone, axe-core clean; screenshots
test-artefacts/screenshots/staff-invitations-<lang>[-phone].png."""

from datetime import timedelta

import pytest
from django.urls import reverse

from tests.ceremony_factories import holder, office, seeded_precedence
from tests.conftest import user_in
from tests.e2e import test_staff_pages as staff_pages
from tests.e2e.test_staff_pages import LANGUAGES, check_both_widths
from tests.factories import EngagementFactory, GuestFactory, VenueFactory
from visits.models import AddressCard, Invitation, Reception
from visits.models.ceremony_choices import Capacity
from visits.models.invitations import Answer
from visits.roles import PROTOCOL_OFFICE
from visits.services.invitations import invite, reply

pytestmark = pytest.mark.django_db(transaction=True)
staff_tab = staff_pages.staff_tab  # the staff pages' signed-in tab: a fixture

TITLE = {"en": "Reception for the President of Finland", "fr": "Réception du président finlandais"}
NAMES = ["Anne Hidalgo", "Emanuela D’Alessandro", "Jean Martin", "Léa Roux", "Paul Dupont"]


@pytest.fixture
def reception():
    engagement = EngagementFactory(
        title_en=TITLE["en"], title_fr=TITLE["fr"], venue=VenueFactory(name="Salon", capacity=3)
    )
    seeded_precedence()  # a transactional test may have flushed the offices
    Reception.objects.create(
        engagement=engagement,
        reply_by=engagement.starts_at - timedelta(days=7),
        entrance_fr="Entrée par le 5, rue de Lobau",
        entrance_en="Entrance at 5 rue de Lobau",
        dress_code_fr="Tenue de ville",
        dress_code_en="Lounge suit",
    )
    guests = [
        holder("mayor_of_paris", NAMES[0]),
        GuestFactory(name=NAMES[1]),
        holder("deputy", NAMES[2]),
        *(GuestFactory(name=name) for name in NAMES[3:]),
    ]
    invited = invite(engagement, guests, by=None, companion_allowed=True, transferable=True)
    reply(
        invited[0],
        answer=Answer.REPRESENTED,
        representative_name="Emmanuel Grégoire",
        representative_title="Premier adjoint",
        representative_office=office("adjoint_au_maire"),
        representative_capacity=Capacity.ADJOINT_FOR_MAYOR,
        dietary_needs="Sans gluten",
    )
    reply(invited[1], answer=Answer.ACCEPT, with_companion=True, companion_name="Marco Rossi")
    reply(
        invited[2],
        answer=Answer.REPRESENTED,
        representative_name="Claire Petit",
        representative_title="Suppléante",
        representative_capacity=Capacity.SUBSTITUTE,
    )
    reply(invited[3], answer=Answer.DECLINE)
    reply(invited[4], answer=Answer.ACCEPT)  # the room is full: waits
    return engagement


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_invitations_page_is_designed_and_fits_a_phone(
    staff_tab, live_server, axe_script, reception, language
):
    office = user_in(PROTOCOL_OFFICE, "office")
    GuestFactory(name="Émilie Durand")
    page, errors = staff_tab(language, office)
    url = live_server.url + reverse("staff:invitations", args=[reception.uid])
    assert page.goto(url).status == 200
    check_both_widths(page, axe_script, "invitations", language, TITLE[language])
    page.locator("#find").fill("emilie")
    page.locator("form.find button").click()
    page.get_by_label("Émilie Durand").check()
    page.locator("form.choose button[type=submit]").click()
    assert page.locator(".notice.success").count() == 1
    assert Invitation.objects.filter(guest__name="Émilie Durand").exists()
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_address_books_preview_is_designed_and_fits_a_phone(
    staff_tab, live_server, axe_script, tmp_path, language
):
    GuestFactory(name="Émilie Durand")
    invitees = tmp_path / "invitees.csv"
    invitees.write_text(
        "name,title_fr,title_en,email,postal_address,language\n"
        "Claire Petit,Députée de Paris,Member of Parliament for Paris,claire@example.fr,,fr\n"
        "Emilie Durand,,,emilie@example.fr,,fr\n"
        "Paul Roy,,,not-an-address,,fr\n",
        encoding="utf-8",
    )
    page, errors = staff_tab(language, user_in(PROTOCOL_OFFICE, "office"))
    assert page.goto(live_server.url + reverse("staff:address_book")).status == 200
    page.locator("#file").set_input_files(invitees)
    page.locator("form.upload button").click()
    assert page.locator("table.preview tbody tr").count() == 3
    heading = {"en": "Address book", "fr": "Carnet d’adresses"}[language]
    check_both_widths(page, axe_script, "address-book", language, heading)
    page.locator(
        "form button.primary", has_text={"en": "Import", "fr": "Importer"}[language]
    ).last.click()
    assert page.locator(".notice.success").count() == 1
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cards_and_envelopes_are_designed_and_fit_a_phone(
    staff_tab, live_server, axe_script, language
):
    engagement = EngagementFactory(title_en=TITLE["en"], title_fr=TITLE["fr"])
    for name, spoken in (("Claire Petit", "fr"), ("Juha Virtanen", "en")):
        guest = GuestFactory(name=name, language=spoken, gender="f" if spoken == "fr" else "m")
        AddressCard.objects.create(guest=guest, postal_address="5, rue de Lobau\n75004 Paris")
        invite(engagement, [guest], by=None, by_post=True)
    page, errors = staff_tab(language, user_in(PROTOCOL_OFFICE, "office"))
    url = live_server.url + reverse("staff:invitation_cards", args=[engagement.uid])
    assert page.goto(url).status == 200
    assert page.locator("section.envelope").count() == 2
    heading = {"en": "Cards and envelopes", "fr": "Cartons et enveloppes"}[language]
    check_both_widths(page, axe_script, "invitation-cards", language, heading)
    assert errors == []
