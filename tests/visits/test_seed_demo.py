from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from visits.demo.programmes import visit_plan
from visits.demo.seed import seed_demo
from visits.demo.synthetic import add_synthetic_history
from visits.models import (
    Agreement,
    AgreementAction,
    Engagement,
    Gift,
    GoldenBookSignature,
    Guest,
    HonoraryCitizenship,
    Venue,
    Visit,
    VisitGuest,
)
from visits.models.choices import GrammaticalGender, GuestCategory, GuestKind

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Visit, Engagement, Guest, VisitGuest, HonoraryCitizenship, Venue)
    }


def test_seed_demo_is_idempotent_and_prints_the_admin_password(capsys):
    call_command("seed_demo", admin_password="first-password")
    first = counts()
    assert "Superuser: admin / first-password" in capsys.readouterr().out
    call_command("seed_demo", admin_password="second-password")
    assert counts() == first
    assert "password unchanged" in capsys.readouterr().out
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("first-password")


def test_seed_demo_generates_a_password_when_none_is_given(capsys, monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    call_command("seed_demo")
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("Superuser:"))
    password = line.split(" / ")[1]
    assert len(password) >= 12
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_seed_demo_loads_the_real_facts_with_their_special_cases():
    call_command("seed_demo", admin_password="x")
    assert Venue.objects.filter(name="Salle des Fêtes", building="Hôtel de Ville").exists()
    medvedev = Visit.objects.get(guests__name="Dmitri Medvedev")
    assert (medvedev.status, medvedev.starts_on) == ("held", date(2010, 3, 2))
    assert medvedev.engagements.get().venue.name == "Salle des Fêtes"
    spain = Visit.objects.get(guests__name__contains="Felipe VI")
    assert spain.status == "cancelled"
    proxy = HonoraryCitizenship.objects.get(honoree__name="Loujain al-Hathloul")
    assert proxy.received_by_proxy and proxy.proxy_name == "Lina al-Hathloul"
    assert proxy.ceremony.starts_at.date() == date(2019, 6, 21)
    amini = HonoraryCitizenship.objects.get(honoree__name="Mahsa Amini")
    assert amini.posthumous and amini.honoree.deceased
    assert HonoraryCitizenship.objects.get(honoree__name="Kyiv").honoree.kind == "city"
    betancourt = HonoraryCitizenship.objects.get(honoree__name="Ingrid Betancourt")
    assert betancourt.voted_on_precision == "year"
    churchill = Visit.objects.get(guests__name="Winston Churchill").engagements.get()
    assert churchill.venue.name == "Salon Jean-Paul Laurens"
    yashin = HonoraryCitizenship.objects.get(honoree__name="Ilya Yashin")
    assert yashin.ceremony.starts_at.date() == date(2024, 10, 21)


def test_the_demo_holds_at_least_sixty_real_receptions_each_with_its_source():
    call_command("seed_demo", admin_password="x")
    real = Visit.objects.filter(import_key__startswith="past:", status="held")
    assert real.count() >= 60
    for visit in real:
        source = visit.notes.partition("Source:")[2].strip()
        assert source, visit.import_key
    assert real.earliest("starts_on").starts_on == date(1855, 8, 23)  # Queen Victoria's ball


def test_seed_demo_adds_upcoming_visits_with_a_programme():
    call_command("seed_demo", admin_password="x")
    upcoming = Visit.objects.filter(starts_on__gt=date.today())
    assert upcoming.count() >= 10
    assert {"confirmed", "requested", "under_review"} <= set(
        upcoming.values_list("status", flat=True)
    )
    assert upcoming.filter(confidentiality="confidential").exists()
    assert all(visit.engagements.exists() for visit in upcoming)


def test_seed_demo_if_empty_does_nothing_on_a_database_with_visits(capsys):
    call_command("seed_demo", admin_password="x")
    before = counts()
    Visit.objects.filter(import_key="upcoming:1").delete()
    call_command("seed_demo", if_empty=True)
    assert counts()["Visit"] == before["Visit"] - 1
    assert "already holds visits" in capsys.readouterr().out


def test_synthetic_history_is_a_few_hundred_visits_a_year_and_idempotent():
    call_command("seed_demo", admin_password="x")
    created = add_synthetic_history(2, today=date(2026, 6, 1))
    per_year = {
        year: Visit.objects.filter(import_key__startswith=f"synthetic:{year}:").count()
        for year in (2024, 2025)
    }
    assert sum(per_year.values()) == created
    assert all(250 <= n <= 330 for n in per_year.values())
    assert add_synthetic_history(2, today=date(2026, 6, 1)) == 0
    synthetic = Visit.objects.filter(import_key__startswith="synthetic:")
    assert Engagement.objects.filter(visit__in=synthetic).count() >= created
    assert set(synthetic.values_list("confidentiality", flat=True)) == {
        "public",
        "restricted",
        "confidential",
    }


def test_synthetic_references_continue_after_the_real_ones():
    call_command("seed_demo", admin_password="x")
    real_2025 = Visit.objects.get(starts_on=date(2025, 2, 3)).reference
    add_synthetic_history(1, today=date(2026, 6, 1))
    assert real_2025 == "V-2025-001"
    references = set(Visit.objects.filter(starts_on__year=2025).values_list("reference", flat=True))
    assert "V-2025-002" in references
    new = Visit.objects.create(
        kind="other", occasion_fr="a", occasion_en="a", starts_on=date(2025, 12, 1)
    )
    assert new.reference == f"V-2025-{len(references) + 1:03d}"


def overlapping_pairs(shared: str) -> int:
    """Pairs of live engagements at overlapping times sharing a venue or a host."""
    from django.db import connection

    joins = {
        "venue": "visits_engagement b ON b.venue_id = a.venue_id",
        "host": (
            "visits_engagement_hosts ha ON ha.engagement_id = a.id "
            "JOIN visits_engagement_hosts hb ON hb.host_id = ha.host_id "
            "JOIN visits_engagement b ON b.id = hb.engagement_id"
        ),
    }
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM visits_engagement a JOIN {joins[shared]} "  # noqa: S608
            "WHERE a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at "
            "AND a.status <> 'cancelled' AND b.status <> 'cancelled'"
        )
        return cursor.fetchone()[0]


@pytest.mark.parametrize("today", [date(2026, 11, 27), date(2026, 11, 28), date(2026, 12, 20)])
def test_demo_data_never_double_books_a_room_or_a_host(today):
    seed_demo(admin_password="x", synthetic_years=2, today=today)
    assert Visit.objects.filter(starts_on__gt=today).count() >= 10
    assert (overlapping_pairs("venue"), overlapping_pairs("host")) == (0, 0)


@pytest.mark.parametrize(
    ("guest", "french", "english"),
    [
        ({"name": "Amina Rossi"}, "Visite d'État d'Amina Rossi", "State visit of Amina Rossi"),
        ({"name": "Émile Okafor"}, "Visite d'État d'Émile Okafor", "State visit of Émile Okafor"),
        ({"name": "Luca Rossi"}, "Visite d'État de Luca Rossi", "State visit of Luca Rossi"),
        (
            {"name": "Hassan Ba"},
            "Visite d'État de Hassan Ba",
            "State visit of Hassan Ba",
        ),
    ],
)
def test_demo_occasions_elide_de_before_a_vowel(guest, french, english):
    plan = visit_plan({**guest, "category": GuestCategory.HEAD_OF_STATE})
    assert (plan["occasion_fr"], plan["occasion_en"]) == (french, english)


def test_demo_occasions_give_an_organisation_its_article():
    foundation = {
        "name": "Fondation Rossi pour Lyon",
        "kind": GuestKind.ORGANISATION,
        "gender": GrammaticalGender.FEMININE,
        "category": GuestCategory.ORGANISATION,
    }
    plan = visit_plan(foundation)
    assert plan["occasion_fr"] == "Réception en l'honneur de la Fondation Rossi pour Lyon"
    assert plan["occasion_en"] == "Reception in honour of the Fondation Rossi pour Lyon"


def test_the_demo_golden_book_is_signed_once_and_says_it_is_a_demonstration():
    seed_demo(admin_password="x")
    seed_demo(admin_password="x")
    signatures = GoldenBookSignature.objects.visible_to(None).order_by("signed_on")
    assert [s.signers.get().name for s in signatures] == [
        "Dmitri Medvedev", "Paul Watson", "Roberto Gualtieri"
    ]  # fmt: skip
    for signature in signatures:  # invented words and pages, marked so in both languages
        assert signature.text.startswith("[Démonstration]")
        assert signature.translation_en.startswith("[Demo]")
        assert "pas la page réelle" in signature.scan_alt_fr
        assert signature.scan and signature.thumbnail_width == 360


def test_the_demo_registers_hold_real_agreements_and_gifts_marked_as_invented():
    seed_demo(admin_password="x")
    seed_demo(admin_password="x")
    assert Agreement.objects.count() == 50
    rome = Agreement.objects.get(kind="twinning")
    assert (rome.partner_city_fr, rome.signed_on.isoformat()) == ("Rome", "1956-01-30")
    assert rome.source and rome.visits.count() == 4
    actions = AgreementAction.objects.all()
    assert actions.count() == 2 and {a.agreement for a in actions} == {rome}  # seeded once
    assert all(a.title_fr.startswith("[Démonstration, action inventée]") for a in actions)
    assert all(a.title_en.startswith("[Demo, invented action]") for a in actions)
    actions.delete()  # a database seeded before the actions and links were in the demo
    rome.visits.remove(rome.visits.first())
    seed_demo(admin_password="x")
    assert rome.visits.count() == 4 and AgreementAction.objects.count() == 2
    gifts = Gift.objects.order_by("given_on")
    assert gifts.count() == 3
    assert all(g.description_fr.startswith("[Démonstration, cadeau inventé]") for g in gifts)
    assert all(g.description_en.startswith("[Demo, invented gift]") for g in gifts)
