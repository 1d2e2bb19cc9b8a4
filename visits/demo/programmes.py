"""What a generated visit looks like for each kind of guest: kind, occasion and programme."""

from visits.models.choices import EngagementKind as E
from visits.models.choices import GuestCategory as C
from visits.models.choices import VisitKind as V

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
        "Visite d'État de {name}",
        "State visit of {name}",
        [E.WELCOME, E.RECEPTION, E.GOLDEN_BOOK],
    ),
    C.HEAD_OF_GOVERNMENT: (
        V.OFFICIAL_VISIT,
        "Visite officielle de {name}",
        "Official visit of {name}",
        [E.MEETING, E.GOLDEN_BOOK, E.PRESS_POINT],
    ),
    C.ROYAL: (
        V.OFFICIAL_VISIT,
        "Visite officielle de {name}",
        "Official visit of {name}",
        [E.RECEPTION, E.GOLDEN_BOOK],
    ),
    C.MINISTER: (
        V.OFFICIAL_VISIT,
        "Visite officielle de {name}",
        "Official visit of {name}",
        [E.MEETING],
    ),
    C.MAYOR: (V.MAYOR_VISIT, "Visite de {name}", "Visit of {name}", [E.MEETING, E.LUNCH]),
    C.AMBASSADOR: (
        V.WORKING_VISIT,
        "Visite de travail de {name}",
        "Working visit of {name}",
        [E.MEETING],
    ),
    C.PARLIAMENTARIAN: (
        V.OFFICIAL_VISIT,
        "Visite officielle de {name}",
        "Official visit of {name}",
        [E.MEETING, E.TOUR],
    ),
    C.PROMINENT_FIGURE: (
        V.RECEPTION,
        "Réception en l'honneur de {name}",
        "Reception in honour of {name}",
        [E.RECEPTION],
    ),
    C.ORGANISATION: (
        V.RECEPTION,
        "Réception en l'honneur de {name}",
        "Reception in honour of {name}",
        [E.RECEPTION],
    ),
}


def visit_plan(guest: dict) -> dict:
    """Kind, occasion in both languages and the programme items (kind, fr, en, minutes)."""
    kind, occasion_fr, occasion_en, items = PLANS[guest["category"]]
    return {
        "kind": kind,
        "occasion_fr": occasion_fr.format(name=guest["name"]),
        "occasion_en": occasion_en.format(name=guest["name"]),
        "items": [(item, *ITEMS[item]) for item in items],
    }
