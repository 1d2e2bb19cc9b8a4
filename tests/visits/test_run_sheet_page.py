"""A visit's run-sheet (the "déroulé"), in the viewer's language."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import (
    GuestFactory,
    HostFactory,
    VenueFactory,
    VisitFactory,
)
from tests.visits.staff_pages import (
    TUESDAY,
    engagement,
    page_of,
    signed_in,
    utc,
    visit_of,
)
from visits.models import VisitGuest
from visits.models.choices import DelegationRole

pytestmark = pytest.mark.django_db


def run_sheet_url(visit) -> str:
    return reverse("staff:run_sheet", args=[visit.reference])


def test_run_sheet_of_a_confidential_visit_is_not_found_for_staff(
    staff_client, cleared_client, secret_talks
):
    url = run_sheet_url(secret_talks.visit)
    response = staff_client.get(url)
    assert response.status_code == 404
    assert "Ms Secret" not in response.content.decode()
    assert "Ms Secret" in cleared_client.get(url).content.decode()


def test_run_sheet_of_an_unknown_reference_is_not_found(staff_client):
    visit_of("Roberto Gualtieri")
    assert staff_client.get(reverse("staff:run_sheet", args=["V-2027-999"])).status_code == 404


@pytest.fixture
def rome_visit():
    """A two-day visit: programme, hosts, delegation and notes in both languages."""
    mayor = HostFactory(
        name="Anne Hidalgo", office_fr="Maire de Paris", office_en="Mayor of Paris", precedence=1
    )
    deputy = HostFactory(
        name="Patrick Bloche",
        office_fr="Premier adjoint",
        office_en="First Deputy Mayor",
        precedence=2,
    )
    gualtieri = GuestFactory(
        name="Roberto Gualtieri",
        title_fr="Maire de Rome",
        title_en="Mayor of Rome",
        salutation_fr="Monsieur le Maire",
        salutation_en="Dear Mayor",
    )
    visit = VisitFactory(
        principal=gualtieri,
        starts_on=TUESDAY,
        ends_on=date(2027, 7, 14),
        occasion_fr="Visite du maire de Rome",
        occasion_en="Visit of the Mayor of Rome",
        notes="Flags of Italy and France.\nAnthems at the arrival.",
    )
    VisitGuest.objects.create(
        visit=visit,
        guest=GuestFactory(name="Lucia Bianchi", title_fr="", title_en=""),
        role=DelegationRole.INTERPRETER,
        position=1,
    )
    visit.hosts.set([mayor])
    fetes = VenueFactory(name="Salle des Fêtes")
    # Made out of order; the page sorts them.
    engagement(
        visit,
        utc(TUESDAY, 9),
        90,
        [deputy, mayor],
        kind="lunch",
        title_fr="Déjeuner",
        title_en="Lunch",
        venue=fetes,
        notes="Interpreter seated left of the Mayor.",
    )
    engagement(
        visit,
        utc(TUESDAY, 8, 30),
        25,
        [mayor],
        kind="welcome",
        title_fr="Accueil",
        title_en="Welcome",
        venue=None,
        location="Parvis",
    )
    engagement(visit, utc(TUESDAY, 8, 50), title_en="Dropped", status="cancelled")
    engagement(
        visit,
        utc(date(2027, 7, 14), 8),
        45,
        [],
        kind="golden_book",
        title_fr="Signature du Livre d'or",
        title_en="Golden Book signing",
        status="tentative",
        venue=fetes,
    )
    return visit


def test_run_sheet_shows_the_programme_in_time_order_with_durations(staff_client, rome_visit):
    page = page_of(staff_client.get(run_sheet_url(rome_visit)))
    assert page.sections["Programme"] == [
        [
            "10:30–10:55 25 minutes",
            "Welcome Welcome on arrival Add to my calendar · Ceremony (Welcome)"
            " · Invitations (Welcome)",
            "Parvis",
            "Anne Hidalgo (Mayor of Paris)",
        ],
        [
            "11:00–12:30 90 minutes",
            "Lunch Lunch Interpreter seated left of the Mayor. Add to my calendar"
            " · Ceremony (Lunch) · Invitations (Lunch)",
            "Salle des Fêtes",
            "Anne Hidalgo (Mayor of Paris) Patrick Bloche (First Deputy Mayor)",
        ],
        [
            "10:00–10:45 45 minutes",
            "Golden Book signing Golden Book signing Tentative Add to my calendar"
            " · Ceremony (Golden Book signing) · Invitations (Golden Book signing)",
            "Salle des Fêtes",
            "",
        ],
    ]


def test_run_sheet_shows_the_delegation_with_titles_and_forms_of_address(staff_client, rome_visit):
    response = staff_client.get(run_sheet_url(rome_visit))
    page = page_of(response)
    assert page.sections["Guests and delegation"] == [
        ["Roberto Gualtieri Italy", "Principal guest", "Mayor of Rome", "Dear Mayor"],
        ["Lucia Bianchi Italy", "Interpreter", "—", "—"],
    ]
    text = response.content.decode()
    assert "<li>Anne Hidalgo, Mayor of Paris</li>" in text
    assert "Flags of Italy and France.<br>Anthems at the arrival." in text
    assert "<h1>Visit of the Mayor of Rome</h1>" in text
    assert "Dropped" not in text


def test_run_sheet_in_french_shows_the_french_fields_and_dates(staff_member, rome_visit):
    response = signed_in(staff_member, "fr").get(run_sheet_url(rome_visit))
    page = page_of(response)
    text = response.content.decode()
    assert '<html lang="fr">' in text
    assert "<h1>Visite du maire de Rome</h1>" in text
    assert "mardi 13 juillet 2027" in text and "mercredi 14 juillet 2027" in text
    programme, delegation = (rows for rows in page.sections.values() if rows)
    assert [row[1].split(" ")[0] for row in programme] == ["Accueil", "Déjeuner", "Signature"]
    assert programme[1][3] == "Anne Hidalgo (Maire de Paris) Patrick Bloche (Premier adjoint)"
    assert delegation[0] == [
        "Roberto Gualtieri Italie",
        delegation[0][1],
        "Maire de Rome",
        "Monsieur le Maire",
    ]
    for english in ("Visit of the Mayor of Rome", "Mayor of Paris", "Dear Mayor", "July"):
        assert english not in text


def test_run_sheet_in_english_shows_the_english_fields_and_dates(staff_client, rome_visit):
    text = staff_client.get(run_sheet_url(rome_visit)).content.decode()
    assert '<html lang="en">' in text
    assert "Tuesday 13 July 2027" in text and "Wednesday 14 July 2027" in text
    for french in ("Visite du maire de Rome", "Maire de Paris", "Monsieur le Maire", "juillet"):
        assert french not in text


def test_run_sheet_duration_across_the_spring_change_is_real_time(staff_client):
    visit = visit_of("Roberto Gualtieri", starts_on=date(2027, 3, 28))
    engagement(visit, utc(date(2027, 3, 28), 0, 30), 60)
    rows = page_of(staff_client.get(run_sheet_url(visit))).sections["Programme"]
    assert rows[0][0] == "01:30–03:30 60 minutes"


@pytest.mark.parametrize("count", [1, 3])
def test_run_sheet_query_count_does_not_grow_with_engagements(
    staff_client, django_assert_num_queries, count
):
    visit = visit_of("Roberto Gualtieri")
    VisitGuest.objects.create(
        visit=visit, guest=GuestFactory(), role=DelegationRole.INTERPRETER, position=1
    )
    hosts = [HostFactory(), HostFactory()]
    visit.hosts.set(hosts)
    for number in range(count):
        engagement(visit, utc(TUESDAY, 8 + 2 * number), hosts=hosts, venue=VenueFactory())
    with django_assert_num_queries(11):
        response = staff_client.get(run_sheet_url(visit))
    assert len(page_of(response).sections["Programme"]) == count


def test_run_sheet_of_a_malformed_reference_is_not_found(staff_client):
    assert staff_client.get("/staff/visits/%00/run-sheet/").status_code == 404
    assert staff_client.get("/staff/visits/V 2027/run-sheet/").status_code == 404


def test_each_engagement_of_the_run_sheet_can_be_added_to_ones_calendar(staff_client):
    visit = visit_of("Roberto Gualtieri")
    reception = engagement(visit, utc(TUESDAY, 8), title_en="Reception")
    html = staff_client.get(run_sheet_url(visit)).content.decode()
    link = reverse("calendars:engagement", args=[reception.uid]) + "?lang=en"
    assert f'href="{link}"' in html
    download = staff_client.get(link)
    assert download.status_code == 200
    assert b"SUMMARY:Reception: Roberto Gualtieri\r\n" in download.content
