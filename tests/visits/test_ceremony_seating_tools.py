"""The seating tools of the Ceremony page: why one attendee comes before another, asked by
anyone who reads it; keeping, swapping, pinning and pairing places, named from the page's one list
of attendees, and the plan's options, changed by the protocol office."""

import re

import pytest

from tests.ceremony_factories import (
    ceremony_url,
    full_table,
    guest_of_honour,
    lunch,
    mayor_of_paris,
    minister,
    signed_in_as,
)
from tests.visits.ceremony_pages import (  # noqa: F401 (fixtures)
    listed,
    office_client_fixture,
    post,
    precedence,
    seating_of,
    why_errors,
    why_of,
)
from tests.visits.staff_pages import page_of, visible_text
from visits.models import Attendance, Ceremony, SeatingPair

pytestmark = pytest.mark.django_db


# Why one comes before another, for any two


def test_ceremony_page_says_why_any_attendee_comes_before_another_not_only_neighbours(
    staff_client,
):
    made = lunch()
    host, government, *_others = full_table(made)
    labels = listed(staff_client.get(ceremony_url(made)))
    assert [label.split(" · ")[0] for label in labels.values()] == ["1", "2", "3", "4", "5"]
    first, second = labels["Anne Hidalgo"], labels["Jean Martin"]
    assert abs(int(first.split(" · ")[0]) - int(second.split(" · ")[0])) > 1  # not neighbours
    asked = {"first": first, "second": second}  # as picked from the page's list
    response = staff_client.get(ceremony_url(made), asked)
    assert response.status_code == 200
    assert why_of(response) == (
        "Jean Martin comes before Anne Hidalgo. "
        "D art. 9: the head of the inviting body ranks right after the State's representative"
    )
    reversed_order = staff_client.get(
        ceremony_url(made),
        {"first": "Anne Hidalgo", "second": "jean  MARTIN"},  # names suffice
    )
    assert why_of(reversed_order) == why_of(response)  # the same answer, either way round
    assert why_errors(response) == []


def test_ceremony_page_why_of_an_attendee_not_placed_or_the_same_twice_says_so(staff_client):
    made = lunch()
    host, government = mayor_of_paris(made), minister(made)
    rome = guest_of_honour(made).guest.name  # not placed: no list names him
    asked = [
        ({"first": "Anne Hidalgo", "second": "Anne Hidalgo"}, ["Choose two different attendees."]),
        (
            {"first": rome, "second": "Anne Hidalgo"},
            ["Choose one of the attendees placed in this order."],
        ),
        (
            {"first": "999999", "second": "x"},
            ["Choose one of the attendees placed in this order."] * 2,
        ),
        (
            {"first": "9 · Jean Martin", "second": str(host.pk)},  # a stale label, a pk
            ["Choose one of the attendees placed in this order."] * 2,
        ),
        ({"first": government.guest.name}, ["This field is required."]),
    ]
    for query, errors in asked:
        response = staff_client.get(ceremony_url(made), query)
        assert response.status_code == 200, query
        assert why_errors(response) == errors, query
        assert why_of(response) == "", query


def test_ceremony_page_asks_why_in_french(staff_member):
    made = lunch()
    host, government, *_others = full_table(made)
    client = signed_in_as(staff_member, "fr")
    response = client.get(ceremony_url(made), {"first": "Jean Martin", "second": host.guest.name})
    html = response.content.decode()
    assert "Pourquoi l’un passe-t-il avant l’autre\u00a0?" in html
    assert why_of(response).startswith("Jean Martin passe avant Anne Hidalgo.")


def test_ceremony_page_offers_no_why_with_a_single_attendee(staff_client):
    made = lunch()
    mayor_of_paris(made)
    assert 'id="why"' not in staff_client.get(ceremony_url(made)).content.decode()


# Keeping, swapping, pinning and pairing places


def test_office_keeps_the_proposed_seating(office_client):
    made = lunch()
    full_table(made)
    before = page_of(office_client.get(ceremony_url(made))).sections["Seating plan"]
    assert post(office_client, made, "keep").status_code == 302
    response = office_client.get(ceremony_url(made))
    assert page_of(response).sections["Seating plan"] == before
    assert "Kept by the office" in visible_text(response)
    assert Attendance.objects.filter(engagement=made, table__isnull=True).count() == 0


def test_office_swaps_two_places_and_sees_the_rule_it_breaks(office_client):
    made = lunch()
    host, *_others, rome = full_table(made)
    before = dict((row[0], row[1:]) for row in seating_of(office_client, made))
    response = post(office_client, made, "swap", first="Anne Hidalgo", second="Roberto Gualtieri")
    assert response.status_code == 302
    after = dict((row[0], row[1:]) for row in seating_of(office_client, made))
    assert after["Anne Hidalgo"] == before["Roberto Gualtieri"]
    assert after["Roberto Gualtieri"] == before["Anne Hidalgo"]
    html = office_client.get(ceremony_url(made)).content.decode()
    broken = re.search(r"The kept places break these rules</h3>\s*<ul>(.*?)</ul>", html, re.S)
    assert broken and "<li>Anne Hidalgo, the host, is not in the presiding place" in broken[1]


def test_office_names_attendees_from_one_list_and_a_name_not_in_it_is_refused(office_client):
    made = lunch()
    full_table(made)
    html = office_client.get(ceremony_url(made)).content.decode()
    inputs = re.findall(
        r'<input type="text" name="(\w+)"[^>]*list="ceremony-attendees"[^>]*id="(\w+-\w+)"', html
    )
    assert sorted(id_ for _name, id_ in inputs) == [
        "pair-first",
        "pair-second",
        "pin-attendance",
        "swap-first",
        "swap-second",
        "why-first",
        "why-second",
    ]
    tools = re.search(r'id="seating-tools-heading".*?</section>', html, re.S)[0]
    assert re.findall(r'<select name="(\w+)"', tools) == ["rule"]  # no select of attendees
    for typed in ("Nobody Known", "9 · Anne Hidalgo", "1 · Someone Else", "12"):
        response = post(office_client, made, "swap", first=typed, second="Anne Hidalgo")
        assert response.status_code == 400, typed
        field = re.search(r'id="swap-first".*?</div>', response.content.decode(), re.S)[0]
        assert "Choose an attendee from the list." in field, typed
        shown = re.search(r'<input[^>]*id="swap-first"[^>]*>', response.content.decode())[0]
        assert f'value="{typed}"' in shown  # what was typed stays, to correct it
    assert not Attendance.objects.filter(engagement=made, table__isnull=False).exists()


def test_office_swap_of_one_person_with_themself_is_refused(office_client):
    made = lunch()
    mayor_of_paris(made)
    response = post(office_client, made, "swap", first="Anne Hidalgo", second="1 · Anne Hidalgo")
    assert response.status_code == 400
    assert "Choose two different attendees." in response.content.decode()


def test_office_pins_an_attendee_to_a_place(office_client):
    made = lunch()
    *_others, rome = full_table(made)
    response = post(office_client, made, "pin", attendance="Roberto Gualtieri", table=1, seat=1)
    assert response.status_code == 302
    rome.refresh_from_db()
    assert (rome.table, rome.seat, rome.pinned) == (1, 1, True)
    response = post(office_client, made, "pin", attendance="Roberto Gualtieri", table=9, seat=1)
    assert response.status_code == 400
    assert "This plan has no such place." in response.content.decode()


def test_office_keeps_two_people_apart_then_removes_the_rule(office_client):
    made = lunch()
    _host, first, second, *_others = full_table(made)
    response = post(
        office_client, made, "pair", first=first.guest.name, second=second.guest.name, rule="apart"
    )
    assert response.status_code == 302
    pair = SeatingPair.objects.get(engagement=made)
    assert "Jean Martin / Emanuela D’Alessandro: Keep apart" in visible_text(
        office_client.get(ceremony_url(made))
    )
    assert post(office_client, made, "unpair", pair=pair.pk).status_code == 302
    assert not SeatingPair.objects.filter(engagement=made).exists()


# The plan's options


def test_office_bad_input_is_refused_with_the_fields_message(office_client):
    made = lunch()
    mayor_of_paris(made)
    response = post(office_client, made, "options", layout="french", tables="-2", seats_per_table=0)
    assert response.status_code == 400
    html = response.content.decode()
    field = re.search(r'id="options-tables".*?</div>', html, re.S)[0]
    assert "Ensure this value is greater than or equal to 0." in field
    assert not Ceremony.objects.filter(engagement=made).exists()


def test_office_saves_the_options(office_client):
    made = lunch()
    full_table(made)
    response = post(
        office_client,
        made,
        "options",
        layout="round",
        tables=2,
        seats_per_table=0,
        with_european_flag="on",
        keep_spouses_apart="on",
    )
    assert response.status_code == 302
    options = Ceremony.objects.get(engagement=made)
    assert (options.layout, options.tables, options.revision) == ("round", 2, 1)
