"""Search ignores accents and case everywhere: "kovac", "FRANCOIS" and "dalai" find Kovač,
François and dalaï in the admin, the API's filter and the public list, on PostgreSQL (the
migration's trigram indexes serve it) as on SQLite (`make run`)."""

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import EngagementFactory, GuestFactory, VenueFactory, VisitFactory
from visits.models import ApiToken, Engagement, Guest, Visit
from visits.models.search import fold

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_fold_drops_accents_and_case():
    assert fold("Milan KOVAČ") == "milan kovac"
    assert fold("François") == "francois"
    assert fold("dalaï") == "dalai"
    assert fold("Łódź Øresund Æsir Œuvre Straße") == "lodz oresund aesir oeuvre strasse"
    assert fold(None) is None


@pytest.mark.parametrize(
    "text", ["Milan KOVAČ", "François", "dalaï", "Łódź Øresund Æsir Œuvre Straße", "Çağrı Ñúñez"]
)
def test_postgresql_folds_as_python_does(text):
    """The SQL function (on PostgreSQL) and its Python twin (on SQLite) agree."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT visits_fold(%s)", [text])
        assert cursor.fetchone()[0] == fold(text)


def found(response) -> list:
    assert response.status_code == 200, response.content
    return list(response.context["cl"].result_list)


def test_admin_visit_search_finds_a_guest_name_without_its_accent(officer_client):
    kovac = VisitFactory(principal=GuestFactory(name="Milan Kovač"))
    VisitFactory(principal=GuestFactory(name="Jean Martin"))
    url = reverse("admin:visits_visit_changelist")
    assert found(officer_client.get(url, {"q": "kovac"})) == [kovac]
    assert found(officer_client.get(url, {"q": "MILAN kovač"})) == [kovac]


def test_admin_visit_search_finds_occasion_and_reference_in_any_case(officer_client):
    visit = VisitFactory(occasion_fr="Visite de François Dupré", occasion_en="Visit of the Dalaï")
    VisitFactory(occasion_fr="Visite officielle", occasion_en="Official visit")
    url = reverse("admin:visits_visit_changelist")
    assert found(officer_client.get(url, {"q": "FRANCOIS dupre"})) == [visit]
    assert found(officer_client.get(url, {"q": "dalai"})) == [visit]
    assert found(officer_client.get(url, {"q": visit.reference.lower()})) == [visit]


def test_admin_guest_and_engagement_searches_ignore_accents(officer_client):
    dalai = GuestFactory(name="Tenzin Gyatso", title_fr="Le dalaï-lama", title_en="Dalai Lama")
    GuestFactory(name="Someone Else")
    guests = reverse("admin:visits_guest_changelist")
    assert found(officer_client.get(guests, {"q": "DALAI"})) == [dalai]
    lunch = EngagementFactory(title_fr="Déjeuner à l'Hôtel de Ville", title_en="Lunch")
    EngagementFactory(title_fr="Réception", title_en="Reception")
    engagements = reverse("admin:visits_engagement_changelist")
    assert found(officer_client.get(engagements, {"q": "dejeuner hotel"})) == [lunch]


def test_api_guest_filter_ignores_accents_and_case(client, staff_member):
    VisitFactory(principal=GuestFactory(name="Milan Kovač", sort_name="Kovač, Milan"))
    VisitFactory(principal=GuestFactory(name="François Legault", sort_name="Legault, François"))
    _token, raw = ApiToken.issue(staff_member, "tests")
    response = client.get(
        reverse("api:list_guests"), {"q": "FRANCOIS"}, HTTP_AUTHORIZATION=f"Bearer {raw}"
    )
    assert response.status_code == 200, response.content
    assert [item["name"] for item in response.json()["items"]] == ["François Legault"]


def test_public_guests_search_ignores_accents_and_case(client):
    venue = VenueFactory()
    for name in ("Milan Kovač", "Anaïs Dalaï"):
        visit = VisitFactory(
            principal=GuestFactory(name=name), status="held", starts_on=date(2025, 3, 12)
        )
        EngagementFactory(visit=visit, venue=venue)
    page = client.get(reverse("public:guests") + "?q=dalai")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Anaïs Dalaï" in text and "Milan Kovač" not in text


def plan(queryset) -> str:
    """The plan of `queryset` where only bitmap scans are cheap: a table can then be read
    through an index only if a condition matches that index's expression."""
    sql, params = queryset.query.get_compiler(connection=connection).as_sql()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def trigram_indexes_made() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def test_the_searches_use_the_migration_trigram_indexes():
    """The SQL the lookups write is the indexes' expression: were it not (a cast, another
    function), PostgreSQL could not use them, even told to avoid sequential scans."""
    if not trigram_indexes_made():  # a PostgreSQL without contrib: the throwaway server
        message = "this PostgreSQL has no pg_trgm: 0017 made no index, search reads every row"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    assert "visits_guest_name_folded" in plan(Guest.objects.filter(name__matches="kovac"))
    visits = plan(Visit.objects.filter(pk__matches="kovac"))
    for index in ("visits_visit_occasion_fr_folded", "visits_guest_name_folded"):
        assert index in visits
    programme = plan(Engagement.objects.filter(pk__matches="dejeuner"))
    for index in ("visits_engagement_title_fr_folded", "visits_visit_occasion_en_folded"):
        assert index in programme
    assert "Seq Scan" not in visits + programme


def test_search_escapes_like_wildcards():
    GuestFactory(name="Anne 100% Dupont")
    GuestFactory(name="Anne 1000 Dupont")
    assert [g.name for g in Guest.objects.filter(name__matches="100%")] == ["Anne 100% Dupont"]
    assert not Guest.objects.filter(name__matches="anne_1").exists()


SQLITE_SEARCH = """
import django, json
django.setup()
from tests.factories import GuestFactory, VisitFactory
from visits.models import Guest, Visit
kovac = VisitFactory(principal=GuestFactory(name="Milan Kovač"))
VisitFactory(principal=GuestFactory(name="Jean Martin"))
print(json.dumps({
    "vendor": django.db.connection.vendor,
    "guests": [g.name for g in Guest.objects.filter(name__matches="KOVAC")],
    "visits": [v.pk == kovac.pk for v in Visit.objects.filter(pk__matches="kovac")],
    "francois": Guest.objects.filter(name__matches="francois").count(),
}))
"""


@pytest.mark.django_db(False)
def test_sqlite_search_ignores_accents_and_case(tmp_path):
    """`make run` without DATABASE_URL: SQLite, where `visits_fold` is the Python function
    registered on each connection; the migration runs there too (its PostgreSQL parts skip)."""
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME")}
    env.update(DEBUG="true", VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="protocol.settings")
    run = {"cwd": ROOT, "env": env, "capture_output": True, "text": True, "timeout": 300}
    migrated = subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], **run)
    assert migrated.returncode == 0, migrated.stderr
    searched = subprocess.run([sys.executable, "-c", SQLITE_SEARCH], **run)
    assert searched.returncode == 0, searched.stderr
    assert json.loads(searched.stdout.strip().splitlines()[-1]) == {
        "vendor": "sqlite",
        "guests": ["Milan Kovač"],
        "visits": [True],
        "francois": 0,
    }
