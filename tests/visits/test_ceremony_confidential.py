"""A ceremony shows no name the viewer may not read (DESIGN.md, decision 1): an attendee known
only from a confidential visit still ranks and sits, under a neutral name, on the page, its
prints, the run-sheet and the API."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from tests.ceremony_factories import attending, holder, lunch, mayor_of_paris
from tests.visits.staff_pages import visit_of
from visits.models import VisitGuest
from visits.models.choices import DelegationRole
from visits.queries.ceremony import ceremony_engagements, ceremony_rows
from visits.queries.ceremony_plan import ceremony_plan

SECRET = "Ms Hush-Hush"


@pytest.fixture
def public_lunch(db):
    made = lunch(confidentiality="public", status="confirmed")
    mayor_of_paris(made)
    secret_guest = holder("minister", SECRET, gender="f")
    hidden = visit_of("Someone Else", confidentiality="confidential")
    VisitGuest.objects.create(visit=hidden, guest=secret_guest, role=DelegationRole.PRINCIPAL)
    attending(made, secret_guest, speaks=True)
    return made


def test_an_attendee_hidden_from_the_viewer_ranks_under_a_neutral_name(public_lunch, staff_member):
    found = ceremony_engagements(staff_member).get(pk=public_lunch.pk)
    plan = ceremony_plan(ceremony_rows(found, staff_member))
    names = [placed.attendee.name for placed in plan.ranking.placed]
    assert names == ["Confidential guest", "Anne Hidalgo"]  # a minister still ranks first


def test_a_cleared_officer_reads_the_attendees_name(public_lunch, cleared_officer):
    found = ceremony_engagements(cleared_officer).get(pk=public_lunch.pk)
    plan = ceremony_plan(ceremony_rows(found, cleared_officer))
    assert SECRET in [placed.attendee.name for placed in plan.ranking.placed]


@pytest.mark.parametrize(
    "address",
    [
        lambda made: reverse("staff:ceremony", args=[made.uid]),
        lambda made: reverse("staff:ceremony_print", args=[made.uid, "place-cards"]),
        lambda made: reverse("staff:ceremony_print", args=[made.uid, "speakers"]),
        lambda made: reverse("staff:run_sheet", args=[made.visit.reference]),
    ],
)
def test_pages_never_name_an_attendee_hidden_from_the_viewer(public_lunch, staff_client, address):
    response = staff_client.get(address(public_lunch))
    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    assert "Anne Hidalgo" in response.content.decode()


def test_the_api_never_names_an_attendee_hidden_from_the_caller(public_lunch, staff_client):
    response = staff_client.get(f"/api/v1/engagements/{public_lunch.uid}/ceremony")
    assert response.status_code == 200
    assert SECRET not in response.content.decode()


def test_a_hidden_attendees_country_is_not_told_either(db, staff_member):
    made = lunch(confidentiality="public", status="confirmed")
    mayor_of_paris(made)
    envoy = holder("foreign_ambassador", SECRET, gender="f", country="JP")
    hidden = visit_of("Someone Else", confidentiality="confidential")
    VisitGuest.objects.create(visit=hidden, guest=envoy, role=DelegationRole.PRINCIPAL)
    attending(made, envoy, role="delegation")
    found = ceremony_engagements(staff_member).get(pk=made.pk)
    plan = ceremony_plan(ceremony_rows(found, staff_member))
    assert "JP" not in [mast.country for mast in plan.masts]
    assert all("Jap" not in forms.suscription for forms in plan.forms.values())


@pytest.mark.parametrize("cleared", [False, True])
def test_a_hidden_attendees_dates_are_not_told_in_the_order(
    db, staff_member, cleared_officer, cleared
):
    """Two ministers rank by age: the step between them gives the years only to a viewer who
    may read both names."""
    made = lunch(confidentiality="public", status="confirmed")
    mayor_of_paris(made)
    secret = holder("minister", SECRET, gender="f", born_on=date(1961, 3, 4))
    hidden = visit_of("Someone Else", confidentiality="confidential")
    VisitGuest.objects.create(visit=hidden, guest=secret, role=DelegationRole.PRINCIPAL)
    attending(made, secret)
    attending(made, holder("minister", "Jean Martin", gender="m", born_on=date(1970, 1, 1)))
    viewer = cleared_officer if cleared else staff_member
    found = ceremony_engagements(viewer).get(pk=made.pk)
    with translation.override("en"):
        steps = [step.text for step in ceremony_plan(ceremony_rows(found, viewer)).ranking.steps()]
    tie = next(text for text in steps if "the elder first" in text)
    assert ("1961" in tie) == cleared
    assert ("1970" in tie) == cleared
