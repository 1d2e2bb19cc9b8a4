"""Forms of address (visits.ceremony.address, PROTOCOL_RULES.md § 5): generated from the table,
agreeing with the holder, overridden by the guest's own fields."""

import itertools

import pytest

from visits.ceremony.address import (
    Addressee,
    forms_of_address,
    of_country_en,
    of_country_fr,
    plural_greeting,
    style_for,
)
from visits.ceremony.address_table import DEFAULT_FORMS
from visits.ceremony.people import AddressForm, AddressStyle

S = AddressStyle
GRID = list(itertools.product(AddressStyle, ("fr", "en"), ("m", "f", "n")))


def test_the_seed_has_one_row_for_every_style_language_and_gender():
    keys = [(row.style, row.language, row.gender) for row in DEFAULT_FORMS]
    assert sorted(keys) == sorted(GRID)


@pytest.mark.parametrize(("style", "language", "gender"), GRID)
def test_every_style_generates_every_form_with_no_placeholder_left(style, language, gender):
    person = Addressee(
        "Alex Martin",
        gender,
        style,
        office_fr="Directeur",
        office_en="Director",
        country_fr="Suède",
    )
    forms = forms_of_address(person, DEFAULT_FORMS, language)
    texts = [forms.appel, forms.traitement, forms.suscription, forms.place_card, forms.closing]
    assert all(texts)
    assert not any("{" in text or "}" in text or "  " in text for text in texts)
    assert forms.generated == ("appel", "traitement", "suscription", "place_card", "closing")


@pytest.mark.parametrize(("style", "language", "gender"), GRID)
def test_french_rows_use_the_typographic_apostrophe(style, language, gender):
    (row,) = [r for r in DEFAULT_FORMS if (r.style, r.language, r.gender) == (style, "fr", gender)]
    assert "'" not in "".join([row.appel, row.suscription, row.place_card, row.closing])


def test_the_president_of_the_republic_has_no_excellency():
    forms = forms_of_address(
        Addressee("Emmanuel Macron", "m", S.PRESIDENT_OF_FRANCE), DEFAULT_FORMS, "fr"
    )
    assert forms.appel == "Monsieur le Président de la République"
    assert forms.place_card == "Le Président de la République"
    assert forms.closing == (
        "Je vous prie d’agréer, Monsieur le Président de la République, "
        "l’assurance de ma très haute considération."
    )


def test_feminine_titles_follow_the_holder_madame_la_maire():
    mayor = Addressee("Anne Hidalgo", "f", S.MAYOR, country_fr="Paris", country_en="Paris")
    forms = forms_of_address(mayor, DEFAULT_FORMS, "fr")
    assert forms.appel == "Madame la Maire"
    assert forms.suscription == "Madame Anne Hidalgo, Maire de Paris"
    assert forms.place_card == "Madame la Maire de Paris"
    assert (
        forms.closing
        == "Je vous prie d’agréer, Madame la Maire, l’assurance de ma haute considération."
    )
    assert forms_of_address(mayor, DEFAULT_FORMS, "en").appel == "Madam Mayor"


def test_feminine_titles_follow_the_holder_madame_la_prefete():
    prefect = Addressee("Claire Durand", "f", S.PREFECT, country_fr="police", country_en="Police")
    forms = forms_of_address(prefect, DEFAULT_FORMS, "fr")
    assert (forms.appel, forms.suscription) == (
        "Madame la Préfète",
        "Madame Claire Durand, Préfète de police",
    )
    assert forms_of_address(prefect, DEFAULT_FORMS, "en").place_card == "The Prefect of Police"


@pytest.mark.parametrize(
    ("style", "masculine", "feminine"),
    [
        (S.AMBASSADOR, "Monsieur l’Ambassadeur", "Madame l’Ambassadrice"),
        (S.DEPUTY, "Monsieur le Député", "Madame la Députée"),
        (S.SENATOR, "Monsieur le Sénateur", "Madame la Sénatrice"),
        (S.MINISTER, "Monsieur le Ministre", "Madame la Ministre"),
        (S.PRIME_MINISTER, "Monsieur le Premier ministre", "Madame la Première ministre"),
        (S.MONARCH, "Sire", "Madame"),
    ],
)
def test_french_appel_agrees_with_the_holder(style, masculine, feminine):
    appel = {g: forms_of_address(Addressee("X", g, style), DEFAULT_FORMS, "fr").appel for g in "mf"}
    assert appel == {"m": masculine, "f": feminine}


def test_an_ambassador_is_an_excellency_of_their_country_with_elision():
    ambassador = Addressee(
        "Emanuela D’Alessandro", "f", S.AMBASSADOR, country_fr="Italie", country_en="Italy"
    )
    fr, en = (forms_of_address(ambassador, DEFAULT_FORMS, language) for language in ("fr", "en"))
    assert fr.traitement == "Votre Excellence"
    assert fr.suscription == "Son Excellence Madame Emanuela D’Alessandro, Ambassadrice d’Italie"
    assert fr.place_card == "Madame l’Ambassadrice d’Italie"
    assert en.suscription == "Her Excellency Emanuela D’Alessandro, Ambassador of Italy"
    assert (
        en.closing == "Please accept, Your Excellency, the assurance of my highest consideration."
    )


def test_a_country_the_office_already_names_is_not_repeated():
    ambassador = Addressee(
        "Per Svensson", "m", S.AMBASSADOR, office_fr="Ambassadeur", country_fr="Suède"
    )
    minister = Addressee(
        "Maria Berg",
        "f",
        S.MINISTER,
        office_fr="Ministre des Affaires étrangères de Suède",
        country_fr="Suède",
    )
    assert forms_of_address(ambassador, DEFAULT_FORMS, "fr").suscription == (
        "Son Excellence Monsieur Per Svensson, Ambassadeur de Suède"
    )
    assert forms_of_address(minister, DEFAULT_FORMS, "fr").suscription == (
        "Madame Maria Berg, Ministre des Affaires étrangères de Suède"
    )


def test_a_clause_whose_office_is_empty_is_left_out():
    forms = forms_of_address(Addressee("Jean Dupont", "m"), DEFAULT_FORMS, "fr")
    assert forms.suscription == "Monsieur Jean Dupont"
    assert forms.place_card == "Jean Dupont"


def test_sovereigns_and_the_pope_are_answered_through_the_traitement():
    king = Addressee("Carl XVI Gustaf", "m", S.MONARCH, country_fr="Suède", country_en="Sweden")
    fr = forms_of_address(king, DEFAULT_FORMS, "fr")
    assert (fr.appel, fr.traitement) == ("Sire", "Votre Majesté")
    assert fr.suscription == "Sa Majesté Carl XVI Gustaf, Roi de Suède"
    assert fr.closing == "Je prie Votre Majesté d’agréer l’hommage de mon profond respect."
    assert (
        forms_of_address(king, DEFAULT_FORMS, "en").suscription
        == "His Majesty Carl XVI Gustaf, King of Sweden"
    )
    pope = forms_of_address(Addressee("Léon XIV", "m", S.POPE), DEFAULT_FORMS, "fr")
    assert (pope.appel, pope.traitement, pope.suscription) == (
        "Très Saint-Père",
        "Votre Sainteté",
        "Sa Sainteté le Pape Léon XIV",
    )


def test_closings_scale_with_rank():
    def closing(style):
        return forms_of_address(Addressee("X", "m", style), DEFAULT_FORMS, "fr").closing

    assert closing(S.HEAD_OF_STATE).endswith("de ma très haute considération.")
    assert closing(S.AMBASSADOR).endswith("de ma très haute considération.")
    assert closing(S.MAYOR).endswith("de ma haute considération.")
    assert (
        closing(S.DEFAULT)
        == "Je vous prie d’agréer, Monsieur, l’assurance de ma considération distinguée."
    )


def test_the_guests_own_salutation_envelope_and_closing_override_the_generated_ones():
    mayor = Addressee(
        "Anne Hidalgo",
        "f",
        S.MAYOR,
        country_fr="Paris",
        salutation_fr="Chère Anne,",
        envelope_fr="Madame Anne Hidalgo, Hôtel de Ville",
        closing_en="Warm regards,",
    )
    fr = forms_of_address(mayor, DEFAULT_FORMS, "fr")
    assert fr.appel == "Chère Anne,"
    assert fr.suscription == "Madame Anne Hidalgo, Hôtel de Ville"
    # The generated closing repeats the appel the letter opened with, without its comma.
    assert fr.closing == "Je vous prie d’agréer, Chère Anne, l’assurance de ma haute considération."
    assert fr.generated == ("traitement", "place_card", "closing")
    en = forms_of_address(mayor, DEFAULT_FORMS, "en")
    assert (en.appel, en.closing) == ("Madam Mayor", "Warm regards,")
    assert en.generated == ("appel", "traitement", "suscription", "place_card")


def test_the_office_edits_win_over_the_seed():
    mine = AddressForm(S.MAYOR, "fr", "f", "Madame la Maire de Paris", "", "", "", "", "")
    edited = [
        mine if (r.style, r.language, r.gender) == (S.MAYOR, "fr", "f") else r
        for r in DEFAULT_FORMS
    ]
    forms = forms_of_address(Addressee("Anne Hidalgo", "f", S.MAYOR), edited, "fr")
    assert forms.appel == "Madame la Maire de Paris"


def test_lookup_falls_back_to_the_n_row_then_to_default_then_to_the_seed():
    only_n = [
        AddressForm(
            S.CARDINAL, "fr", "n", "Éminence", "Votre Éminence", "{name}", "{name}", "{appel}.", ""
        )
    ]
    assert forms_of_address(Addressee("X", "m", S.CARDINAL), only_n, "fr").appel == "Éminence"
    only_default = [r for r in DEFAULT_FORMS if r.style == S.DEFAULT]
    assert forms_of_address(Addressee("X", "f", S.MAYOR), only_default, "fr").appel == "Madame"
    assert forms_of_address(Addressee("X", "f", S.MAYOR), [], "fr").appel == "Madame la Maire"


def test_unknown_gender_and_other_languages_fall_back():
    assert (
        forms_of_address(Addressee("Ville de Rome", "x"), DEFAULT_FORMS, "fr").appel
        == "Madame, Monsieur"
    )
    assert forms_of_address(Addressee("X", "m", S.MAYOR), DEFAULT_FORMS, "de").appel == "Mr Mayor"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Suède", "de Suède"),
        ("Italie", "d’Italie"),
        ("Émirats arabes unis", "des Émirats arabes unis"),
        ("États-Unis d'Amérique", "des États-Unis d'Amérique"),
        ("Pays-Bas", "des Pays-Bas"),
        ("Philippines", "des Philippines"),
        ("Japon", "du Japon"),
        ("Hongrie", "de Hongrie"),
        ("Haïti", "d’Haïti"),
        ("République tchèque", "de la République tchèque"),
        ("le Havre", "du Havre"),
        ("Orléans", "d’Orléans"),
        ("", ""),
    ],
)
def test_of_country_fr_elides_and_contracts(name, expected):
    assert of_country_fr(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sweden", "of Sweden"),
        ("United States of America", "of the United States of America"),
        ("Netherlands", "of the Netherlands"),
        ("", ""),
    ],
)
def test_of_country_en(name, expected):
    assert of_country_en(name) == expected


@pytest.mark.parametrize(
    ("category", "office_code", "country", "style"),
    [
        ("head_of_state", "president_of_the_republic", "FR", S.PRESIDENT_OF_FRANCE),
        ("head_of_state", "", "FR", S.PRESIDENT_OF_FRANCE),
        ("head_of_state", "", "PL", S.HEAD_OF_STATE),
        ("head_of_government", "", "SE", S.PRIME_MINISTER),
        ("other", "prefect_of_police", "", S.PREFECT),
        ("parliamentarian", "senator", "", S.SENATOR),
        ("parliamentarian", "", "", S.DEPUTY),
        ("mayor", "foreign_mayor", "IT", S.MAYOR),
        ("ambassador", "nuncio", "VA", S.BISHOP),
        ("ambassador", "foreign_ambassador", "SE", S.AMBASSADOR),
        ("prominent_figure", "", "", S.DEFAULT),
        ("organisation", "unknown_office", "", S.DEFAULT),
    ],
)
def test_style_for_prefers_the_office_to_the_category(category, office_code, country, style):
    assert style_for(category, office_code, country) == style


def test_plural_greeting_groups_one_style_by_gender():
    def greet(*genders):
        people = [Addressee(f"A{i}", g, S.AMBASSADOR) for i, g in enumerate(genders)]
        return plural_greeting(people, DEFAULT_FORMS, "fr")

    assert greet("f") == "Madame l’Ambassadrice"
    assert greet("f", "f") == "Mesdames les Ambassadrices"
    assert greet("m", "m") == "Messieurs les Ambassadeurs"
    assert greet("m", "f") == "Mesdames et Messieurs les Ambassadeurs"
    assert greet() == ""
