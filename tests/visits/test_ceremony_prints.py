"""The Ceremony page's printables, and what the run-sheet shows of each ceremony."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.ceremony_factories import (
    attending,
    ceremony_url,
    full_table,
    holder,
    lunch,
    mayor_of_paris,
    print_url,
    seeded_precedence,
    signed_in_as,
    some_guests,
)
from tests.visits.staff_pages import page_of, visible_text
from visits.views.ceremony_reading import PARTS

pytestmark = pytest.mark.django_db
CSS = Path(__file__).resolve().parents[2] / "visits" / "static" / "staff" / "ceremony.css"


@pytest.fixture(autouse=True)
def precedence(db):
    seeded_precedence()


def cards_of(response) -> list[list[list[str]]]:
    """Each sheet's cards, each card its lines as printed on its upright face."""
    html = response.content.decode()
    sheets = html.split('<div class="card-sheet">')[1:]
    return [
        [
            re.findall(r'<p class="line[^"]*" lang="\w\w">([^<]+)</p>', front)
            for front in re.findall(r'<div class="face front">(.*?)</div>', sheet, re.S)
        ]
        for sheet in sheets
    ]


def test_ceremony_page_links_each_printable(staff_client):
    made = lunch()
    html = staff_client.get(ceremony_url(made)).content.decode()
    for part in PARTS:
        assert f'href="{print_url(made, part)}"' in html


@pytest.mark.parametrize(
    ("part", "heading", "shows"),
    [
        ("order", "Order of precedence", "D art. 17: ambassadors rank right after the Government"),
        ("seating", "Seating plan", "Who sits where (alphabetical order)"),
        ("place-cards", "Place cards", "Madame l’Ambassadrice d’Italie"),
        ("speakers", "Order of speeches", "Anne Hidalgo"),
        ("arrivals", "Arrivals and receiving line", "Receiving line"),
        ("flags", "Flags and anthems", "Anthems, in the order played"),
        ("address", "Forms of address", "Excellency"),
    ],
)
def test_each_printable_shows_its_part_under_its_title(staff_client, part, heading, shows):
    made = lunch()
    full_table(made)
    response = staff_client.get(print_url(made, part))
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in html
    assert shows in html
    assert "Official lunch" in html and "Printed on" in html
    assert 'name="action"' not in html  # a printable changes nothing


def test_place_cards_carry_each_name_in_french_and_english_eight_to_a_sheet(staff_client):
    made = lunch()
    full_table(made)
    some_guests(3, made)
    attending(made, holder("councillor_of_paris", "Léa Petit", category="prominent_figure"))
    sheets = cards_of(staff_client.get(print_url(made, "place-cards")))
    assert [len(sheet) for sheet in sheets] == [8, 1]
    cards = [card for sheet in sheets for card in sheet]
    assert ["Madame l’Ambassadrice d’Italie", "The Ambassador of Italy"] in cards
    assert ["Léa Petit"] in cards  # the same in both languages: written once
    assert all(1 <= len(card) <= 2 for card in cards)


def test_place_cards_have_their_top_half_upside_down_to_read_once_folded(staff_client):
    made = lunch()
    mayor_of_paris(made)
    html = staff_client.get(print_url(made, "place-cards")).content.decode()
    card = re.search(r'<div class="place-card">(.*?)</div>\s*</div>', html, re.S)[1]
    assert card.index('class="face back"') < card.index('class="face front"')
    css = CSS.read_text()
    assert ".place-card .face.back { transform: rotate(180deg);" in css
    assert "@page cards { size: A4;" in css


def test_place_cards_in_french_read_the_same_two_languages(staff_member):
    made = lunch()
    full_table(made)
    response = signed_in_as(staff_member, "fr").get(print_url(made, "place-cards"))
    assert "<h1>Chevalets de table</h1>" in response.content.decode()
    cards = [card for sheet in cards_of(response) for card in sheet]
    assert ["Madame l’Ambassadrice d’Italie", "The Ambassador of Italy"] in cards


def test_seating_print_draws_the_plan_and_lists_who_sits_where(staff_client):
    made = lunch()
    full_table(made)
    response = staff_client.get(print_url(made, "seating"))
    html = response.content.decode()
    assert html.count("<svg") == 1
    listed = re.search(r'<table class="seating-list">.*?</table>', html, re.S)[0]
    assert re.findall(r"<tr><td>([^<]+)</td>", listed) == [
        "Anne Hidalgo",
        "Emanuela D’Alessandro",
        "Jean Martin",
        "Paul Durand",
        "Roberto Gualtieri",
    ]


def test_unknown_printable_is_not_found(staff_client):
    made = lunch()
    assert staff_client.get(print_url(made, "menu")).status_code == 404


def test_printables_of_a_confidential_visit_are_not_found_for_who_may_not_see_it(
    staff_client, cleared_officer
):
    made = lunch("Ms Secret", confidentiality="confidential")
    mayor_of_paris(made)
    for part in PARTS:
        response = staff_client.get(print_url(made, part))
        assert response.status_code == 404
        assert "Ms Secret" not in response.content.decode()
    assert signed_in_as(cleared_officer).get(print_url(made, "order")).status_code == 200


def test_printables_send_anonymous_visitors_to_sign_in(client):
    made = lunch()
    response = client.get(print_url(made, "order"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:login"))


@pytest.mark.parametrize("part", list(PARTS))
@pytest.mark.parametrize("count", [1, 3])
def test_printable_query_count_does_not_grow_with_attendees(
    staff_client, django_assert_num_queries, part, count
):
    made = lunch()
    mayor_of_paris(made)
    some_guests(count - 1, made)
    with django_assert_num_queries(14):
        response = staff_client.get(print_url(made, part))
    assert response.status_code == 200


# The run-sheet


def run_sheet_url(made) -> str:
    return reverse("staff:run_sheet", args=[made.visit.reference])


def test_run_sheet_links_each_engagement_to_its_ceremony(staff_client):
    made = lunch()
    html = staff_client.get(run_sheet_url(made)).content.decode()
    assert f'href="{ceremony_url(made)}"' in html


def test_run_sheet_shows_the_speaking_order_and_seating_list_of_a_ceremony(staff_client):
    made = lunch()
    full_table(made)
    response = staff_client.get(run_sheet_url(made))
    html = response.content.decode()
    section = page_of(response).sections["Ceremony: Official lunch, 12:00"]
    assert sorted(row[0] for row in section) == sorted(
        ["Anne Hidalgo", "Emanuela D’Alessandro", "Jean Martin", "Paul Durand", "Roberto Gualtieri"]
    )
    speeches = re.search(r"<h3>Order of speeches</h3>\s*<ol>(.*?)</ol>", html, re.S)[1]
    assert re.findall(r"<li>([^<]+)</li>", speeches) == ["Anne Hidalgo", "Roberto Gualtieri"]


def test_run_sheet_without_attendees_shows_no_ceremony(staff_client):
    made = lunch()
    text = visible_text(staff_client.get(run_sheet_url(made)))
    assert "Order of speeches" not in text


@pytest.mark.parametrize("count", [1, 3])
def test_run_sheet_query_count_with_one_ceremony(staff_client, django_assert_num_queries, count):
    """The run-sheet's 11 queries, and the 7 of `ceremony_rows` (not the options: the programme
    reads them with the engagements) for each engagement someone attends: 18 with one ceremony,
    whatever the number of attendees; an engagement nobody attends costs nothing more."""
    made = lunch()
    mayor_of_paris(made)
    some_guests(count - 1, made)
    with django_assert_num_queries(18):
        response = staff_client.get(run_sheet_url(made))
    assert response.status_code == 200
