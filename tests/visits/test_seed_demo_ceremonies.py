from datetime import date

import pytest

from visits.demo.ceremonies import VISIT_KEY, add_demo_ceremonies
from visits.demo.reference_data import load_hosts, load_venues
from visits.demo.seed import ensure_admin
from visits.models import Attendance, Guest, Host, OfficeHolding, Visit
from visits.models.ceremony_choices import Capacity
from visits.queries.ceremony import ceremony_rows
from visits.queries.ceremony_plan import ceremony_plan

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 27)


@pytest.fixture
def ceremonies():
    """The demo's state visit alone (its rooms and hosts, no other visit): its reception and
    its dinner."""
    admin, _password = ensure_admin("x")
    load_venues()
    load_hosts()
    assert add_demo_ceremonies(admin, TODAY) == 1
    return list(Visit.objects.get(import_key=VISIT_KEY).engagements.order_by("starts_at"))


def plan_of(engagement):
    return ceremony_plan(ceremony_rows(engagement))


def test_demo_hosts_are_in_the_registry_with_their_offices(ceremonies):
    mayor = Host.objects.get(name="Camille Laurent").person
    held = set(OfficeHolding.objects.filter(guest=mayor).values_list("office__code", flat=True))
    assert held == {"mayor_of_paris", "councillor_of_paris"}
    assert not Host.objects.filter(is_active=True, person=None).exists()


def test_demo_reception_ranks_everyone_with_the_adjoint_inviting_for_the_mayor(ceremonies):
    reception, _dinner = ceremonies
    plan = plan_of(reception)
    assert plan.ranking.unplaced == ()
    first_adjoint = Attendance.objects.get(engagement=reception, inviting=True)
    assert first_adjoint.guest.name == "Julien Moreau"
    assert first_adjoint.capacity == Capacity.ADJOINT_FOR_MAYOR
    assert not Attendance.objects.filter(engagement=reception, guest__name="Camille Laurent")
    assert len(plan.ranking.steps()) == len(plan.ranking.placed) - 1
    assert plan.ranking.placed[0].attendee.name == "Lars Lindqvist"  # placed after rank 1


def test_demo_dinner_has_its_places_kept_and_the_mayor_inviting(ceremonies):
    _reception, dinner = ceremonies
    plan = plan_of(dinner)
    assert plan.ranking.unplaced == ()
    assert Attendance.objects.get(engagement=dinner, inviting=True).guest.name == "Camille Laurent"
    assert plan.seating_saved and plan.broken == ()
    rows = Attendance.objects.filter(engagement=dinner)
    assert not rows.filter(table=None).exists()
    assert {row.table for row in rows} == {1, 2, 3}


def test_demo_ceremonies_run_twice_add_nothing(ceremonies):
    admin, _password = ensure_admin(None)
    before = (Guest.objects.count(), OfficeHolding.objects.count(), Attendance.objects.count())
    assert add_demo_ceremonies(admin, TODAY) == 0
    after = (Guest.objects.count(), OfficeHolding.objects.count(), Attendance.objects.count())
    assert after == before


def test_demo_reception_has_its_invitations_and_replies(ceremonies):
    reception = ceremonies[0]
    states = dict(reception.invitations.values_list("guest__import_key", "state").order_by())
    assert len(states) == 11
    assert states["demo-ceremony:writer"] == "accepted"
    assert sorted(states.values()).count("declined") == 1
    assert reception.invitations.get(represented=True).representative_name.startswith("Hugo")
    assert reception.reception.reply_by < reception.starts_at
