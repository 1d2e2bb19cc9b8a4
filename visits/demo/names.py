"""Fictional people for generated demo visits. Cities and countries are real; people are not."""

import random

from django.utils import translation
from django_countries import countries

from visits.models.choices import GrammaticalGender, GuestCategory, GuestKind

GIVEN_NAMES = {
    "f": [
        "Amina",
        "Sofia",
        "Hanna",
        "Mei",
        "Lucía",
        "Ingrid",
        "Aiko",
        "Zanele",
        "Clara",
        "Leila",
        "Marta",
        "Anaïs",
        "Yasmin",
        "Olga",
        "Ngozi",
        "Eva",
        "Sara",
        "Keiko",
        "Paula",
        "Rania",
    ],
    "m": [
        "Jonas",
        "Mateo",
        "Kenji",
        "Omar",
        "Lars",
        "Tiago",
        "Ivan",
        "Kwame",
        "Luca",
        "Arjun",
        "Pablo",
        "Malik",
        "Erik",
        "Hiroshi",
        "Karim",
        "Nikos",
        "Felipe",
        "Adil",
        "Piotr",
        "Sami",
    ],
}
FAMILY_NAMES = [
    "Almeida",
    "Berg",
    "Castillo",
    "Dimitriou",
    "Eriksen",
    "Fujita",
    "García",
    "Haddad",
    "Ivanova",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Mensah",
    "Nakamura",
    "Okafor",
    "Popescu",
    "Quintero",
    "Rossi",
    "Santos",
    "Tanaka",
    "Usman",
    "Varga",
    "Weber",
    "Yilmaz",
    "Zhou",
    "Novak",
    "Costa",
]
CITIES = [
    ("Rome", "IT"),
    ("Tokyo", "JP"),
    ("Montréal", "CA"),
    ("Berlin", "DE"),
    ("Madrid", "ES"),
    ("Lisbonne", "PT"),
    ("Séoul", "KR"),
    ("Dakar", "SN"),
    ("Mexico", "MX"),
    ("Kyiv", "UA"),
    ("Bruxelles", "BE"),
    ("Genève", "CH"),
    ("Athènes", "GR"),
    ("Buenos Aires", "AR"),
    ("Abidjan", "CI"),
    ("Beyrouth", "LB"),
    ("Rabat", "MA"),
    ("Québec", "CA"),
    ("Prague", "CZ"),
    ("Varsovie", "PL"),
    ("Amman", "JO"),
    ("Erevan", "AM"),
    ("Tunis", "TN"),
    ("Sydney", "AU"),
]
CATEGORY_WEIGHTS = dict(
    [
        (GuestCategory.MAYOR, 30),
        (GuestCategory.AMBASSADOR, 18),
        (GuestCategory.MINISTER, 14),
        (GuestCategory.PROMINENT_FIGURE, 15),
        (GuestCategory.HEAD_OF_STATE, 8),
        (GuestCategory.HEAD_OF_GOVERNMENT, 5),
        (GuestCategory.ROYAL, 2),
        (GuestCategory.PARLIAMENTARIAN, 4),
        (GuestCategory.ORGANISATION, 4),
    ]
)
TITLES = {
    GuestCategory.MAYOR: ("Maire de {city}", "Mayor of {city}"),
    GuestCategory.AMBASSADOR: (
        "Ambassadeur en France ({country_fr})",
        "Ambassador to France ({country_en})",
    ),
    GuestCategory.MINISTER: (
        "Ministre des Affaires étrangères ({country_fr})",
        "Minister for Foreign Affairs ({country_en})",
    ),
    GuestCategory.PROMINENT_FIGURE: (
        "Écrivain et militant ({country_fr})",
        "Writer and activist ({country_en})",
    ),
    GuestCategory.HEAD_OF_STATE: ("Chef de l'État ({country_fr})", "Head of State ({country_en})"),
    GuestCategory.HEAD_OF_GOVERNMENT: (
        "Chef du gouvernement ({country_fr})",
        "Head of Government ({country_en})",
    ),
    GuestCategory.ROYAL: (
        "Membre de la famille royale ({country_fr})",
        "Member of the royal family ({country_en})",
    ),
    GuestCategory.PARLIAMENTARIAN: (
        "Président du Parlement ({country_fr})",
        "Speaker of Parliament ({country_en})",
    ),
    GuestCategory.ORGANISATION: ("Organisation internationale", "International organisation"),
}
SALUTATIONS = {
    "f": (
        "Madame",
        "Madam",
        "Je vous prie d'agréer, Madame, l'expression de ma haute considération.",
        "Yours sincerely",
    ),
    "m": (
        "Monsieur",
        "Sir",
        "Je vous prie d'agréer, Monsieur, l'expression de ma haute considération.",
        "Yours sincerely",
    ),
}


def weighted_choice(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def country_name(code: str, language: str) -> str:
    with translation.override(language):
        return str(dict(countries)[code])


def fictional_guest(index: int) -> dict:
    """The fields of fictional guest number `index`: the same index gives the same guest."""
    rng = random.Random(f"guest-{index}")
    category = weighted_choice(rng, CATEGORY_WEIGHTS)
    city, country = rng.choice(CITIES)
    gender = rng.choice("fm")
    names = {
        "city": city,
        "country_fr": country_name(country, "fr"),
        "country_en": country_name(country, "en"),
    }
    title_fr, title_en = (t.format(**names) for t in TITLES[category])
    if category == GuestCategory.ORGANISATION:
        name = f"Fondation {rng.choice(FAMILY_NAMES)} pour {city}"
        kind, gender = GuestKind.ORGANISATION, GrammaticalGender.FEMININE
    else:
        given, family = rng.choice(GIVEN_NAMES[gender]), rng.choice(FAMILY_NAMES)
        name, kind = f"{given} {family}", GuestKind.PERSON
    salutation_fr, salutation_en, closing_fr, closing_en = SALUTATIONS.get(gender, ("",) * 4)
    return {
        "import_key": f"fictional-guest:{index}",
        "kind": kind,
        "name": name,
        "sort_name": name,
        "category": category,
        "country": country,
        "city": city if category == GuestCategory.MAYOR else "",
        "gender": gender,
        "title_fr": title_fr,
        "title_en": title_en,
        "salutation_fr": salutation_fr,
        "salutation_en": salutation_en,
        "closing_fr": closing_fr,
        "closing_en": closing_en,
        "envelope_fr": f"{salutation_fr} {name}".strip(),
        "envelope_en": name,
    }
