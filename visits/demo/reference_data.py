"""Loads the real facts of visits/fixtures/demo. Idempotent: rows are keyed by import_key."""

import csv
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.text import slugify

from visits.models import Engagement, Guest, HonoraryCitizenship, Host, Venue, Visit, VisitGuest
from visits.models.choices import (
    Confidentiality,
    DelegationRole,
    EngagementStatus,
    GuestCategory,
    VisitStatus,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "demo"


def rows(name: str) -> list[dict]:
    with open(FIXTURES / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def local_datetime(day: str, clock: str) -> datetime:
    return datetime.combine(
        date.fromisoformat(day), time.fromisoformat(clock), ZoneInfo(settings.TIME_ZONE)
    )


def checked(record):
    """The demo's data obeys the models' field rules as any input does (texts on one line...):
    a refusal names the field, and seed_demo's transaction writes nothing."""
    record.clean_fields(exclude=[field.name for field in record._meta.fields if field.is_relation])
    return record


def guest_key(name: str) -> str:
    return f"guest:{slugify(name)}"


def load_venues() -> dict[str, Venue]:
    venues = {}
    for row in rows("venues.csv"):
        venues[row["name"]], _ = Venue.objects.update_or_create(
            name=row["name"],
            building=row["building"],
            defaults={
                "capacity": row["capacity"] or None,
                "notes": row["notes"],
                "gender": row["gender"],
            },
        )
        checked(venues[row["name"]])
    return venues


def load_hosts() -> list[Host]:
    return [
        checked(
            Host.objects.update_or_create(
                name=row["name"],
                office_fr=row["office_fr"],
                defaults={
                    "office_en": row["office_en"],
                    "gender": row["gender"],
                    "precedence": int(row["precedence"]),
                },
            )[0]
        )
        for row in rows("hosts.csv")
    ]


def upsert_guest(row: dict, name_column: str, kind_column: str) -> Guest:
    guest, _ = Guest.objects.update_or_create(
        import_key=guest_key(row[name_column]),
        defaults={
            "name": row[name_column],
            "kind": row[kind_column],
            "category": row.get("category") or GuestCategory.PROMINENT_FIGURE,
            "country": row["country"],
            "city": row.get("city", ""),
            "gender": row["gender"],
            "title_fr": row["title_fr"],
            "title_en": row["title_en"],
            "deceased": row.get("deceased") == "yes",
        },
    )
    return checked(guest)


def load_past_visits(venues: dict[str, Venue]) -> dict[str, Engagement]:
    """One visit with one engagement per row; returns the engagements by fixture key."""
    engagements = {}
    for row in rows("distinguished_guests.csv"):
        guest = upsert_guest(row, "guest", "guest_kind")
        held = row["status"] == VisitStatus.HELD
        visit, _ = Visit.objects.update_or_create(
            import_key=f"past:{row['key']}",
            defaults={
                "kind": row["visit_kind"],
                "status": row["status"],
                "confidentiality": Confidentiality.PUBLIC,
                "occasion_fr": row["occasion_fr"],
                "occasion_en": row["occasion_en"],
                "starts_on": date.fromisoformat(row["date"]),
                "notes": f"{row['notes']}\nSource: {row['source']}".strip(),
            },
        )
        checked(visit)
        VisitGuest.objects.get_or_create(
            visit=visit, guest=guest, defaults={"role": DelegationRole.PRINCIPAL}
        )
        engagement = visit.engagements.first() or Engagement(visit=visit)
        engagement.kind = row["engagement_kind"]
        engagement.title_fr = row["occasion_fr"]
        engagement.title_en = row["occasion_en"]
        engagement.venue = venues[row["venue"]] if row["venue"] else None  # a typo fails here
        engagement.starts_at = local_datetime(row["date"], row["start"])
        engagement.ends_at = local_datetime(row["date"], row["end"])
        engagement.status = EngagementStatus.CONFIRMED if held else EngagementStatus.CANCELLED
        checked(engagement).save()
        engagements[row["key"]] = engagement
    return engagements


def load_honours(ceremonies: dict[str, Engagement]) -> None:
    for row in rows("honorary_citizens.csv"):
        honoree = upsert_guest(row, "honoree", "honoree_kind")
        ceremony = ceremonies.get(row["ceremony_visit"])
        if row["proxy_name"] and ceremony:
            proxy = upsert_guest(
                {
                    **row,
                    "honoree": row["proxy_name"],
                    "title_fr": "",
                    "title_en": "",
                    "deceased": "no",
                },
                "honoree",
                "honoree_kind",
            )
            VisitGuest.objects.get_or_create(
                visit=ceremony.visit, guest=proxy, defaults={"role": DelegationRole.PROXY}
            )
        honour, _ = HonoraryCitizenship.objects.update_or_create(
            honoree=honoree,
            defaults={
                "status": row["status"],
                "voted_on": date.fromisoformat(row["voted_on"]),
                "voted_on_precision": row["date_precision"],
                "ceremony": ceremony,
                "posthumous": row["posthumous"] == "yes",
                "received_by_proxy": bool(row["proxy_name"]),
                "proxy_name": row["proxy_name"],
                "notes": f"{row['notes']}\nSource: {row['source']}".strip(),
            },
        )
        checked(honour)


def load_reference_data() -> dict:
    venues = load_venues()
    hosts = load_hosts()
    # Real past visits get no hosts: the demo's hosts are fictional, the record is not.
    ceremonies = load_past_visits(venues)
    load_honours(ceremonies)
    return {"venues": venues, "hosts": hosts}
