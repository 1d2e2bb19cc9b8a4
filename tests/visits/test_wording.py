"""Words a person reads: French agreement and typography, English labels, the admin index in
the reader's alphabetical order."""

import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.urls import reverse
from django.utils import translation

from tests.factories import GuestFactory, HostFactory, VenueFactory, VisitFactory
from tests.visits.test_engagement_services import DAY, at, book
from visits import services
from visits.localtime import local_zone_name
from visits.models.choices import GrammaticalGender, VisitStatus
from visits.views.public import GuestFilters

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "fr" / "LC_MESSAGES" / "django.po"
NO_BREAK_SPACES = "\u00a0\u202f"
FEMININE, MASCULINE = GrammaticalGender.FEMININE, GrammaticalGender.MASCULINE


def visit_of(guest=None):
    return VisitFactory(principal=guest, starts_on=DAY, status=VisitStatus.APPROVED)


def refusal_in_french(officer, **booking) -> str:
    guest = booking.pop("guest", None)
    booking = {"location": "Parvis"} | booking if "venue" not in booking else booking
    with translation.override("fr"), pytest.raises(services.Conflict) as refused:
        book(visit_of(guest), officer, at(10), at(11), **booking)
    return " ".join(refused.value.messages)


@pytest.mark.parametrize(("gender", "agreed"), [(FEMININE, "attendue à"), (MASCULINE, "attendu à")])
def test_busy_guest_agrees_with_the_guest_gender_in_french(officer, gender, agreed):
    guest = GuestFactory(name="Amalia Mendes", gender=gender)
    book(visit_of(guest), officer, at(10), at(11), location="Parvis")
    assert f"Amalia Mendes est déjà {agreed} «" in refusal_in_french(officer, guest=guest)


@pytest.mark.parametrize(("gender", "agreed"), [(FEMININE, "attendue à"), (MASCULINE, "attendu à")])
def test_busy_host_agrees_with_the_host_gender_in_french(officer, gender, agreed):
    host = HostFactory(name="Nadia Haddad", gender=gender)
    book(visit_of(), officer, at(10), at(11), hosts=[host], location="Parvis")
    assert f"Nadia Haddad est déjà {agreed} «" in refusal_in_french(officer, hosts=[host])


@pytest.mark.parametrize(
    ("name", "gender", "agreed"),
    [("Salon Bertrand", MASCULINE, "pris par"), ("Salle des Fêtes", FEMININE, "prise par")],
)
def test_taken_room_agrees_with_the_room_name_in_french(officer, name, gender, agreed):
    room = VenueFactory(name=name, gender=gender)
    book(visit_of(), officer, at(10), at(11), venue=room)
    assert refusal_in_french(officer, venue=room).startswith(f"{name} est {agreed} «")


def test_busy_guest_reads_the_same_in_english_whatever_the_gender(officer):
    guest = GuestFactory(name="Amalia Mendes", gender=FEMININE)
    book(visit_of(guest), officer, at(10), at(11), location="Parvis")
    with pytest.raises(services.Conflict) as refused:
        book(visit_of(guest), officer, at(10), at(11), location="Parvis")
    assert refused.value.messages[0].startswith("Amalia Mendes is already expected at “")


def test_demo_rooms_and_hosts_have_their_grammatical_gender(db):
    from visits.demo.reference_data import load_hosts, load_venues

    rooms = {name: venue.gender for name, venue in load_venues().items()}
    assert (rooms["Salon Bertrand"], rooms["Salle des Fêtes"], rooms["Bureau du maire"]) == (
        MASCULINE,
        FEMININE,
        MASCULINE,
    )
    hosts = {host.name: host.gender for host in load_hosts()}
    assert (hosts["Camille Laurent"], hosts["Julien Moreau"]) == (FEMININE, MASCULINE)


def test_public_filters_every_choice_agrees_with_its_noun_in_french():
    with translation.override("fr"):
        form = GuestFilters(None, years=[2024], country_codes=["IT"])
        firsts = {name: str(form.fields[name].choices[0][1]) for name in form.fields if name != "q"}
    assert firsts == {"year": "Toutes", "category": "Toutes", "country": "Tous"}


def test_calendar_feed_creation_column_is_masculine_in_french(staff_client):
    response = staff_client.get(reverse("staff:my_calendars"), HTTP_ACCEPT_LANGUAGE="fr")
    page = response.content.decode()
    assert "<th>Créé</th>" in page and "Créée" not in page


def test_time_zone_is_named_for_people():
    with translation.override("fr"):
        assert local_zone_name() == "heure de Paris"
    with translation.override("en"):
        assert local_zone_name() == "Paris time"


def catalogue():
    with open(CATALOGUE, "rb") as handle:
        return [message for message in read_po(handle) if message.id]


def translations(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


# A mark of punctuation is followed by a space, a closing sign or the end; a colon inside a
# word or number (11:00, https://, H:i) or a "?" of a query string is not one.
HIGH_MARK = re.compile(r"(?P<before>.?)(?P<mark>[:;!?])(?=\s|$|[»”\"')<])")
# Texts quoted as they must be typed, in English, for a program.
LITERALS = ("Authorization: Bearer",)


def typography_faults(text: str) -> list[str]:
    for literal in LITERALS:
        text = text.replace(literal, "")
    faults = [
        text[max(0, found.start() - 20) : found.end()]
        for found in HIGH_MARK.finditer(text)
        if found["before"] not in NO_BREAK_SPACES and found["before"] not in "!?"
    ]
    quotes = re.finditer(r"«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»", text)
    return faults + [text[max(0, found.start() - 20) : found.end() + 20] for found in quotes]


def test_typography_faults_are_found_and_times_urls_and_placeholders_are_not():
    assert typography_faults("Lieu : salle") and typography_faults("Lieu: salle")
    assert typography_faults("« Salle »") and typography_faults("Quand ?")
    assert typography_faults("Lieu\u00a0: «\u00a0Salle\u00a0», a\u00a0; b\u00a0?!") == []
    assert typography_faults("À 11:00, https://example.org/?lang=fr, %(time)s, H:i") == []


def test_french_catalogue_puts_a_no_break_space_before_high_punctuation():
    faults = {
        message.id if isinstance(message.id, str) else message.id[0]: found
        for message in catalogue()
        for text in translations(message)
        if (found := typography_faults(text))
    }
    assert faults == {}


def test_french_catalogue_calls_guests_invites_and_only_hosts_hotes():
    confused = [
        (message.id, text)
        for message in catalogue()
        for text in translations(message)
        if re.search(r"\bhôtes?\b", text, re.IGNORECASE) and "host" not in str(message.id).lower()
    ]
    assert confused == []


def test_admin_labels_in_english_read_as_sentences(admin_client, db):
    from visits.models import Visit

    visit = VisitFactory(principal=GuestFactory())
    url = reverse("admin:visits_visit_change", args=[visit.pk])
    page = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content
    text = page.decode()
    assert "followed by" not in text.lower() and "Guest of the visit" not in text
    # The selector's "Available …" / "Chosen …" headings are made of the field's name.
    assert 'data-field-name="followers"' in text
    assert "Add a delegation member" in text and "Add another Delegation" not in text
    assert str(Visit._meta.get_field("followers").verbose_name) == "followers"


def admin_index_names(admin_client, language: str) -> tuple[list[str], list[list[str]]]:
    response = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE=language)
    apps = response.context["app_list"]
    return [str(app["name"]) for app in apps], [
        [str(m["name"]) for m in app["models"]] for app in apps
    ]


def test_french_admin_index_is_sorted_as_a_french_dictionary(admin_client):
    from protocol.admin_site import dictionary_order

    apps, models = admin_index_names(admin_client, "fr")
    assert apps == sorted(apps, key=dictionary_order)
    for names in models:
        assert names == sorted(names, key=dictionary_order)
    visits = next(names for names in models if "Visites" in names)
    # By code points « É » would come after « V »; a French dictionary puts it with the E.
    assert visits.index("Élus hôtes") < visits.index("Visites")


def test_dictionary_order_ignores_accents_then_case():
    names = ["Visites", "élus hôtes", "Élus hôtes", "Abonnements", "Échéances"]
    assert sorted(names, key=dictionary_order_of) == [
        "Abonnements",
        "Échéances",
        "Élus hôtes",
        "élus hôtes",
        "Visites",
    ]


def dictionary_order_of(name):
    from protocol.admin_site import dictionary_order

    return dictionary_order(name)


def admin_labels(html: str) -> list[str]:
    """Column headers of a list and the labels of a form, as a reader sees them."""
    headers = re.findall(r'<th scope="col"[^>]*>.*?<(?:a|span)[^>]*>([^<]+)</', html, re.S)
    labels = re.findall(r"<label[^>]*>([^<]+)</label>", html)
    return [text.strip().rstrip(":") for text in headers + labels if text.strip()]


def test_admin_lists_and_forms_label_with_a_capital_in_english(admin_client):
    from django.contrib import admin

    lowercase, read = {}, []
    for model in admin.site._registry:
        for view in ("changelist", "add"):
            name = f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}"
            response = admin_client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="en")
            if response.status_code != 200:
                continue
            read += admin_labels(response.content.decode())
            found = [t for t in admin_labels(response.content.decode()) if t[0].islower()]
            if found:
                lowercase[name] = found
    assert {"Reference", "Status", "Name", "Grammatical gender"} <= set(read), read
    assert lowercase == {}


@pytest.mark.parametrize(
    ("language", "list_title", "new_title", "record_title", "add_member", "new_guest"),
    [
        (
            "fr",
            "Visites",
            "Nouvelle visite",
            "Visite",
            "Ajouter un membre de la délégation",
            "Nouvelle fiche (invité)",
        ),
        ("en", "Visits", "New visit", "Visit", "Add a delegation member", "Add a new guest"),
    ],
)
def test_admin_titles_a_list_by_its_plural_and_a_new_record_in_its_own_words(
    admin_client, language, list_title, new_title, record_title, add_member, new_guest
):
    """Not Django's « Sélectionnez l’objet visite à changer », « Ajout de visite » and
    « Ajouter un objet Membre de la délégation supplémentaire »."""
    visit = VisitFactory(principal=GuestFactory())
    pages = {
        "list": reverse("admin:visits_visit_changelist"),
        "new": reverse("admin:visits_visit_add"),
        "record": reverse("admin:visits_visit_change", args=[visit.pk]),
    }
    text = {
        name: admin_client.get(url, HTTP_ACCEPT_LANGUAGE=language).text
        for name, url in pages.items()
    }
    assert f"<h1>{list_title}</h1>" in text["list"]
    assert f"<h1>{new_title}</h1>" in text["new"]
    assert json.dumps(add_member)[1:-1] in text["new"]  # in the inline's data, as JSON
    assert f'title="{new_guest}"' in text["new"]  # the "+" beside the delegation's guest
    assert re.search(rf'class="addlink">\s*{new_title}\s*</a>', text["list"])
    assert f"<h1>{record_title}</h1>" in text["record"]
    assert f"<title>{visit} | {record_title} |" in text["record"]
    # Django's: « … objet … », « Ajout de visite », « Enregistrer et ajouter un nouveau » (the
    # French button), "Select visit to change", "Add visit", "Add another Delegation member".
    stock = ["objet", "Ajout de visite", "ajouter un nouveau", "Select visit", "Add visit"]
    stock.append("Add another")
    assert [s for page in text.values() for s in stock if s in page] == []
