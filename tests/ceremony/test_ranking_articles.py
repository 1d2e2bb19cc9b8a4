"""Golden cases of the ranking, each named after the rule it checks (PROTOCOL_RULES.md § 1:
D = décret n° 89-655, V = Vienna Convention, Q = written answers of Parliament)."""

from dataclasses import replace
from datetime import date, datetime

from django.utils import translation

from tests.ceremony.ranking_cases import (  # noqa: F401 (english: an autouse fixture)
    ON,
    english,
    missing,
    names,
    occasion,
    person,
    placed,
)
from visits.ceremony.decree import OFFICE_BY_CODE, OFFICES, OUTSIDE_PARIS, PARIS
from visits.ceremony.people import (
    Capacity,
    DiplomaticClass,
    Holding,
    ListedRank,
    Office,
)
from visits.ceremony.ranking import rank


def test_art_2_the_list_orders_the_authorities_and_explains_with_its_ranks():
    people = [person("Maire", "mayor_of_paris"), person("PR", "president_of_the_republic")]
    ranking = rank(people, occasion())
    assert names(ranking) == ["PR", "Maire"]
    assert (placed(ranking, "Maire").rank_label, ranking.position_of("Maire")) == (
        "22: Mayor of Paris",
        2,
    )
    assert ranking.why("Maire", "PR").text == (
        "D art. 2: rank 1 (President of the Republic) before rank 22 (Mayor of Paris)"
    )


def test_art_14_adjoint_representing_the_mayor_takes_the_mayors_rank():
    adjoint = person("Adjoint", "adjoint_au_maire", capacity=Capacity.ADJOINT_FOR_MAYOR)
    people = [
        person("Conseillère", "councillor_of_paris"),
        person("Présidente de région", "president_of_the_regional_council"),
        adjoint,
        person("Préfet de police", "prefect_of_police"),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == ["Préfet de police", "Adjoint", "Présidente de région", "Conseillère"]
    assert placed(ranking, "Adjoint").rank_label == "22: Mayor of Paris (represented)"
    assert placed(ranking, "Adjoint").basis.rule == "D art. 14"
    on_their_own = rank([replace(adjoint, capacity=Capacity.OWN)], occasion())
    assert missing(on_their_own) == {
        "Adjoint": "Deputy Mayor of Paris is not on the list: set “place after rank”"
    }


def test_art_14_a_representative_comes_right_after_the_holder_present_in_person():
    people = [
        person("Adjoint", "adjoint_au_maire", capacity=Capacity.ADJOINT_FOR_MAYOR),
        person("Maire", "mayor_of_paris"),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == ["Maire", "Adjoint"]
    assert ranking.why("Adjoint", "Maire").text == (
        "Tie at rank 22: the holder present in person comes before a representative (practice)"
    )


def test_art_13_a_representative_keeps_their_own_rank():
    deputy = person("Député", "deputy", capacity=Capacity.REPRESENTS, represents_name="le Maire")
    ranking = rank([deputy, person("Sénatrice", "senator")], occasion())
    assert names(ranking) == ["Député", "Sénatrice"]
    assert placed(ranking, "Député").basis.text == (
        "D art. 13: represents le Maire but keeps their own rank (12: Deputies)"
    )


def test_art_14_vice_presidents_take_the_rank_the_office_says():
    senate = person(
        "VP Sénat",
        "senator",
        capacity=Capacity.VICE_PRESIDENT,
        represents_office="president_of_the_senate",
    )
    assembly = person(
        "VP Assemblée",
        "deputy",
        capacity=Capacity.VICE_PRESIDENT,
        represents_office="president_of_the_national_assembly",
    )
    people = [senate, assembly, person("Ministre", "minister")]
    ranking = rank(people, occasion())
    assert names(ranking) == ["VP Assemblée", "VP Sénat", "Ministre"]
    assert ranking.why("VP Sénat", "Ministre").text == (
        "D art. 14: a vice-president representing their president (President of the Senate) "
        "ranks right after rank 4 (President of the National Assembly)"
    )


def test_art_14_the_presidents_representative_takes_rank_1_and_art_10_then_keeps_the_prefect():
    envoy = person("Représentante", "deputy", capacity=Capacity.PRESIDENT_REPRESENTATIVE)
    people = [person("Préfet", "prefect_of_paris"), person("Député", "deputy"), envoy]
    ranking = rank(people, occasion())
    assert names(ranking) == ["Représentante", "Député", "Préfet"]
    assert placed(ranking, "Représentante").basis.text == (
        "D art. 14: the representative of the President of the Republic takes the President's rank"
    )


def test_art_14_an_interim_prefect_takes_the_prefects_rank():
    interim = person(
        "Secrétaire générale", capacity=Capacity.INTERIM, represents_office="prefect_of_paris"
    )
    ranking = rank([person("Préfet de police", "prefect_of_police"), interim], occasion())
    assert names(ranking) == ["Secrétaire générale", "Préfet de police"]


def test_representative_takes_the_rank_under_italys_rule():
    deputy = person("Député", "deputy", capacity=Capacity.REPRESENTS, represents_office="minister")
    italian = replace(PARIS, representative_takes_rank=True)
    assert names(rank([person("Sénatrice", "senator"), deputy], occasion(italian)))[0] == "Député"


def test_q_16_2448_a_substitute_has_no_rank():
    substitute = person("Suppléant", capacity=Capacity.SUBSTITUTE, represents_office="deputy")
    ranking = rank([substitute, person("Sénatrice", "senator")], occasion())
    assert names(ranking) == ["Sénatrice"]
    assert missing(ranking) == {
        "Suppléant": "a parliamentary substitute has no rank (Q 16-2448): set “place after rank”"
    }
    reason = "Représente la députée"
    placed_after = replace(substitute, place_after=13, place_after_reason=reason)
    ranking = rank([placed_after, person("Sénatrice", "senator")], occasion())
    assert names(ranking) == ["Sénatrice", "Suppléant"]


def ambassador(name, taken_up, kind=DiplomaticClass.AMBASSADOR, code="foreign_ambassador"):
    return person(name, code, diplomatic_class=kind, functions_taken_up_at=taken_up)


def test_v_16_ambassadors_rank_by_the_date_they_took_up_their_functions():
    people = [
        ambassador("Chargée", datetime(2001, 1, 1), DiplomaticClass.CHARGE),
        ambassador("Arrivée en 2021", datetime(2021, 5, 4, 11, 0)),
        ambassador("Arrivé le matin", datetime(2019, 3, 12, 10, 0)),
        ambassador("Arrivée l'après-midi", datetime(2019, 3, 12, 15, 30)),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == [
        "Arrivé le matin",
        "Arrivée l'après-midi",
        "Arrivée en 2021",
        "Chargée",
    ]
    assert ranking.why("Arrivée l'après-midi", "Arrivé le matin").text == (
        "V art. 16: heads of mission of one class rank by the date and time they took up their "
        "functions: 2019-03-12 10:00, against 2019-03-12 15:30"
    )
    assert ranking.why("Chargée", "Arrivée en 2021").text == (
        "V art. 14: heads of mission rank by class: ambassador before chargé d'affaires"
    )


def test_v_16_the_dates_of_a_concealed_head_of_mission_are_not_told():
    """Someone shown under a neutral name (DESIGN.md, decision 1): the rule, not the dates."""
    people = [
        replace(ambassador("Confidential guest", datetime(2019, 3, 12, 10, 0)), concealed=True),
        ambassador("Arrivée en 2021", datetime(2021, 5, 4, 11, 0)),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == ["Confidential guest", "Arrivée en 2021"]
    assert ranking.why("Arrivée en 2021", "Confidential guest").text == (
        "V art. 16: heads of mission of one class rank by the date and time they took up their "
        "functions"
    )


def test_v_16_3_the_nuncio_is_dean():
    people = [
        ambassador("Ambassadeur", datetime(2015, 1, 1)),
        ambassador("Nonce", datetime(2024, 1, 1), DiplomaticClass.NUNCIO, "nuncio"),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == ["Nonce", "Ambassadeur"]
    assert ranking.why("Ambassadeur", "Nonce").rule == "V art. 16(3)"


def test_art_10_prefect_after_the_assembly_president_when_no_minister_attends_in_paris():
    people = [
        person("Député", "deputy"),
        person("Préfet", "prefect_of_paris"),
        person("Président de l'Assemblée", "president_of_the_national_assembly"),
        person("Président du Sénat", "president_of_the_senate"),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == ["Président du Sénat", "Président de l'Assemblée", "Préfet", "Député"]
    assert ranking.why("Député", "Préfet").rule == "D art. 10"
    with_a_minister = rank([*people, person("Ministre", "minister")], occasion())
    assert names(with_a_minister)[-2:] == ["Député", "Préfet"]


def test_art_17_ambassadors_rank_after_the_government():
    people = [
        person("Ancienne Première ministre", Holding("prime_minister", left_office_on=ON)),
        ambassador("Ambassadeur", datetime(2020, 1, 1)),
        person("Ministre", "minister"),
        person("PR", "president_of_the_republic"),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == ["PR", "Ministre", "Ambassadeur", "Ancienne Première ministre"]
    expected = "D art. 17: ambassadors rank right after the Government"
    assert ranking.why("Ambassadeur", "Ministre").text == expected
    assert ranking.why("Ancienne Première ministre", "Ambassadeur").text == expected
    assert placed(ranking, "Ambassadeur").rank_label == "after 6: Foreign ambassadors"


def test_art_18_place_after_override_shows_its_reason():
    reason = "Maire de la ville jumelée"
    people = [
        person("Maire de Rome", "foreign_mayor", place_after=22, place_after_reason=reason),
        person("Présidente de région", "president_of_the_regional_council"),
        person("Maire", "mayor_of_paris"),
        person("Député", "deputy", place_after=30, place_after_reason="ignored"),
    ]
    ranking = rank(people, occasion())
    # Listed authorities keep their order among themselves: the deputy stays at rank 12.
    assert names(ranking) == ["Député", "Maire", "Maire de Rome", "Présidente de région"]
    assert placed(ranking, "Maire de Rome").basis.text == (
        "D art. 18: placed after rank 22 by the inviting authority: Maire de la ville jumelée"
    )
    assert reason in ranking.why("Maire", "Maire de Rome").text
    first = replace(people[0], place_after=0)
    assert placed(rank([first, people[2]], occasion()), "Maire de Rome").order == 1


def test_art_9_inviting_authority_after_the_state_representative():
    people = [
        person("Préfet de police", "prefect_of_police"),
        person("Maire", "mayor_of_paris", inviting=True),
        person("Préfet", "prefect_of_paris"),
        person("Ministre", "minister"),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == ["Ministre", "Préfet", "Maire", "Préfet de police"]
    assert ranking.why("Préfet de police", "Maire").rule == "D art. 9"
    assert placed(ranking, "Maire").rank_label == "after 20: head of the inviting body"
    ordered = rank(people, occasion(ordered_by_government=True))
    assert names(ordered) == ["Ministre", "Préfet", "Préfet de police", "Maire"]


def test_art_9_outside_paris_the_inviting_mayor_ranks_second_even_with_no_prefect():
    mayor = person("Maire", "mayor", inviting=True)
    people = [person("Députée", "deputy"), person("Sénateur", "senator"), mayor]
    assert names(rank(people, occasion(OUTSIDE_PARIS))) == ["Maire", "Députée", "Sénateur"]
    with_prefect = [*people, person("Préfète", "prefect")]
    ranking = rank(with_prefect, occasion(OUTSIDE_PARIS))
    assert names(ranking) == ["Préfète", "Maire", "Députée", "Sénateur"]


def test_art_9_never_lowers_an_inviting_authority_who_outranks_the_prefect():
    people = [
        person("Président du Sénat", "president_of_the_senate", inviting=True),
        person("Préfet", "prefect_of_paris"),
        person("Ministre", "minister"),
    ]
    assert names(rank(people, occasion())) == ["Président du Sénat", "Ministre", "Préfet"]


def test_an_office_taken_after_the_occasion_is_not_yet_held():
    elected = person("Élue en juillet", Holding("deputy", took_office_on=date(2026, 7, 1)))
    assert missing(rank([elected], occasion())) == {
        "Élue en juillet": "Deputies is not yet held on 2026-06-01 (takes office on 2026-07-01): "
        "set “place after rank”"
    }


def test_q_16_2448_a_substitute_has_no_rank_under_italys_rule_either():
    substitute = person("Suppléant", capacity=Capacity.SUBSTITUTE, represents_office="deputy")
    italian = replace(PARIS, representative_takes_rank=True)
    assert missing(rank([substitute, person("Sénatrice", "senator")], occasion(italian))) == {
        "Suppléant": "a parliamentary substitute has no rank (Q 16-2448): set “place after rank”"
    }


def test_art_18_place_after_is_ignored_for_a_listed_office_and_the_basis_says_so():
    deputy = person("Député", "deputy", place_after=30, place_after_reason="ignored")
    ranking = rank([deputy, person("Sénatrice", "senator")], occasion())
    assert names(ranking) == ["Député", "Sénatrice"]
    assert placed(ranking, "Député").basis.text == (
        "D art. 2, rank 12: Deputies (art. 18's place-after applies only to those the list does "
        "not name; ignored)"
    )
    inviting = person("Maire", "foreign_mayor", inviting=True, place_after=0)
    ranking = rank([inviting, person("Préfet", "prefect_of_paris")], occasion())
    assert names(ranking) == ["Préfet", "Maire"]
    assert placed(ranking, "Maire").basis.text.endswith(
        "(art. 9 places the head of the inviting body; their place-after is ignored)"
    )


def test_tie_at_one_rank_by_first_election_then_age():
    def councillor(name, elected, born):
        held = Holding("councillor_of_paris", first_elected_on=elected)
        return person(name, held, born_on=born)

    people = [
        councillor("Élue en 2014", date(2014, 3, 30), date(1950, 1, 1)),
        councillor("Cadet", date(2008, 3, 16), date(1962, 7, 14)),
        councillor("Aîné", date(2008, 3, 16), date(1950, 1, 1)),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == ["Aîné", "Cadet", "Élue en 2014"]
    assert ranking.why("Élue en 2014", "Cadet").text == (
        "Tie at rank 38: first elected in 2008, against 2014"
    )
    assert ranking.why("Cadet", "Aîné").text == (
        "Tie at rank 38: the elder first (born 1950, against 1962)"
    )


def test_tie_last_resort_is_the_name_then_the_key():
    ranking = rank([person("b", "deputy"), person("A", "deputy")], occasion())
    assert names(ranking) == ["A", "b"]
    assert ranking.why("b", "A").text == "Tie at rank 12: alphabetical order"


def test_q_12_74133_several_offices_the_highest_counts_and_national_before_local():
    both = person("Députée et conseillère", "councillor_of_paris", "deputy")
    assert placed(rank([both], occasion()), "Députée et conseillère").rank_label == "12: Deputies"
    local = Office("local", "Local", "Local", national=False)
    national = Office("national", "National", "National")
    shared = replace(PARIS, ranks=(ListedRank(1, local, "D"), ListedRank(1, national, "D")))
    ranking = rank([person("Les deux", "local", "national")], occasion(shared))
    assert ranking.placed[0].rank_label == "1: National"


def test_former_holder_ranks_right_after_the_serving_holders():
    people = [
        person("Présidente de région", "president_of_the_regional_council"),
        person("Ancien maire", Holding("mayor_of_paris", left_office_on=date(2020, 7, 3))),
        person("Maire", "mayor_of_paris"),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == ["Maire", "Ancien maire", "Présidente de région"]
    assert ranking.why("Ancien maire", "Maire").text == (
        "Tie at rank 22: serving holders come before former holders (practice)"
    )


def test_d_art_2_former_presidents_have_their_own_rank_by_the_date_they_took_office():
    def former(name, took):
        return person(
            name,
            Holding(
                "president_of_the_republic", took_office_on=took, left_office_on=date(2017, 5, 14)
            ),
        )

    people = [former("Élu en 2012", date(2012, 5, 15)), former("Élu en 2007", date(2007, 5, 16))]
    ranking = rank([*people, person("Ministre", "minister")], occasion())
    assert names(ranking) == ["Élu en 2007", "Élu en 2012", "Ministre"]
    assert placed(ranking, "Élu en 2007").rank_label == "5: Former Presidents of the Republic"


def test_unplaced_attendee_says_what_is_missing():
    people = [person("Sans fonction"), person("Chef d'État", "foreign_head_of_state")]
    assert missing(rank(people, occasion())) == {
        "Sans fonction": "not on the list: set “place after rank”",
        "Chef d'État": "Foreign head of state is not on the list: set “place after rank”",
    }


def test_explanations_read_in_french_with_french_typography():
    people = [person("Maire", "mayor_of_paris"), person("PR", "president_of_the_republic")]
    with translation.override("fr"):
        ranking = rank(people, occasion())
        assert ranking.why("Maire", "PR").text == (
            "D art. 2\u00a0: rang 1 (Président de la République) avant rang 22 (Maire de Paris)"
        )
        assert placed(ranking, "Maire").rank_label == "22\u00a0: Maire de Paris"


def test_decree_seeds_every_listed_office_and_keeps_the_notes_numbering():
    paris = {row.office.code: row.position for row in PARIS.ranks}
    outside = {row.office.code: row.position for row in OUTSIDE_PARIS.ranks}
    assert (paris["prefect_of_paris"], paris["prefect_of_police"], paris["mayor_of_paris"]) == (
        20,
        21,
        22,
    )
    assert outside["mayor"] - outside["prefect"] == 6  # the mayor is art. 3's 7th
    assert all(OFFICE_BY_CODE[row.office.code] == row.office for row in PARIS.ranks)
    assert len(OFFICE_BY_CODE) == len(OFFICES)
