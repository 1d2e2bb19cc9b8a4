"""Arrival order and the receiving line (visits.ceremony.arrivals, D art. 19 and practice)."""

import random

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from visits.ceremony.arrivals import arrival_order, receiving_line
from visits.ceremony.people import Attendee, Placed, Reason


def placed(order: int, key: str, **attendee) -> Placed:
    return Placed(
        attendee=Attendee(key=key, name=key, **attendee),
        order=order,
        rank_label="",
        basis=Reason("", ""),
    )


def keys(people) -> list[str]:
    return [one.attendee.key for one in people]


def test_art_19_the_highest_ranked_arrives_last():
    people = [placed(1, "president"), placed(2, "minister"), placed(3, "mayor")]
    assert keys(arrival_order(people)) == ["mayor", "minister", "president"]


@given(st.lists(st.integers(1, 50), unique=True, max_size=12), st.randoms())
def test_arrival_order_is_reverse_precedence_whatever_the_input_order(orders, rng: random.Random):
    people = [placed(order, f"k{order}") for order in orders]
    shuffled = people[:]
    rng.shuffle(shuffled)
    assert [one.order for one in arrival_order(shuffled)] == sorted(orders, reverse=True)


MAYOR = placed(3, "mayor", host=True, inviting=True)
MAYOR_SPOUSE = placed(4, "mayor_spouse", spouse_of="mayor")
KING = placed(1, "king", country="SE", guest_of_honour=True)
QUEEN = placed(2, "queen", country="SE", spouse_of="king")
DEPUTY_MAYOR = placed(5, "deputy_mayor", host=True)


def test_receiving_line_host_then_guest_of_honour_then_spouses_for_foreign_guests():
    line = receiving_line([QUEEN, DEPUTY_MAYOR, KING, MAYOR_SPOUSE, MAYOR])
    assert keys(line.people) == ["mayor", "king", "mayor_spouse", "queen", "deputy_mayor"]
    assert line.warnings == ()


def test_spouses_stay_out_of_the_line_for_french_guests():
    laureate = placed(1, "laureate", guest_of_honour=True)
    laureate_spouse = placed(2, "laureate_spouse", spouse_of="laureate")
    line = receiving_line([laureate, laureate_spouse, MAYOR, MAYOR_SPOUSE])
    assert keys(line.people) == ["mayor", "laureate"]
    forced = receiving_line(
        [laureate, laureate_spouse, MAYOR, MAYOR_SPOUSE], foreign_guests_present=True
    )
    assert keys(forced.people) == ["mayor", "laureate", "mayor_spouse", "laureate_spouse"]


def test_the_inviting_authority_opens_the_line_before_a_higher_ranked_host():
    line = receiving_line(
        [placed(1, "minister", host=True), placed(2, "mayor", host=True, inviting=True)]
    )
    assert keys(line.people) == ["mayor", "minister"]


def test_a_long_receiving_line_is_kept_but_warned_about_in_the_active_language():
    hosts = [placed(i, f"host{i}", host=True) for i in range(1, 9)]
    with translation.override("en"):
        line = receiving_line(hosts)
    assert len(line.people) == 8
    assert line.warnings == ("The receiving line has 8 people: keep it to 5 or 6.",)
    with translation.override("fr"):
        (warning,) = receiving_line(hosts).warnings
    assert warning == "La ligne de réception compte 8 personnes\u00a0: limitez-la à 5 ou 6."


def test_a_line_with_no_host_is_warned_about():
    with translation.override("en"):
        line = receiving_line([KING])
    assert keys(line.people) == ["king"]
    assert line.warnings == ("No host is marked: nobody opens the receiving line.",)


def test_someone_both_host_and_guest_of_honour_stands_once():
    both = placed(1, "both", host=True, guest_of_honour=True)
    assert keys(receiving_line([both]).people) == ["both"]
