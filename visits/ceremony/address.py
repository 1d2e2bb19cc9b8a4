"""Forms of address (PROTOCOL_RULES.md § 5): the appel, traitement, suscription, place-card line
and closing formula of one person in French or English, generated from the editable table
(seeded by visits.ceremony.address_table) unless the guest's own fields say otherwise."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from visits.ceremony.address_table import DEFAULT_FORMS
from visits.ceremony.people import AddressForm, AddressStyle

FIELDS = ("appel", "traitement", "suscription", "place_card", "closing")
# The guest's own field that replaces a generated one, when filled.
OWN_FIELDS = {"appel": "salutation", "suscription": "envelope", "closing": "closing"}


@dataclass(frozen=True)
class Addressee:
    """Who is addressed. `office_*` is the bare office ("Ambassadeur", "Ministre de la Culture"),
    `country_*` the state, or for a local office its city or area ("Suède", "Lyon", "police"):
    the table adds the preposition ("Ambassadeur de Suède", "Préfète de police")."""

    name: str
    gender: str = "n"  # "f", "m" or "n"
    style: AddressStyle = AddressStyle.DEFAULT
    office_fr: str = ""
    office_en: str = ""
    country_fr: str = ""
    country_en: str = ""
    salutation_fr: str = ""  # the guest's own fields: when filled they override the appel,
    salutation_en: str = ""
    envelope_fr: str = ""  # the suscription,
    envelope_en: str = ""
    closing_fr: str = ""  # and the closing
    closing_en: str = ""


@dataclass(frozen=True)
class Forms:
    appel: str
    traitement: str
    suscription: str
    place_card: str
    closing: str
    generated: tuple[str, ...]  # the fields made from the table, not from the guest's own


def forms_of_address(person: Addressee, table: Sequence[AddressForm], language: str) -> Forms:
    language = table_language(language)
    row = find_form(table, person.style, language, person.gender)
    values = _values(person, language)
    texts = {"traitement": render(row.traitement, values)}
    own = {
        field: getattr(person, f"{OWN_FIELDS[field]}_{language}").strip() for field in OWN_FIELDS
    }
    texts["appel"] = own["appel"] or render(row.appel, values)
    # A closing repeats the appel as the letter opened with it, without its comma.
    values |= {"appel": texts["appel"].rstrip(" ,;:"), "traitement": texts["traitement"]}
    texts["suscription"] = own["suscription"] or render(row.suscription, values)
    texts["place_card"] = render(row.place_card, values)
    texts["closing"] = own["closing"] or render(row.closing, values)
    generated = tuple(field for field in FIELDS if not own.get(field))
    return Forms(**{field: texts[field] for field in FIELDS}, generated=generated)


def plural_greeting(
    people: Sequence[Addressee], table: Sequence[AddressForm], language: str
) -> str:
    """How a speech greets people of one style together: one person by their appel, several by
    the plural of the row of their common gender ("Mesdames les Ambassadrices"), of the "n" row
    when they are of both ("Mesdames et Messieurs les Ambassadeurs")."""
    if not people:
        return ""
    if len(people) == 1:
        return forms_of_address(people[0], table, language).appel.rstrip(" ,;:")
    genders = {_gender(person.gender) for person in people}
    gender = genders.pop() if len(genders) == 1 else "n"
    row = find_form(table, people[0].style, table_language(language), gender)
    if row.plural:
        return render(row.plural, {})
    return ", ".join(plural_greeting([person], table, language) for person in people)


def find_form(
    table: Sequence[AddressForm], style: AddressStyle, language: str, gender: str
) -> AddressForm:
    """The row for the style, language and gender, else the style's "n" row, else DEFAULT's;
    from the seed when the office's table holds none of them."""
    rows = {(row.style, row.language, row.gender): row for row in table}
    gender = _gender(gender)
    for candidate in (
        (style, language, gender),
        (style, language, "n"),
        (AddressStyle.DEFAULT, language, gender),
        (AddressStyle.DEFAULT, language, "n"),
    ):
        if candidate in rows:
            return rows[candidate]
    if table is DEFAULT_FORMS:
        raise LookupError(f"no form of address for {style} in {language!r}")
    return find_form(DEFAULT_FORMS, style, language, gender)


def table_language(language: str) -> str:
    """The table is French and English: any other speech language reads the English rows."""
    return "fr" if language.lower().startswith("fr") else "en"


def style_for(category: str, office_code: str = "", country: str = "") -> AddressStyle:
    """The style of a guest: their office's when it names one, else their category's."""
    if office_code in OFFICE_STYLES:
        return OFFICE_STYLES[office_code]
    if category == "head_of_state" and country.upper() == "FR":
        return AddressStyle.PRESIDENT_OF_FRANCE
    return CATEGORY_STYLES.get(category, AddressStyle.DEFAULT)


S = AddressStyle
OFFICE_STYLES = {
    "president_of_the_republic": S.PRESIDENT_OF_FRANCE,
    "prime_minister": S.PRIME_MINISTER,
    "minister": S.MINISTER,
    "prefect": S.PREFECT,
    "prefect_of_paris": S.PREFECT,
    "prefect_of_police": S.PREFECT,
    "deputy": S.DEPUTY,
    "senator": S.SENATOR,
    "mayor": S.MAYOR,
    "mayor_of_paris": S.MAYOR,
    "foreign_mayor": S.MAYOR,
    "foreign_ambassador": S.AMBASSADOR,
    "nuncio": S.BISHOP,
    "monarch": S.MONARCH,
    "sovereign_prince": S.SERENE_HIGHNESS,
    "pope": S.POPE,
    "cardinal": S.CARDINAL,
    "bishop": S.BISHOP,
}
# A "royal" guest is taken for a sovereign: a prince or princess needs the office
# (or a style chosen by hand) to be a Royal Highness.
CATEGORY_STYLES = {
    "head_of_state": S.HEAD_OF_STATE,
    "head_of_government": S.PRIME_MINISTER,
    "royal": S.MONARCH,
    "minister": S.MINISTER,
    "ambassador": S.AMBASSADOR,
    "mayor": S.MAYOR,
    "parliamentarian": S.DEPUTY,
}


PLACEHOLDER = re.compile(r"\{(\w+)\}")


def render(template: str, values: dict[str, str]) -> str:
    """Fills the placeholders; a clause whose {office} is empty is left out, and a country the
    office already names is not repeated ("Ambassadeur de Suède" + "Suède")."""
    clauses = []
    for clause in template.split(", "):
        local = values
        if "{office}" in clause:
            office = values.get("office", "")
            if not office:
                continue
            if values.get("country") and values["country"].casefold() in office.casefold():
                local = values | {"country": "", "de_country": ""}
        clauses.append(_fill(clause, local))
    text = re.sub(r" {2,}", " ", ", ".join(clauses))
    return re.sub(r" ([,.])", r"\1", text).strip()


def _fill(text: str, values: dict[str, str]) -> str:
    # An unknown placeholder stays as written: the office sees its typo in the preview.
    return PLACEHOLDER.sub(lambda found: values.get(found[1], found[0]), text)


def _values(person: Addressee, language: str) -> dict[str, str]:
    office = getattr(person, f"office_{language}").strip()
    country = getattr(person, f"country_{language}").strip()
    of_country = of_country_fr if language == "fr" else of_country_en
    return {
        "name": person.name.strip(),
        "office": office,
        "country": country,
        "de_country": of_country(country),
    }


def _gender(gender: str) -> str:
    return gender if gender in ("f", "m") else "n"


# French names that take "du" ("Ambassadeur du Japon"); the others take "de", or "d’" before a
# vowel. The list follows django-countries' French names.
# fmt: off
MASCULINE_FR = frozenset({
    "Bangladesh", "Belize", "Bélize", "Bénin", "Bhoutan", "Botswana", "Brésil", "Brunei",
    "Burundi", "Cambodge", "Cameroun", "Canada", "Cap-Vert", "Chili", "Congo", "Danemark",
    "Gabon", "Ghana", "Groenland", "Guatemala", "Guatémala", "Honduras", "Japon", "Kazakhstan",
    "Kenya", "Kirghizistan", "Kosovo", "Koweït", "Laos", "Lesotho", "Liban", "Liberia", "Libéria",
    "Liechtenstein", "Luxembourg", "Malawi", "Mali", "Maroc", "Mexique", "Monténégro",
    "Mozambique", "Myanmar", "Népal", "Nicaragua", "Niger", "Nigeria", "Pakistan", "Panama",
    "Paraguay", "Pérou", "Portugal", "Qatar", "Royaume-Uni", "Rwanda", "Saint-Siège", "Salvador",
    "Sénégal", "Soudan", "Suriname", "Tadjikistan", "Tchad", "Togo", "Turkménistan", "Vanuatu",
    "Vatican", "Venezuela", "Vietnam", "Yémen", "Zimbabwe", "Burkina Faso", "Costa Rica",
    "Soudan du Sud", "Sri Lanka", "Timor Oriental", "Viêt Nam",
})
# fmt: on
PLURAL_FR = ("États-", "Émirats", "Pays-Bas", "Philippines", "Îles", "Comores", "Maldives")
PLURAL_FR += ("Seychelles", "Bahamas", "Fidji", "Bermudes", "Salomon")
H_MUET_FR = ("Haïti", "Helsinki")  # most names' h is aspirated: "de Hongrie", "de Hambourg"


def of_country_fr(name: str) -> str:
    """ "Suède" -> "de Suède", "Italie" -> "d’Italie", "Japon" -> "du Japon", "États-Unis" ->
    "des États-Unis"; a name given with its article contracts it ("le Havre" -> "du Havre")."""
    name = name.strip()
    lowered = name.casefold()
    for article, contracted in (("les ", "des "), ("le ", "du "), ("la ", "de la ")):
        if lowered.startswith(article):
            return contracted + name[len(article) :]
    if lowered.startswith(("l’", "l'")):
        return "de l’" + name[2:]
    if not name:
        return ""
    if name.startswith(PLURAL_FR):
        return "des " + name
    if name.startswith("République"):
        return "de la " + name
    if name in MASCULINE_FR:
        return "du " + name
    first = unicodedata.normalize("NFD", name[0])[0].lower()
    if first in "aeiou" or name.startswith(H_MUET_FR):
        return "d’" + name
    return "de " + name


EN_WITH_THE = ("United ", "Republic ", "Netherlands", "Philippines", "Bahamas", "Maldives")
EN_WITH_THE += ("Seychelles", "Comoros", "Gambia", "Holy See", "Czech Republic", "Central African")


def of_country_en(name: str) -> str:
    """ "Sweden" -> "of Sweden", "United States" -> "of the United States"."""
    name = name.strip()
    if not name:
        return ""
    if name.startswith(("the ", "The ")):
        return "of " + name
    if name.startswith(EN_WITH_THE) or name.endswith(("Islands", " Republic", "Emirates")):
        return "of the " + name
    return "of " + name
