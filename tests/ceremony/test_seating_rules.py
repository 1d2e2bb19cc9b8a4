"""Seating (visits.ceremony.seating, PROTOCOL_RULES.md § 2): golden cases of each layout, the
options, the rules a changed plan breaks, the entrance list and the drawing."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from visits.ceremony.seating import (
    Layout,
    Pin,
    SeatingOptions,
    Sitter,
    broken_rules,
    plan_svg,
    seat,
    swap,
    who_sits_where,
)

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def guests(count: int, genders: str = "") -> list[Sitter]:
    """g1, g2, ... in precedence order."""
    return [Sitter(f"g{i}", genders[i - 1] if genders else "n") for i in range(1, count + 1)]


def numbers(seating, table: int = 1) -> dict[str, int]:
    """Who sits at which place number of `table`."""
    return {s.key: s.number for s in seating.seats if s.table == table and s.key}


def by_number(seating, table: int = 1) -> list[str]:
    return [s.key for s in sorted(seating.seats, key=lambda s: s.number) if s.table == table]


def test_a_la_francaise_ranks_alternate_from_the_host_right_to_the_cohost_left():
    sitters = [Sitter("H"), Sitter("C"), *guests(8)]
    seating = seat(sitters, SeatingOptions(layout=Layout.FRENCH, seats_per_table=10), "H", "C")
    # Places 1-5 along the host's side left to right on the plan, 6-10 back along the other.
    assert by_number(seating) == ["g5", "g1", "H", "g2", "g6", "g7", "g3", "C", "g4", "g8"]
    host, cohost = seating.seat_of("H"), seating.seat_of("C")
    assert (host.honour, cohost.honour) == (0, 0)
    assert host.x == cohost.x and host.y < cohost.y  # face to face, mid-table
    # The host faces the co-host: their right is the plan's left; the co-host's the reverse.
    assert seating.seat_of("g1").x < host.x < seating.seat_of("g2").x
    assert seating.seat_of("g4").x < cohost.x < seating.seat_of("g3").x
    assert [seating.seat_of(f"g{i}").honour for i in range(1, 9)] == list(range(1, 9))
    assert seating.unmet == () and seating.warnings == ()


def test_a_l_anglaise_the_presidents_at_the_ends_ranks_alternate_towards_the_middle():
    sitters = [Sitter("H"), Sitter("C"), *guests(8)]
    seating = seat(sitters, SeatingOptions(layout=Layout.ENGLISH, seats_per_table=10), "H", "C")
    # 1 the host's end, 2-5 the far side, 6 the co-host's end, 7-10 back along the near side.
    assert by_number(seating) == ["H", "g2", "g6", "g7", "g3", "C", "g4", "g8", "g5", "g1"]
    xs = [s.x for s in seating.seats]
    assert seating.seat_of("H").x == min(xs) and seating.seat_of("C").x == max(xs)
    # The host faces the co-host along the table: their right is the plan's lower side.
    assert seating.seat_of("g1").y > seating.seat_of("H").y > seating.seat_of("g2").y


def test_round_table_the_host_faces_the_door_ranks_alternate_right_and_left():
    sitters = [Sitter("H"), Sitter("C"), *guests(8)]
    options = SeatingOptions(layout=Layout.ROUND, seats_per_table=10)
    seating = seat(sitters, options, "H", "C")
    assert by_number(seating) == ["H", "g2", "g6", "g7", "g3", "C", "g4", "g8", "g5", "g1"]
    ys = [s.y for s in seating.seats]
    host = seating.seat_of("H")
    assert host.y == min(ys) and seating.seat_of("C").y == max(ys)  # the door at the bottom
    assert seating.seat_of("g1").x < host.x < seating.seat_of("g2").x
    assert "Door" in plan_svg(seating, {}, options, "Dinner")


def test_art_16_platform_the_first_in_the_centre_then_on_their_right_then_their_left():
    seating = seat(guests(7), SeatingOptions(layout=Layout.PLATFORM, seats_per_table=7), "g1")
    # Numbered from the audience's left: their right is the audience's left.
    assert by_number(seating) == ["g6", "g4", "g2", "g1", "g3", "g5", "g7"]
    assert [seating.seat_of(f"g{i}").honour for i in range(1, 8)] == list(range(1, 8))


def test_art_16_an_even_row_starts_on_the_right_of_the_axis():
    seating = seat(guests(6), SeatingOptions(layout=Layout.PLATFORM, seats_per_table=6), "g1")
    assert by_number(seating) == ["g5", "g3", "g1", "g2", "g4", "g6"]


def test_art_16_central_aisle_rank_1_on_the_right_hand_aisle_seat_row_by_row():
    options = SeatingOptions(
        layout=Layout.PLATFORM,
        tables=2,
        seats_per_table=4,
        central_aisle=True,
        apart=(("g1", "g2"),),
    )
    seating = seat(guests(8), options, "g1")
    assert by_number(seating, 1) == ["g3", "g1", "g2", "g4"]
    assert by_number(seating, 2) == ["g7", "g5", "g6", "g8"]
    assert seating.unmet == ()  # across the aisle is not side by side
    gap = seating.seat_of("g2").x - seating.seat_of("g1").x
    assert gap > seating.seat_of("g1").x - seating.seat_of("g3").x  # the aisle between them
    assert seating.seat_of("g5").y < seating.seat_of("g1").y  # row 1 nearest the audience
    drawing = plan_svg(seating, {}, options, "Platform")
    assert "Audience" in drawing and "Row 2" in drawing


def test_art_16_civil_authorities_on_the_right_military_on_the_left():
    sitters = [
        Sitter("prefect"),
        Sitter("general", military=True),
        Sitter("mayor"),
        Sitter("admiral", military=True),
        Sitter("deputy"),
    ]
    options = SeatingOptions(layout=Layout.PLATFORM, seats_per_table=5, civil_military_sides=True)
    seating = seat(sitters, options, "prefect")
    assert by_number(seating) == ["deputy", "mayor", "prefect", "general", "admiral"]
    assert seating.unmet == ()


def test_several_tables_the_host_presides_table_1_the_cohost_table_2():
    sitters = [Sitter("H"), Sitter("C"), *guests(10)]
    options = SeatingOptions(layout=Layout.ROUND, tables=3, seats_per_table=4)
    seating = seat(sitters, options, "H", "C")
    # The highest-ranked at the host's table; a presiding place nobody is given goes to the
    # highest-ranked at that table: the guest of honour faces the host.
    assert by_number(seating, 1) == ["H", "g3", "g1", "g2"]
    assert by_number(seating, 2) == ["C", "g6", "g4", "g5"]
    assert by_number(seating, 3) == ["g7", "g10", "g8", "g9"]
    assert seating.unmet == ()


def test_alternating_sexes_the_ladies_of_honour_beside_the_host():
    sitters = [Sitter("H", "m"), Sitter("C", "f"), *guests(8, "mfmfmfmf")]
    options = SeatingOptions(layout=Layout.FRENCH, seats_per_table=10, alternate_sexes=True)
    seating = seat(sitters, options, "H", "C")
    places = numbers(seating)
    # The two highest-ranked women beside the host, the two highest-ranked men beside the
    # co-host, each sex in its own order of honour.
    assert (places["g2"], places["g4"]) == (2, 4)
    assert (places["g1"], places["g3"]) == (7, 9)
    assert seating.unmet == () and seating.warnings == ()
    assert broken_rules(seating, sitters, options, "H", "C") == ()


def test_multiple_of_4_places_warns_that_the_presidents_cannot_both_alternate():
    sitters = [Sitter("H", "m"), Sitter("C", "f"), *guests(6, "mfmfmf")]
    options = SeatingOptions(layout=Layout.ROUND, seats_per_table=8, alternate_sexes=True)
    seating = seat(sitters, options, "H", "C")
    assert len(seating.warnings) == 1 and "multiple of 4" in seating.warnings[0]
    assert len(seating.unmet) == 1 and "do not alternate" in seating.unmet[0]
    # The office's remedy: the guest of honour takes the co-host's place.
    pinned = SeatingOptions(
        layout=Layout.ROUND, seats_per_table=8, alternate_sexes=True, pins=(Pin("g1", 1, 5),)
    )
    remedied = seat(sitters, pinned, "H", "C")
    assert remedied.unmet == ()
    assert remedied.warnings == (
        "Table 1: with women and men alternating on 8 places, a multiple of 4, the two "
        "presiding places are both taken by men.",
    )


def test_ten_places_alternate_all_around_without_warning():
    sitters = [Sitter("H", "m"), Sitter("C", "f"), *guests(8, "mfmfmfmf")]
    options = SeatingOptions(layout=Layout.ROUND, seats_per_table=10, alternate_sexes=True)
    seating = seat(sitters, options, "H", "C")
    assert seating.unmet == () and seating.warnings == ()


def test_too_many_men_to_alternate_is_said_with_the_count():
    sitters = [Sitter("H", "m"), Sitter("C", "f"), *guests(4, "mmmm")]
    options = SeatingOptions(layout=Layout.ROUND, alternate_sexes=True)
    seating = seat(sitters, options, "H", "C")
    assert len(seating.unmet) == 1
    assert seating.unmet[0].endswith("Too many men to alternate: 5 of the 6 at the table.")
    assert all(s.key for s in seating.seats)  # still seated, as well as can be


def test_spouses_kept_apart_move_down_without_breaking_the_order_of_honour():
    sitters = [Sitter("g1"), Sitter("g2", spouse_of="g1"), *guests(5)[2:]]
    options = SeatingOptions(layout=Layout.PLATFORM, seats_per_table=5)
    seating = seat(sitters, options, "g1")
    assert by_number(seating) == ["g2", "g3", "g1", "g4", "g5"]
    assert seating.unmet == ()
    assert broken_rules(seating, sitters, options, "g1") == ()  # the move was the rules'


def test_together_seats_the_interpreter_beside_the_guest_across_tables():
    sitters = [Sitter("H"), Sitter("C"), *guests(6), Sitter("interpreter")]
    options = SeatingOptions(
        layout=Layout.ROUND, tables=2, seats_per_table=5, together=(("g1", "interpreter"),)
    )
    seating = seat(sitters, options, "H", "C")
    guest, interpreter = seating.seat_of("g1"), seating.seat_of("interpreter")
    assert guest.table == interpreter.table == 1
    assert abs(guest.number - interpreter.number) in (1, 4)  # neighbours round the table
    assert seating.unmet == ()


def test_pins_hold_and_a_pin_to_no_place_is_said():
    sitters = [Sitter("H"), Sitter("C"), *guests(6)]
    options = SeatingOptions(pins=(Pin("g6", 1, 2), Pin("g5", 1, 12), Pin("g4", 1, 2)))
    seating = seat(sitters, options, "H", "C")
    assert seating.seat_of("g6").number == 2
    assert seating.unmet == (
        "g5 cannot be pinned to Table 1, place 12: there is no such place.",
        "g4 cannot be pinned to Table 1, place 2: g6 is pinned there.",
    )


def test_more_guests_than_places_leaves_the_lowest_ranked_out_and_says_so():
    sitters = [Sitter("H"), Sitter("C"), *guests(6)]
    seating = seat(sitters, SeatingOptions(seats_per_table=6), "H", "C")
    assert seating.seat_of("g5") is None and seating.seat_of("g6") is None
    assert seating.unmet == ("2 people have no place: g5, g6. 6 places for 8 people.",)


def test_swap_then_broken_rules_names_the_rule_broken():
    sitters = [Sitter("H"), Sitter("C"), *guests(8)]
    sitters[3] = Sitter("g2", spouse_of="g1", name="Mme Durand")
    options = SeatingOptions(layout=Layout.FRENCH, seats_per_table=10)
    seating = seat(sitters, options, "H", "C")
    assert broken_rules(seating, sitters, options, "H", "C") == ()
    lower = swap(seating, "g1", "g5")
    assert broken_rules(lower, sitters, options, "H", "C") == (
        "g5 sits in a more honoured place than g1, who ranks higher.",
    )
    beside = swap(seating, "H", "g2")  # the spouse now beside her principal
    assert "Table 1: g1 and Mme Durand, spouses, sit side by side." in broken_rules(
        beside, sitters, options, "H", "C"
    )
    assert "H, the host, is not in the presiding place of Table 1." in broken_rules(
        beside, sitters, options, "H", "C"
    )
    assert swap(lower, "g5", "g1") == seating


def test_swap_breaks_the_alternation_and_keep_apart():
    sitters = [Sitter("H", "m"), Sitter("C", "f"), *guests(8, "mfmfmfmf")]
    options = SeatingOptions(
        layout=Layout.FRENCH, seats_per_table=10, alternate_sexes=True, apart=(("g1", "g3"),)
    )
    seating = seat(sitters, options, "H", "C")
    assert seating.unmet == ()
    broken = broken_rules(swap(seating, "g3", "g6"), sitters, options, "H", "C")
    assert "Table 1: g3 and g1, to be kept apart, sit side by side." in broken
    assert "Table 1: C and g6, side by side, are both women." in broken


def test_who_sits_where_is_alphabetical_accents_and_case_ignored():
    sitters = guests(5)
    seating = seat(sitters, SeatingOptions(layout=Layout.PLATFORM), "g1")
    names = {
        "g1": "Zoé Roux",
        "g2": "émile Leroy",
        "g3": "Eva Ader",
        "g4": "Œuvre Noé",
        "g5": "Ève",
    }
    listed = who_sits_where(seating, names)
    assert [name for name, _, _ in listed] == [
        "émile Leroy",
        "Eva Ader",
        "Ève",
        "Œuvre Noé",
        "Zoé Roux",
    ]
    assert listed[-1] == ("Zoé Roux", 1, seating.seat_of("g1").number)


def test_plan_svg_is_well_formed_and_shows_every_name_escaped():
    sitters = [Sitter("H"), Sitter("C"), *guests(6)]
    options = SeatingOptions(layout=Layout.ROUND, tables=2, seats_per_table=5)
    seating = seat(sitters, options, "H", "C")
    labels = {s.key: (f'O\'Brien & <{s.key}> "Jr"', str(i)) for i, s in enumerate(sitters, 1)}
    drawing = plan_svg(seating, labels, options, "Dîner <officiel> & co")
    root = ET.fromstring(drawing)  # noqa: S314 (our own output, not untrusted input)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.get("aria-label") == "Dîner <officiel> & co"
    assert root.find(f"{SVG}title").text == "Dîner <officiel> & co"
    assert root.get("viewBox").startswith("0 0 ")
    shown = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    for name, rank in labels.values():
        assert any(name.replace(" ", "") in line.replace(" ", "") for line in shown)
        assert rank in shown
    assert "Table 2" in shown and "Door" in shown


def test_unmet_and_drawing_speak_french():
    sitters = [Sitter("H", "m"), Sitter("C", "f"), *guests(6, "mfmfmf")]
    options = SeatingOptions(layout=Layout.ROUND, seats_per_table=8, alternate_sexes=True)
    with translation.override("fr"):
        seating = seat(sitters, options, "H", "C")
        drawing = plan_svg(seating, {}, options, "Plan")
    assert "femmes et hommes n’alternent pas partout" in seating.unmet[0]
    assert "un multiple de 4" in seating.warnings[0]
    assert "Entrée" in drawing and "Table 1" in drawing
