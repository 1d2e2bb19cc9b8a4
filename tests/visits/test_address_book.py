"""The address book's import and export (visits/views/address_book.py): a CSV or vCard file read
and shown row by row, its errors by field and its duplicates (the registry by name, accents and
case ignored; an address card by e-mail; another row), nothing written before the office
imports the good rows; the export without needs."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import GuestFactory
from tests.visits.staff_pages import signed_in
from visits.models import AddressCard, Guest

PAGE = reverse("staff:address_book")
CSV_FILE = (
    "name,title_fr,title_en,email,postal_address,language\n"
    "Claire Petit,Députée,Member of Parliament,claire.petit@example.fr,,fr\n"
    "emilie durand,,,emilie@example.fr,,fr\n"  # the registry's Émilie Durand
    "Paul Roy,,,not-an-address,,fr\n"
    "Anne Roy,,,claire.petit@example.fr,,en\n"  # row 1's e-mail
    'Marc Blanc,,,,"12 rue de Rivoli\n75004 Paris",xx\n'
)
VCARD_FILE = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Juha Virtanen\r\nTITLE:Ambassador of Finland\r\n"
    "EMAIL:juha@example.fi\r\nLANG:en\r\nEND:VCARD\r\n"
)


@pytest.fixture
def office(officer):
    GuestFactory(name="Émilie Durand")
    return signed_in(officer)


def upload(client, name, text):
    return client.post(PAGE, {"action": "preview", "file": SimpleUploadedFile(name, text.encode())})


def test_the_preview_shows_each_row_and_writes_nothing(office):
    guests = Guest.objects.count()
    response = upload(office, "invitees.csv", CSV_FILE)
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 row can be imported" in page
    assert "already in the registry: Émilie Durand" in page
    assert "the same as row 1" in page
    assert "E-mail: Enter a valid email address." in page
    assert "Language of their speech: " in page  # "xx" is no language
    assert Guest.objects.count() == guests and not AddressCard.objects.exists()


def test_importing_writes_the_good_rows_only(office):
    preview = upload(office, "invitees.csv", CSV_FILE)
    assert preview.status_code == 200
    response = office.post(
        PAGE, {"action": "import", "text": CSV_FILE, "file_name": "invitees.csv"}, follow=True
    )
    assert "1 imported into the guest registry." in response.content.decode()
    card = AddressCard.objects.get()
    assert (card.guest.name, card.guest.title_fr, card.email) == (
        "Claire Petit",
        "Députée",
        "claire.petit@example.fr",
    )
    again = upload(office, "invitees.csv", CSV_FILE).content.decode()
    assert "0 rows can be imported" in again  # imported once: now duplicates


def test_a_vcard_file_is_read(office):
    page = upload(office, "finland.vcf", VCARD_FILE).content.decode()
    assert "Juha Virtanen" in page and "1 row can be imported" in page
    office.post(PAGE, {"action": "import", "text": VCARD_FILE, "file_name": "finland.vcf"})
    guest = Guest.objects.get(name="Juha Virtanen")
    assert (guest.title_en, guest.language, guest.card.email) == (
        "Ambassador of Finland",
        "en",
        "juha@example.fi",
    )


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("people.csv", b"first,last\nA,B\n", "This file cannot be read"),
        ("people.csv", "name\nÉmile\n".encode("latin-1"), "not in UTF-8"),
        ("people.vcf", b"BEGIN:VCARD\r\nFN:broken", "This file cannot be read"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(office, name, content, reason):
    response = office.post(PAGE, {"action": "preview", "file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400 and reason in response.content.decode()


def test_staff_may_not_import(staff_member):
    client = signed_in(staff_member)
    assert client.get(PAGE).status_code == 403


def test_the_export_holds_addresses_but_no_needs(office):
    guest = GuestFactory(name="Ana Ruiz")
    AddressCard.objects.create(guest=guest, email="ana@example.es", dietary_needs="Halal")
    response = office.get(reverse("staff:address_book_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["name", "title_fr", "title_en", "email", "postal_address", "language"]
    assert rows[1][0] == "Ana Ruiz" and rows[1][3] == "ana@example.es"
    assert "Halal" not in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_the_export_reads_in_the_same_number_of_queries_for_1_and_3(
    office, django_assert_num_queries, count
):
    for n in range(count):
        AddressCard.objects.create(guest=GuestFactory(), email=f"guest{n}@example.fr")
    # The session, the user and their permissions, the guests with their cards; inside the
    # request's savepoint and its release.
    with django_assert_num_queries(7):
        office.get(reverse("staff:address_book_csv"))
