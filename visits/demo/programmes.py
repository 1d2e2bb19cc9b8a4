"""What a generated visit looks like for each kind of guest: kind, occasion and programme."""

from visits.models.choices import EngagementKind as E
from visits.models.choices import GrammaticalGender, GuestKind
from visits.models.choices import GuestCategory as C
from visits.models.choices import VisitKind as V
from visits.models.search import fold

ITEMS = {
    E.WELCOME: ("Accueil par la maire", "Welcome by the Mayor", 15),
    E.RECEPTION: ("Réception", "Reception", 60),
    E.GOLDEN_BOOK: ("Signature du Livre d'or", "Golden Book signing", 15),
    E.MEETING: ("Entretien", "Meeting", 45),
    E.LUNCH: ("Déjeuner", "Lunch", 90),
    E.PRESS_POINT: ("Point presse", "Press point", 20),
    E.TOUR: ("Visite de l'Hôtel de Ville", "Tour of City Hall", 40),
}
PLANS = {
    C.HEAD_OF_STATE: (
        V.STATE_VISIT,
        "Visite d'État {of_name}",
        "State visit of {name_en}",
        [E.WELCOME, E.RECEPTION, E.GOLDEN_BOOK],
    ),
    C.HEAD_OF_GOVERNMENT: (
        V.OFFICIAL_VISIT,
        "Visite officielle {of_name}",
        "Official visit of {name_en}",
        [E.MEETING, E.GOLDEN_BOOK, E.PRESS_POINT],
    ),
    C.ROYAL: (
        V.OFFICIAL_VISIT,
        "Visite officielle {of_name}",
        "Official visit of {name_en}",
        [E.RECEPTION, E.GOLDEN_BOOK],
    ),
    C.MINISTER: (
        V.OFFICIAL_VISIT,
        "Visite officielle {of_name}",
        "Official visit of {name_en}",
        [E.MEETING],
    ),
    C.MAYOR: (V.MAYOR_VISIT, "Visite {of_name}", "Visit of {name_en}", [E.MEETING, E.LUNCH]),
    C.AMBASSADOR: (
        V.WORKING_VISIT,
        "Visite de travail {of_name}",
        "Working visit of {name_en}",
        [E.MEETING],
    ),
    C.PARLIAMENTARIAN: (
        V.OFFICIAL_VISIT,
        "Visite officielle {of_name}",
        "Official visit of {name_en}",
        [E.MEETING, E.TOUR],
    ),
    C.PROMINENT_FIGURE: (
        V.RECEPTION,
        "Réception en l'honneur {of_name}",
        "Reception in honour of {name_en}",
        [E.RECEPTION],
    ),
    C.ORGANISATION: (
        V.RECEPTION,
        "Réception en l'honneur {of_name}",
        "Reception in honour of {name_en}",
        [E.RECEPTION],
    ),
}


def of(guest: dict) -> str:
    """French "de" before a guest's name: elided before a vowel (« d'Amina Rossi », « de Luca
    Rossi »; not before an H or a Y, which French mostly does not elide in a name: « de
    Hassan »), with the article an organisation takes (« de la Fondation Rossi »)."""
    name = guest["name"]
    vowel = fold(name[:1])[:1] in "aeiou"
    if guest.get("kind") == GuestKind.ORGANISATION:
        if vowel:
            return f"de l'{name}"
        feminine = guest.get("gender") == GrammaticalGender.FEMININE
        return f"de la {name}" if feminine else f"du {name}"
    return f"d'{name}" if vowel else f"de {name}"


def in_english(guest: dict) -> str:
    """ "the Fondation Rossi", "Amina Rossi"."""
    organisation = guest.get("kind") == GuestKind.ORGANISATION
    return f"the {guest['name']}" if organisation else guest["name"]


def visit_plan(guest: dict) -> dict:
    """Kind, occasion in both languages and the programme items (kind, fr, en, minutes)."""
    kind, occasion_fr, occasion_en, items = PLANS[guest["category"]]
    return {
        "kind": kind,
        "occasion_fr": occasion_fr.format(of_name=of(guest)),
        "occasion_en": occasion_en.format(name_en=in_english(guest)),
        "items": [(item, *ITEMS[item]) for item in items],
    }
