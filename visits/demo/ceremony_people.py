"""The demo's registry for its ceremonies: the hosts' offices, and the French authorities,
ambassadors and spouses who attend. Fictional people in the demo's manner (names from
visits/demo/names.py's lists, or plainly French ones for the French officials); the offices,
the dates and the rules they exercise are real."""

from datetime import UTC, date, datetime


def moment(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


# The demo hosts' registry entries (by the Host's name): born on, offices held with the date of
# first election. An adjoint is a councillor of Paris too: that is what ranks them in their
# own right (art. 2, 38°), the list naming no adjoint.
HOSTS = {
    "Camille Laurent": (
        date(1967, 4, 12),
        [("mayor_of_paris", date(2014, 4, 5)), ("councillor_of_paris", date(2001, 3, 18))],
    ),
    "Julien Moreau": (
        date(1971, 9, 3),
        [("adjoint_au_maire", date(2014, 4, 5)), ("councillor_of_paris", date(2008, 3, 16))],
    ),
    "Nadia Haddad": (
        date(1979, 1, 22),
        [("adjoint_au_maire", date(2020, 7, 3)), ("councillor_of_paris", date(2014, 3, 30))],
    ),
    "Thomas Petit": (
        date(1975, 11, 8),
        [("adjoint_au_maire", date(2020, 7, 3)), ("councillor_of_paris", date(2020, 6, 28))],
    ),
    "Élise Fontaine": (date(1983, 6, 17), [("councillor_of_paris", date(2014, 3, 30))]),
}

# key: (name, gender, born on, category, country, language, title_fr, title_en, offices, extra)
# offices: (code, first elected on, took office on); extra: other Guest fields.
PEOPLE = {
    "mayor-spouse": ("Bruno Laurent", "m", date(1965, 2, 2), "other", "FR", "fr", "", "", [], {}),
    "prefect": (
        "Hélène Marchand", "f", date(1966, 5, 30), "other", "FR", "fr",
        "Préfète de la région d'Île-de-France, préfète de Paris",
        "Prefect of the Île-de-France region, Prefect of Paris",
        [("prefect_of_paris", None, date(2023, 7, 24))], {},
    ),
    "prefect-of-police": (
        "Antoine Girard", "m", date(1963, 10, 14), "other", "FR", "fr",
        "Préfet de police", "Prefect of Police",
        [("prefect_of_police", None, date(2022, 7, 20))], {},
    ),
    "minister": (
        "Sophie Bertin", "f", date(1974, 3, 9), "minister", "FR", "fr",
        "Ministre déléguée chargée de l'Europe", "Minister for Europe",
        [("minister", None, date(2025, 10, 12))], {},
    ),
    "deputy-2012": (
        "Marc Lefebvre", "m", date(1969, 12, 1), "parliamentarian", "FR", "fr",
        "Député de Paris", "Member of the National Assembly for Paris",
        [("deputy", date(2012, 6, 17), None)], {},
    ),
    "deputy-2017": (
        "Claire Dubois", "f", date(1961, 8, 25), "parliamentarian", "FR", "fr",
        "Députée de Paris", "Member of the National Assembly for Paris",
        [("deputy", date(2017, 6, 18), None)], {},
    ),
    "councillor-2008": (
        "Inès Roux", "f", date(1972, 2, 11), "other", "FR", "fr",
        "Conseillère de Paris", "Councillor of Paris",
        [("councillor_of_paris", date(2008, 3, 16), None)], {},
    ),
    "councillor-2014": (
        "Paul Mercier", "m", date(1980, 7, 4), "other", "FR", "fr",
        "Conseiller de Paris", "Councillor of Paris",
        [("councillor_of_paris", date(2014, 3, 30), None)], {},
    ),
    "suppleante": (
        "Lucie Garnier", "f", date(1985, 9, 19), "parliamentarian", "FR", "fr",
        "Suppléante d'un sénateur de Paris", "Substitute of a Senator for Paris",
        [("suppleant", None, date(2023, 10, 1))], {},
    ),
    "writer": (
        "Anaïs Varga", "f", date(1958, 1, 30), "prominent_figure", "FR", "fr",
        "Écrivaine, Grand Prix de la Ville de Paris", "Writer, Grand Prix of the City of Paris",
        [], {},
    ),
    # The state visit: Finland's head of State, spouse, minister and ambassador.
    "head-of-state": (
        "Lars Lindqvist", "m", date(1962, 6, 6), "head_of_state", "FI", "en",
        "Président de la République de Finlande", "President of the Republic of Finland",
        [("foreign_head_of_state", None, date(2024, 3, 1))], {},
    ),
    "head-of-state-spouse": (
        "Hanna Lindqvist", "f", date(1964, 4, 2), "other", "FI", "en", "", "", [], {},
    ),
    "foreign-minister": (
        "Erik Berg", "m", date(1970, 10, 10), "minister", "FI", "en",
        "Ministre des Affaires étrangères (Finlande)", "Minister for Foreign Affairs (Finland)",
        [("foreign_minister", None, date(2023, 6, 20))], {},
    ),
    "ambassador-fi": (
        "Ingrid Eriksen", "f", date(1968, 12, 12), "ambassador", "FI", "en",
        "Ambassadrice de Finlande en France", "Ambassador of Finland to France",
        [("foreign_ambassador", None, date(2022, 9, 7))],
        {"diplomatic_class": "ambassador", "functions_taken_up_at": moment(2022, 9, 7, 10, 30)},
    ),
    "ambassador-jp": (
        "Kenji Nakamura", "m", date(1960, 3, 3), "ambassador", "JP", "en",
        "Ambassadeur du Japon en France", "Ambassador of Japan to France",
        [("foreign_ambassador", None, date(2019, 11, 5))],
        {"diplomatic_class": "ambassador", "functions_taken_up_at": moment(2019, 11, 5, 11, 0)},
    ),
    "ambassador-jp-spouse": (
        "Aiko Nakamura", "f", date(1963, 5, 5), "other", "JP", "en", "", "", [], {},
    ),
    "ambassador-br": (
        "Paula Santos", "f", date(1971, 7, 7), "ambassador", "BR", "en",
        "Ambassadrice du Brésil en France", "Ambassador of Brazil to France",
        [("foreign_ambassador", None, date(2021, 3, 16))],
        {"diplomatic_class": "ambassador", "functions_taken_up_at": moment(2021, 3, 16, 9, 30)},
    ),
    "ambassador-br-spouse": (
        "Felipe Santos", "m", date(1969, 8, 8), "other", "BR", "en", "", "", [], {},
    ),
    "nuncio": (
        "Luca Rossi", "m", date(1955, 9, 9), "ambassador", "VA", "en",
        "Nonce apostolique en France", "Apostolic Nuncio to France",
        [("nuncio", None, date(2020, 1, 10))],
        {"diplomatic_class": "nuncio", "functions_taken_up_at": moment(2020, 1, 10, 10, 0)},
    ),
}  # fmt: skip
# Spouse -> their principal (Guest.spouse): they rank right after them and sit apart.
SPOUSES = {
    "mayor-spouse": "Camille Laurent",
    "head-of-state-spouse": "head-of-state",
    "ambassador-jp-spouse": "ambassador-jp",
    "ambassador-br-spouse": "ambassador-br",
}

# Reasons the office gives for its "place after rank" (art. 18), shown with the order.
NBSP = "\u00a0"  # French typography: a no-break space before the colon
GUEST_OF_HONOUR_AFTER = (
    1,
    f"Chef d'État en visite d'État{NBSP}: juste après le Président de la République",
)
DELEGATION_AFTER = (6, f"Ministre de la délégation{NBSP}: après les membres du Gouvernement")
SUBSTITUTE_AFTER = (38, f"Suppléante, sans rang propre{NBSP}: placée avec les conseillers de Paris")
WRITER_AFTER = (22, f"Lauréate du Grand Prix de la Ville de Paris{NBSP}: après la Maire")
