"""Golden cases of spouses in the ranking: no rank in the décret; by practice just after their
principal (PROTOCOL_RULES.md § 1.6), unless a rank of their own is higher."""

from dataclasses import replace

from django.utils import translation

from tests.ceremony.ranking_cases import (  # noqa: F401 (english: an autouse fixture)
    english,
    missing,
    names,
    occasion,
    person,
    placed,
)
from visits.ceremony.decree import PARIS
from visits.ceremony.ranking import rank


def test_spouse_follows_the_principal():
    people = [
        person("Président du Sénat", "president_of_the_senate"),
        person("Conjoint", spouse_of="Première ministre"),
        person("Première ministre", "prime_minister"),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == ["Première ministre", "Conjoint", "Président du Sénat"]
    assert placed(ranking, "Conjoint").rank_label == "spouse of Première ministre"
    assert ranking.why("Conjoint", "Première ministre").text == (
        "Conjoint is the spouse of Première ministre and follows them (practice)"
    )
    assert ranking.why("Président du Sénat", "Conjoint").text == (
        "D art. 2: rank 2 (Prime Minister) before rank 3 (President of the Senate) "
        "(Conjoint follows Première ministre)"
    )


def test_spouse_agrees_in_french_with_her_gender():
    people = [
        person("Conjointe", spouse_of="Premier ministre", gender="f"),
        person("Premier ministre", "prime_minister", gender="m"),
    ]
    with translation.override("fr"):
        ranking = rank(people, occasion())
        assert placed(ranking, "Conjointe").rank_label == "suit Premier ministre (conjointe)"
        assert "en qualité de conjointe" in ranking.why("Conjointe", "Premier ministre").text


def test_spouses_who_do_not_follow_have_no_rank_and_follow_no_unplaced_principal():
    people = [person("Conjoint", spouse_of="Inconnue"), person("Inconnue")]
    assert missing(rank(people, occasion())) == {
        "Conjoint": "spouse of Inconnue, whom the rules cannot place",
        "Inconnue": "not on the list: set “place after rank”",
    }
    apart = replace(PARIS, spouses_follow=False)
    spouse = [person("Conjoint", spouse_of="PR"), person("PR", "president_of_the_republic")]
    assert missing(rank(spouse, occasion(apart))) == {
        "Conjoint": "a spouse has no rank of their own: set “place after rank”"
    }


def test_spouse_with_a_higher_rank_of_their_own_keeps_it():
    people = [
        person("Ministre", "minister", spouse_of="Maire"),
        person("Maire", "mayor_of_paris"),
        person("Député", "deputy"),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == ["Ministre", "Député", "Maire"]
    assert placed(ranking, "Ministre").rank_label == "6: Members of the Government"
    assert placed(ranking, "Ministre").basis.text == "D art. 2, rank 6: Members of the Government"


def test_spouse_with_a_lower_rank_of_their_own_follows_the_principal_and_says_so():
    people = [
        person("Député", "deputy", spouse_of="Première ministre"),
        person("Première ministre", "prime_minister"),
        person("Président du Sénat", "president_of_the_senate"),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == ["Première ministre", "Député", "Président du Sénat"]
    assert placed(ranking, "Député").rank_label == "spouse of Première ministre"
    assert placed(ranking, "Député").basis.text == (
        "Spouse of Première ministre: follows them (practice), above their own rank (12: Deputies)"
    )


def test_art_18_places_a_spouse_whose_principal_the_rules_cannot_place():
    reason = "Épouse de l'invité d'honneur"
    people = [
        person("Conjointe", spouse_of="Inconnu", place_after=22, place_after_reason=reason),
        person("Inconnu"),
        person("Maire", "mayor_of_paris"),
        person("Députée", "deputy", spouse_of="Inconnu"),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == ["Députée", "Maire", "Conjointe"]
    assert placed(ranking, "Conjointe").basis.text == (
        f"D art. 18: placed after rank 22 by the inviting authority: {reason}"
    )
    assert missing(ranking) == {"Inconnu": "not on the list: set “place after rank”"}


def test_spouses_who_name_each_other_the_higher_placed_is_the_principal():
    people = [
        person("Maire", "mayor_of_paris", spouse_of="Ministre"),
        person("Ministre", "minister", spouse_of="Maire"),
        person("Député", "deputy"),
    ]
    ranking = rank(people, occasion())
    assert names(ranking) == ["Ministre", "Maire", "Député"]
    assert placed(ranking, "Ministre").rank_label == "6: Members of the Government"
    assert placed(ranking, "Maire").rank_label == "spouse of Ministre"


def test_spouses_who_name_each_other_with_no_rank_are_unplaced_until_one_is_placed():
    couple = [person("Anne", spouse_of="Bruno"), person("Bruno", spouse_of="Anne")]
    assert missing(rank(couple, occasion())) == {
        "Anne": "neither this attendee nor their spouse Bruno has a rank: set “place after "
        "rank” for one of them; the other will follow",
        "Bruno": "neither this attendee nor their spouse Anne has a rank: set “place after "
        "rank” for one of them; the other will follow",
    }
    placed_by_the_office = replace(couple[1], place_after=30, place_after_reason="Mécène")
    ranking = rank([couple[0], placed_by_the_office], occasion())
    assert names(ranking) == ["Bruno", "Anne"]
    assert placed(ranking, "Anne").rank_label == "spouse of Bruno"
