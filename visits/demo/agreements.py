"""The demo's agreements with partner cities (issue 18): real ones, from
visits/fixtures/demo/agreements.csv, each with its source (the statuses are as the sources
give them; most come from the City's list of about 2006 and were not checked since). The
coordinates are those of the city centres. Idempotent: an agreement is known by its city,
kind and date. The actions under the twinning with Rome are invented, and say so in both
languages: no stored source lists the cities' joint actions."""

import csv
from datetime import date
from decimal import Decimal

from visits.demo.reference_data import FIXTURES
from visits.models import Agreement, Visit
from visits.services.agreements import add_action, create_agreement, update_agreement

# Visits of the reference data exchanged under an agreement, by the agreement's key (each
# visit's own row says it was made for that agreement).
VISITS_UNDER = {
    "rome-1956": [
        "past:1956-rebecchini",
        "past:2006-veltroni",
        "past:2022-gualtieri",
        "past:2026-gualtieri",
    ],
    "montreal-2014": ["past:2014-coderre"],
    "montreal-2023": ["past:2023-plante"],
}
MARK_FR = "[Démonstration, action inventée] "
MARK_EN = "[Demo, invented action] "
INVENTED_ACTIONS = {
    "rome-1956": [
        {
            "theme": "culture",
            "title_fr": "Prêts croisés entre les musées de la Ville et les musées du Capitole",
            "title_en": "Loans between the City's museums and the Capitoline Museums",
            "started_on": date(2019, 3, 1),
            "started_on_precision": "month",
        },
        {
            "theme": "urban",
            "title_fr": "Rives du Tibre et de la Seine\u00a0: un atelier d’urbanistes",
            "title_en": "The banks of the Tiber and the Seine: a workshop of urban planners",
            "started_on": date(2016, 1, 1),
            "started_on_precision": "year",
            "ended_on": date(2018, 12, 31),
        },
    ]
}


def add_demo_agreements() -> int:
    added = 0
    with open(FIXTURES / "agreements.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            signed = date.fromisoformat(row["signed_on"])
            known = Agreement.objects.filter(
                partner_city_en=row["partner_city_en"], kind=row["kind"], signed_on=signed
            )
            visits = Visit.objects.filter(import_key__in=VISITS_UNDER.get(row["key"], []))
            if known.exists():
                catch_up(known.get(), row["key"], visits)
                continue
            made = create_agreement(
                by=None,
                visits=list(visits),
                partner_city_fr=row["partner_city_fr"],
                partner_city_en=row["partner_city_en"],
                country=row["country"],
                latitude=Decimal(row["latitude"]),
                longitude=Decimal(row["longitude"]),
                kind=row["kind"],
                signed_on=signed,
                signed_on_precision=row["date_precision"],
                signed_at=row["signed_at"],
                signatories_text=row["signatories"].replace(";", ","),
                status=row["status"],
                source=row["source"],
                published=True,
            )
            for action in INVENTED_ACTIONS.get(row["key"], []):
                add_action(made, by=None, **invented(action))
            added += 1
    return added


def catch_up(agreement, key: str, visits) -> None:
    """On a database seeded before: the visits and actions added to the demo since."""
    missing = set(visits) - set(agreement.visits.all())
    if missing:
        update_agreement(agreement, by=None, visits=[*agreement.visits.all(), *missing])
    if not agreement.actions.exists():
        for action in INVENTED_ACTIONS.get(key, []):
            add_action(agreement, by=None, **invented(action))


def invented(action: dict) -> dict:
    return {
        **action,
        "title_fr": MARK_FR + action["title_fr"],
        "title_en": MARK_EN + action["title_en"],
        "description_fr": "Action inventée pour la démonstration.",
        "description_en": "An action invented for the demonstration.",
        "published": True,
    }
