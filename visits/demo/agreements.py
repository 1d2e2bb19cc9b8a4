"""The demo's agreements with partner cities (issue 18): real ones, from
visits/fixtures/demo/agreements.csv, each with its source (the statuses are as the sources
give them; most come from the City's list of about 2006 and were not checked since). The
coordinates are those of the city centres. Idempotent: an agreement is known by its city,
kind and date."""

import csv
from datetime import date
from decimal import Decimal

from visits.demo.reference_data import FIXTURES
from visits.models import Agreement, Visit
from visits.services.agreements import create_agreement

# Visits of the reference data exchanged under an agreement, by the agreement's key.
VISITS_UNDER = {"rome-1956": ["past:1956-rebecchini", "past:2026-gualtieri"]}


def add_demo_agreements() -> int:
    added = 0
    with open(FIXTURES / "agreements.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            signed = date.fromisoformat(row["signed_on"])
            known = Agreement.objects.filter(
                partner_city_en=row["partner_city_en"], kind=row["kind"], signed_on=signed
            )
            if known.exists():
                continue
            visits = Visit.objects.filter(import_key__in=VISITS_UNDER.get(row["key"], []))
            create_agreement(
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
            added += 1
    return added
