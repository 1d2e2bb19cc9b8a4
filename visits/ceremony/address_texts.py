"""The closing formulas and the row builders the forms-of-address seed is written with
(visits/ceremony/address_table.py holds what they mean)."""

from __future__ import annotations

from visits.ceremony.people import AddressForm, AddressStyle

S = AddressStyle

# Closings scale with rank: très haute considération for heads of state and government and for
# ambassadors, haute for local and parliamentary offices, distinguée for anyone else; sovereigns
# and clergy receive respect (hommage) instead.
FR_VERY_HIGH = "Je vous prie d’agréer, {appel}, l’assurance de ma très haute considération."
FR_HIGH = "Je vous prie d’agréer, {appel}, l’assurance de ma haute considération."
FR_DISTINGUISHED = "Je vous prie d’agréer, {appel}, l’assurance de ma considération distinguée."
FR_HOMAGE = "Je prie {traitement} d’agréer l’hommage de mon profond respect."
FR_RESPECT = "Je vous prie d’agréer, {appel}, l’assurance de mon profond respect."
EN_HIGHEST = "Please accept, {appel}, the assurance of my highest consideration."
EN_RESPECT = "Please accept, {traitement}, the assurance of my deepest respect."
EN_SINCERELY = "Yours sincerely,"
EN_FAITHFULLY = "Yours faithfully,"

# One row's texts, in AddressForm's order: appel, traitement, suscription, place card, closing,
# plural.
Texts = tuple[str, str, str, str, str, str]


def rows(style: AddressStyle, language: str, m: Texts, f: Texts, n: Texts):
    return tuple(
        AddressForm(style, language, gender, *texts)
        for gender, texts in (("m", m), ("f", f), ("n", n))
    )


def same_texts(texts: Texts, plural: str) -> Texts:
    """The masculine row's singular with another plural: the "n" row of an office."""
    return texts[:5] + (plural,)


def office_fr(style, titles, suscriptions, cards, closing, plurals):
    """Offices whose French titles agree with the holder ("Monsieur le Maire", "Madame la
    Maire"): each argument is a (masculine, feminine) pair; `plurals` are the nouns in the
    plural ("Députés", "Députées"), the mixed greeting takes the masculine one."""
    plural_m, plural_f = plurals
    m = (titles[0], titles[0], suscriptions[0], cards[0], closing, f"Messieurs les {plural_m}")
    f = (titles[1], titles[1], suscriptions[1], cards[1], closing, f"Mesdames les {plural_f}")
    return rows(style, "fr", m, f, same_texts(m, f"Mesdames et Messieurs les {plural_m}"))


def english_rows(style, m: Texts, f: Texts, n: Texts):
    return rows(style, "en", m, f, n)
