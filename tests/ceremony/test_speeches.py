"""Speaking order and opening lines (visits.ceremony.speeches, D art. 19)."""

from visits.ceremony.address import Addressee
from visits.ceremony.address_table import DEFAULT_FORMS
from visits.ceremony.people import AddressStyle, Attendee, Placed, Reason
from visits.ceremony.speeches import opening_line, speaking_order

S = AddressStyle


def placed(order: int, key: str, **attendee) -> Placed:
    return Placed(
        attendee=Attendee(key=key, name=key, **attendee),
        order=order,
        rank_label="",
        basis=Reason("", ""),
    )


# A reception at the Hôtel de Ville given by the Mayor of Paris, a minister present.
RECEPTION = [
    placed(1, "minister", gender="f", speaks=True),
    placed(2, "prefect", gender="m"),
    placed(3, "mayor", gender="f", host=True, inviting=True, speaks=True),
    placed(4, "ambassador_se", gender="m", country="SE", language="en", speaks=True),
    placed(5, "ambassador_it", gender="f", country="IT"),
    placed(6, "councillor", gender="m", speaks=True),
    placed(7, "ambassador_se_spouse", gender="f", spouse_of="ambassador_se"),
]
ADDRESSEES = {
    "minister": Addressee("Rachida Dati", "f", S.MINISTER),
    "prefect": Addressee("Marc Guillaume", "m", S.PREFECT),
    "mayor": Addressee("Anne Hidalgo", "f", S.MAYOR, country_fr="Paris", country_en="Paris"),
    "ambassador_se": Addressee("Per Svensson", "m", S.AMBASSADOR, country_fr="Suède"),
    "ambassador_it": Addressee("Emanuela D’Alessandro", "f", S.AMBASSADOR, country_fr="Italie"),
    "councillor": Addressee("Jean Dupont", "m"),
    "ambassador_se_spouse": Addressee("Eva Svensson", "f"),
}


def test_art_19_speaking_order_of_a_reception_with_a_minister_present():
    speakers = speaking_order(RECEPTION, ADDRESSEES, DEFAULT_FORMS, state_representative="minister")
    assert [(s.position, s.attendee.key) for s in speakers] == [
        (1, "mayor"),  # the host opens
        (2, "councillor"),  # then reverse precedence
        (3, "ambassador_se"),
        (4, "minister"),  # the highest-ranked, the State's representative, closes
    ]
    # Spouses are not greeted; the two ambassadors are, together, at the place of the first.
    assert speakers[0].opening_line == (
        "Madame la Ministre, Monsieur le Préfet, Mesdames et Messieurs les Ambassadeurs, "
        "Mesdames et Messieurs,"
    )
    assert speakers[3].opening_line == (
        "Monsieur le Préfet, Madame la Maire, Mesdames et Messieurs les Ambassadeurs, "
        "Mesdames et Messieurs,"
    )


def test_each_speaker_opens_in_their_own_language():
    speakers = speaking_order(RECEPTION, ADDRESSEES, DEFAULT_FORMS, state_representative="minister")
    swede = next(s for s in speakers if s.attendee.key == "ambassador_se")
    # Alone of her style once he speaks, the Italian ambassador is greeted singly.
    assert (
        swede.opening_line
        == "Minister, Prefect, Madam Mayor, Your Excellency, Ladies and Gentlemen,"
    )


def test_without_a_state_representative_key_the_highest_ranked_speaker_closes():
    speakers = speaking_order(RECEPTION, ADDRESSEES, DEFAULT_FORMS)
    assert [s.attendee.key for s in speakers] == [
        "mayor",
        "councillor",
        "ambassador_se",
        "minister",
    ]


def test_nobody_speaks_after_the_states_representative_even_when_outranked():
    people = [
        placed(1, "head_of_state", speaks=True),
        placed(2, "prefect", speaks=True),
        placed(3, "mayor", host=True, speaks=True),
    ]
    speakers = speaking_order(people, {}, DEFAULT_FORMS, state_representative="prefect")
    assert [s.attendee.key for s in speakers] == ["mayor", "head_of_state", "prefect"]


def test_a_host_who_is_the_states_representative_closes():
    people = [
        placed(1, "prefect", host=True, inviting=True, speaks=True),
        placed(2, "mayor", speaks=True),
    ]
    speakers = speaking_order(people, {}, DEFAULT_FORMS, state_representative="prefect")
    assert [s.attendee.key for s in speakers] == ["mayor", "prefect"]


def test_nobody_who_does_not_speak_is_in_the_order():
    assert speaking_order([placed(1, "silent")], {}, DEFAULT_FORMS) == ()


def test_heads_of_state_and_ambassadors_are_your_excellencies_once():
    people = [placed(1, "president"), placed(2, "ambassador"), placed(3, "speaker")]
    addressees = {
        "president": Addressee("P", "m", S.HEAD_OF_STATE),
        "ambassador": Addressee("A", "f", S.AMBASSADOR),
    }
    assert opening_line(people, "speaker", addressees, DEFAULT_FORMS, "en") == (
        "Mr President, Your Excellency, Ladies and Gentlemen,"
    )
    people.append(placed(4, "ambassador_2"))
    addressees["ambassador_2"] = Addressee("B", "m", S.AMBASSADOR)
    people.append(placed(5, "president_2"))
    addressees["president_2"] = Addressee("Q", "f", S.HEAD_OF_STATE)
    assert opening_line(people, "speaker", addressees, DEFAULT_FORMS, "en") == (
        "Your Excellencies, Ladies and Gentlemen,"
    )


def test_an_opening_line_with_nobody_titled_is_the_general_greeting():
    people = [placed(1, "a"), placed(2, "b")]
    assert (
        opening_line(people, "a", {"b": Addressee("B", "m")}, DEFAULT_FORMS, "fr")
        == "Mesdames et Messieurs,"
    )
