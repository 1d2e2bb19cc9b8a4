"""The open data as a spreadsheet opens it: no cell runs as a formula, UTF-8 is recognised,
and the licence is stated on the page (both languages) and with the files."""

import csv
import io

import pytest

from tests.public.test_guests_page import data_url, received, url
from visits.models import Guest, Visit
from visits.views import open_data

pytestmark = pytest.mark.django_db

ETALAB = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))


def test_open_data_csv_writes_cells_a_spreadsheet_would_run_as_text(client):
    received('=HYPERLINK("http://evil.example","Click")', room="\rSalle des Fêtes")
    Guest.objects.update(title_fr="+33 1 42 76 40 40", title_en="@SUM(A1:A9)")
    Visit.objects.update(occasion_fr="-2+3", occasion_en="\tcmd|' /C calc'!A0")
    [row] = csv_rows(client.get(data_url("csv")))
    assert row["guest"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert row["title_fr"] == "'+33 1 42 76 40 40"
    assert row["title_en"] == "'@SUM(A1:A9)"
    assert row["occasion_fr"] == "'-2+3"
    assert row["occasion_en"] == "'\tcmd|' /C calc'!A0"
    assert row["rooms"] == "'\rSalle des Fêtes"
    assert row["date"] == "2025-03-12" and row["country"] == "IT"  # the others as they are
    # The JSON is no spreadsheet: it gives every value as it is.
    [guest] = client.get(data_url("json")).json()["guests"]
    assert guest["guest"] == '=HYPERLINK("http://evil.example","Click")'
    assert guest["occasion_fr"] == "-2+3"


def test_only_text_cells_are_neutralised_not_numbers():
    assert open_data.spreadsheet_safe("-3") == "'-3"
    assert open_data.spreadsheet_safe(-3) == -3
    assert open_data.spreadsheet_safe(-2.5) == -2.5
    assert open_data.spreadsheet_safe("Kai Wegner") == "Kai Wegner"
    assert open_data.spreadsheet_safe("") == ""


def test_open_data_csv_starts_with_a_byte_order_mark_so_spreadsheets_read_utf8(client):
    received("Anne Hidalgo", room="Salle des Fêtes")
    response = client.get(data_url("csv"))
    assert response.content.startswith(b"\xef\xbb\xbfdate,guest,")
    assert response.content.count(b"\xef\xbb\xbf") == 1
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_rows(response)[0]["rooms"] == "Salle des Fêtes"


def test_open_data_states_its_licence_on_the_page_and_with_the_files(client):
    received("Kai Wegner")
    english = client.get(url("en")).content.decode()
    french = client.get(url("fr")).content.decode()
    link = f'<a href="{ETALAB}" rel="license" hreflang="fr">Licence Ouverte / Open Licence 2.0</a>'
    assert link in english and link in french
    assert "Free to reuse under the" in english and "crediting the source" in english
    assert "Réutilisation libre sous la" in french and "en mentionnant la source" in french
    json_response = client.get(data_url("json"))
    assert json_response.json()["license"] == {
        "id": "etalab-2.0",
        "name": "Licence Ouverte / Open Licence 2.0",
        "url": ETALAB,
    }
    for response in (json_response, client.get(data_url("csv"))):
        assert response["Link"] == f'<{ETALAB}>; rel="license"'
