"""Flags and anthems (visits.ceremony.flags, Q 15-3699 and practice)."""

import xml.etree.ElementTree as ET

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from visits.ceremony.flags import Mast, anthem_order, flag_arrangement, flags_svg

NAMES_FR = {
    "FR": "France",
    "EU": "Union européenne",
    "SE": "Suède",
    "AE": "Émirats arabes unis",
    "DE": "Allemagne",
    "IT": "Italie",
    "US": "États-Unis d'Amérique",
    "JP": "Japon",
}
SVG = "{http://www.w3.org/2000/svg}"


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 (our own output, not untrusted input)


def row(countries, with_europe=False) -> list[str]:
    masts = flag_arrangement(countries, with_europe, NAMES_FR)
    assert [mast.position for mast in masts] == list(range(1, len(masts) + 1))
    return [mast.country for mast in masts]


def test_q_15_3699_two_flags_tricolour_on_the_right_seen_from_the_front():
    assert row(["SE"]) == ["SE", "FR"]
    assert row(["FR", "SE"]) == ["SE", "FR"]


def test_q_15_3699_the_european_flag_alone_goes_on_the_right_of_the_tricolour():
    # "à la droite du drapeau national (c'est-à-dire à gauche lorsque l'on regarde l'édifice)"
    assert row([], with_europe=True) == ["EU", "FR"]


def test_q_15_3699_three_flags_french_in_the_centre_european_on_its_left():
    assert row(["SE"], with_europe=True) == ["SE", "FR", "EU"]
    assert row(["SE", "EU"]) == ["SE", "FR", "EU"]


def test_more_than_three_flags_alphabetical_in_french_with_the_tricolour_in_the_centre():
    # Allemagne, Émirats (accents ignored: E), États-Unis, Italie, Japon, Suède.
    assert row(["SE", "JP", "IT", "US", "AE", "DE"]) == ["DE", "AE", "US", "FR", "IT", "JP", "SE"]
    assert row(["SE", "IT", "DE"], with_europe=True) == ["DE", "IT", "FR", "SE", "EU"]


def test_no_empty_mast_and_each_country_once():
    assert row(["se", "SE", " SE ", "", "FR", "FR"]) == ["SE", "FR"]
    assert row([]) == ["FR"]


@given(st.sets(st.sampled_from(sorted(NAMES_FR)), max_size=8), st.booleans())
def test_the_tricolour_is_always_there_in_the_centre(countries, with_europe):
    flags = row(countries, with_europe)
    assert flags.count("FR") == 1
    assert flags.index("FR") == len(flags) // 2
    assert len(flags) == len(set(flags))


def test_anthems_foreign_first_in_french_alphabetical_order_marseillaise_last():
    assert anthem_order(["FR", "SE", "AE", "DE"], NAMES_FR) == ("DE", "AE", "SE", "FR")
    assert anthem_order([], NAMES_FR) == ("FR",)


def test_the_european_anthem_only_when_the_union_is_among_the_countries_before_the_marseillaise():
    assert anthem_order(["SE", "EU"], NAMES_FR) == ("SE", "EU", "FR")


def test_the_svg_parses_and_says_what_it_shows():
    masts = flag_arrangement(["SE", "AE"], True, NAMES_FR)
    names = NAMES_FR | {"SE": 'Suède <&> "Sverige"'}
    with translation.override("fr"):
        svg = flags_svg(masts, names, "Pavoisement : visite d'État & dîner")
    root = parsed(svg)  # well-formed, names escaped
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Pavoisement : visite d'État & dîner"
    assert root.get("viewBox").startswith("0 0 ")
    assert root.find(f"{SVG}title").text == "Pavoisement : visite d'État & dîner"
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert "Vu de face" in texts
    assert '2. Suède <&> "Sverige"' in texts
    assert "1. Émirats arabes unis" in texts
    assert root.find(f"{SVG}desc").text == (
        "De gauche à droite\u00a0: "
        'Émirats arabes unis, Suède <&> "Sverige", France, Union européenne'
    )


def test_the_svg_draws_the_tricolour_and_the_european_stars():
    svg = flags_svg([Mast(1, "EU"), Mast(2, "FR")], {}, "Flags")
    root = parsed(svg)
    fills = [element.get("fill") for element in root.iter(f"{SVG}rect")]
    assert {"#000091", "#FFFFFF", "#E1000F", "#003399"} <= set(fills)
    stars = [element for element in root.iter(f"{SVG}polygon") if element.get("fill") == "#FFCC00"]
    assert len(stars) == 12
    with translation.override("en"):
        svg = flags_svg([Mast(1, "FR")], {}, "F")
    texts = [element.text for element in parsed(svg).iter(f"{SVG}text")]
    assert texts == ["1. France", "Seen from the front"]
