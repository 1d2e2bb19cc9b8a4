"""The guest's page previews their forms of address (issue 16, "Forms of address"): generated from
the office's table for the guest as saved, French beside English, each form the guest's own
salutation, envelope or closing replaces marked as theirs."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.ceremony_factories import OfficeHoldingFactory, holder, office, seeded_precedence
from tests.visits.admin_forms import posted_back
from visits.models import AddressForm, Guest
from visits.queries.address_preview import address_preview

pytestmark = pytest.mark.django_db

APPEL = "Opening (appel)"
ENVELOPE = "Envelope (suscription)"


@pytest.fixture(autouse=True)
def in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def mayor(db) -> Guest:
    """The Mayor of Paris, a woman."""
    seeded_precedence()
    return holder("mayor_of_paris", "Anne Hidalgo", gender="f", city="Paris")


def change(guest) -> str:
    return reverse("admin:visits_guest_change", args=[guest.pk])


def preview(response) -> dict[str, list[str]]:
    """The preview as read: {form: [French, English]}, its marks included; "" the header row."""
    assert response.status_code == 200
    table = re.search(r'<table class="address-preview">(.*?)</table>', response.text, re.S)
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table[1], re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        texts = [" ".join(unescape(re.sub(r"<[^>]+>", "", cell)).split()) for cell in cells]
        rows[texts[0]] = texts[1:]
    return rows


def table_row(language: str) -> AddressForm:
    return AddressForm.objects.get(style="mayor", language=language, gender="f")


def test_a_female_mayor_of_paris_is_previewed_as_madame_la_maire(officer_client, mayor):
    rows = preview(officer_client.get(change(mayor)))
    assert rows[""] == ["French", "English"]
    assert rows[APPEL] == ["Madame la Maire", table_row("en").appel]
    assert rows[ENVELOPE][0] == "Madame Anne Hidalgo, Maire de Paris"
    assert list(rows) == [
        "",
        APPEL,
        "Third person (traitement)",
        ENVELOPE,
        "Place card",
        "Closing formula",
    ]


def test_the_guests_own_salutation_replaces_the_generated_appel_and_is_marked(
    officer_client, mayor
):
    Guest.objects.filter(pk=mayor.pk).update(salutation_fr="Chère Anne,")
    rows = preview(officer_client.get(change(mayor)))
    assert rows[APPEL] == ["Chère Anne, (the guest's own)", table_row("en").appel]
    assert "(the guest's own)" not in " ".join(rows[ENVELOPE])


def test_a_change_to_the_table_shows_in_the_preview(officer_client, mayor):
    AddressForm.objects.filter(pk=table_row("fr").pk).update(appel="Madame le Maire")
    assert preview(officer_client.get(change(mayor)))[APPEL][0] == "Madame le Maire"


def test_a_form_sent_back_with_errors_previews_the_guest_as_saved(officer_client, mayor):
    data = posted_back(officer_client.get(change(mayor)), name="", salutation_fr="Typed,")
    response = officer_client.post(change(mayor), data)
    assert response.context["adminform"].form.errors  # the name is missing
    assert preview(response)[APPEL][0] == "Madame la Maire"


def test_the_preview_escapes_what_it_shows(officer_client, mayor):
    Guest.objects.filter(pk=mayor.pk).update(salutation_en="<b>Dear Anne</b>")
    page = officer_client.get(change(mayor)).text
    assert "&lt;b&gt;Dear Anne&lt;/b&gt;" in page
    assert "<b>Dear Anne</b>" not in page


def test_the_add_form_shows_a_note_instead(officer_client):
    page = officer_client.get(reverse("admin:visits_guest_add")).text
    assert "Shown once the guest is saved." in page
    assert "address-preview" not in page


def test_the_preview_is_in_french_for_a_french_officer(officer_client, mayor):
    Guest.objects.filter(pk=mayor.pk).update(closing_en="Yours ever,")
    response = officer_client.get(change(mayor), HTTP_ACCEPT_LANGUAGE="fr")
    rows = preview(response)
    assert rows[""] == ["Français", "Anglais"]
    assert rows["Appel"][0] == "Madame la Maire"
    assert rows["Formule de politesse"][1] == "Yours ever, (propre à l’invité)"
    assert "Formules générées" in response.text


def test_staff_read_the_preview_too(client, staff_member, mayor):
    client.force_login(staff_member)
    assert preview(client.get(change(mayor)))[APPEL][0] == "Madame la Maire"


def test_the_preview_reads_in_three_queries_whatever_the_offices_held(
    mayor, django_assert_num_queries
):
    for code in ("deputy", "senator", "councillor_of_paris"):
        OfficeHoldingFactory(guest=mayor, office=office(code))
    with django_assert_num_queries(3):  # the guest, their offices, the table
        forms = address_preview(mayor)
    assert (forms["fr"].appel, forms["fr"].generated[0]) == ("Madame la Maire", "appel")


def test_the_guests_page_reads_as_many_queries_whatever_the_offices_held(officer_client, mayor):
    other = holder("deputy", "Paul Durand", gender="m")
    for code in ("senator", "councillor_of_paris", "minister"):
        OfficeHoldingFactory(guest=other, office=office(code))
    officer_client.get(change(mayor))  # what any first page reads (content types)
    queries = []
    for guest in (mayor, other):
        with CaptureQueriesContext(connection) as read:
            assert officer_client.get(change(guest)).status_code == 200
        queries.append(len(read))
    assert queries[0] == queries[1]
