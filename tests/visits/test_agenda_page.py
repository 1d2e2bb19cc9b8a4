"""The staff agenda: a week or a day of engagements, in Paris time."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    GuestFactory,
    HostFactory,
    UserFactory,
    VenueFactory,
)
from tests.visits.staff_pages import (
    MONDAY,
    TUESDAY,
    agenda_url,
    engagement,
    listed,
    page_of,
    signed_in,
    utc,
    visible_text,
    visit_of,
)
from visits.models import VisitGuest
from visits.models.choices import DelegationRole

pytestmark = pytest.mark.django_db


def test_staff_page_anonymous_is_sent_to_sign_in(client, staff_page):
    response = client.get(staff_page)
    assert response.status_code == 302
    assert response.url == f"{reverse('staff:login')}?next={staff_page}"


def test_staff_page_user_without_the_staff_permission_is_refused(staff_page):
    response = signed_in(UserFactory(username="visitor", is_staff=False)).get(staff_page)
    assert response.status_code == 403


def test_agenda_now_redirects_to_this_week_keeping_the_filters(staff_client):
    this_week = agenda_url(timezone.localdate())
    assert staff_client.get(reverse("staff:agenda_now")).url == this_week
    response = staff_client.get(reverse("staff:agenda_now"), {"venue": "4", "host": "7"})
    assert response.status_code == 302
    assert response.url == f"{this_week}?venue=4&host=7"


# The agenda


def test_agenda_week_lists_engagements_in_time_order_in_paris_time(staff_client):
    mayor = HostFactory(name="Anne Hidalgo", precedence=1)
    deputy = HostFactory(name="Patrick Bloche", precedence=2)
    rome = visit_of("Roberto Gualtieri")
    VisitGuest.objects.create(
        visit=rome, guest=GuestFactory(name="Lucia Bianchi"), role=DelegationRole.INTERPRETER
    )
    berlin = visit_of("Kai Wegner")
    fetes, arcades = VenueFactory(name="Salle des Fêtes"), VenueFactory(name="Salon des Arcades")
    # Made out of order; the page sorts them.
    engagement(
        berlin, utc(date(2027, 7, 14), 13, 30), 45, [deputy], title_en="Talks", venue=arcades
    )
    engagement(rome, utc(TUESDAY, 9), 60, [deputy, mayor], title_en="Welcome", venue=fetes)
    engagement(berlin, utc(TUESDAY, 8), 30, [], title_en="Press", venue=arcades)
    engagement(rome, utc(date(2027, 7, 18), 21, 30), 20, [mayor], title_en="Late", venue=fetes)
    # 23:00 on Sunday 11 and 00:30 on Monday 19 in Paris: the weeks around it.
    engagement(rome, utc(date(2027, 7, 11), 21), title_en="Before", venue=fetes)
    engagement(rome, utc(date(2027, 7, 18), 22, 30), title_en="After", venue=fetes)

    page = page_of(staff_client.get(agenda_url(date(2027, 7, 15))))

    assert page.sections == {
        "Monday 12 July 2027": [],
        "Tuesday 13 July 2027": [
            ["10:00–10:30", f"Press {berlin.reference}", "Salon des Arcades", "", "Kai Wegner"],
            [
                "11:00–12:00",
                f"Welcome {rome.reference}",
                "Salle des Fêtes",
                "Anne Hidalgo, Patrick Bloche",
                "Roberto Gualtieri",
            ],
        ],
        "Wednesday 14 July 2027": [
            [
                "15:30–16:15",
                f"Talks {berlin.reference}",
                "Salon des Arcades",
                "Patrick Bloche",
                "Kai Wegner",
            ],
        ],
        "Thursday 15 July 2027": [],
        "Friday 16 July 2027": [],
        "Saturday 17 July 2027": [],
        "Sunday 18 July 2027": [
            [
                "23:30–23:50",
                f"Late {rome.reference}",
                "Salle des Fêtes",
                "Anne Hidalgo",
                "Roberto Gualtieri",
            ],
        ],
    }


def test_agenda_day_view_shows_only_that_day(staff_client):
    visit = visit_of("Roberto Gualtieri")
    engagement(visit, utc(MONDAY, 9), title_en="Monday")
    engagement(visit, utc(TUESDAY, 9), title_en="Tuesday morning")
    engagement(visit, utc(TUESDAY, 14), title_en="Tuesday afternoon")
    engagement(visit, utc(date(2027, 7, 14), 9), title_en="Wednesday")
    response = staff_client.get(agenda_url(TUESDAY, "day"))
    assert list(page_of(response).sections) == ["Tuesday 13 July 2027"]
    assert listed(response) == ["Tuesday morning", "Tuesday afternoon"]


@pytest.mark.parametrize(
    ("period", "day", "previous", "following"),
    [
        ("week", date(2027, 7, 14), date(2027, 7, 5), date(2027, 7, 19)),
        ("day", TUESDAY, MONDAY, date(2027, 7, 14)),
        ("week", date(2027, 1, 1), date(2026, 12, 21), date(2027, 1, 4)),
    ],
)
def test_agenda_previous_and_next_links_keep_the_filters(
    staff_client, period, day, previous, following
):
    venue, host = VenueFactory(), HostFactory()
    filters = f"?venue={venue.pk}&host={host.pk}"
    page = page_of(staff_client.get(agenda_url(day, period) + filters))
    assert page.links == {
        "prev": agenda_url(previous, period) + filters,
        "next": agenda_url(following, period) + filters,
    }


@pytest.fixture
def two_rooms_two_hosts():
    fetes, arcades = VenueFactory(name="Salle des Fêtes"), VenueFactory(name="Salon des Arcades")
    mayor, deputy = HostFactory(name="Anne Hidalgo"), HostFactory(name="Patrick Bloche")
    visit = visit_of("Roberto Gualtieri")
    engagement(visit, utc(TUESDAY, 8), hosts=[mayor], venue=fetes, title_en="Fêtes with mayor")
    engagement(visit, utc(TUESDAY, 10), hosts=[deputy], venue=fetes, title_en="Fêtes with deputy")
    engagement(visit, utc(TUESDAY, 12), hosts=[mayor, deputy], venue=arcades, title_en="Arcades")
    engagement(visit, utc(TUESDAY, 14), hosts=[], venue=arcades, title_en="Arcades, no host")
    return {"fetes": fetes, "arcades": arcades, "mayor": mayor, "deputy": deputy}


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        ({"venue": "fetes"}, ["Fêtes with mayor", "Fêtes with deputy"]),
        ({"venue": "arcades"}, ["Arcades", "Arcades, no host"]),
        ({"host": "mayor"}, ["Fêtes with mayor", "Arcades"]),
        ({"host": "deputy"}, ["Fêtes with deputy", "Arcades"]),
        ({"venue": "arcades", "host": "mayor"}, ["Arcades"]),
        ({}, ["Fêtes with mayor", "Fêtes with deputy", "Arcades", "Arcades, no host"]),
    ],
)
def test_agenda_filter_keeps_only_matching_engagements(
    staff_client, two_rooms_two_hosts, chosen, expected
):
    query = {field: two_rooms_two_hosts[name].pk for field, name in chosen.items()}
    response = staff_client.get(agenda_url(), query)
    assert response.status_code == 200
    assert listed(response) == expected


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("venue", "999999"),
        ("host", "abc"),
        ("host", "1.5"),
        ("venue", "99999999999999999999999"),  # beyond a bigint
    ],
)
def test_agenda_invalid_filter_answers_400_naming_the_field(staff_client, field, value):
    engagement(visit_of("Roberto Gualtieri"), utc(TUESDAY, 9), title_en="Welcome")
    response = staff_client.get(agenda_url(), {field: value})
    assert response.status_code == 400
    assert list(response.context["filters"].errors) == [field]
    assert f"{field} Select a valid choice." in visible_text(response)
    assert "Welcome" not in response.content.decode()


def test_agenda_tentative_engagement_is_marked_tentative(staff_client):
    visit = visit_of("Roberto Gualtieri")
    engagement(visit, utc(TUESDAY, 8), title_en="Pencilled", status="tentative")
    engagement(visit, utc(TUESDAY, 10), title_en="Settled", status="confirmed")
    rows = page_of(staff_client.get(agenda_url())).sections["Tuesday 13 July 2027"]
    assert [row[1] for row in rows] == [
        f"Pencilled {visit.reference} Tentative",
        f"Settled {visit.reference}",
    ]


def test_agenda_overlapping_engagements_in_one_room_are_both_marked_clash(staff_client):
    room, other_room = VenueFactory(name="Salon Jaune"), VenueFactory(name="Salon Vert")
    # Written directly: the services would refuse the second booking of the room.
    first = engagement(visit_of("Roberto Gualtieri"), utc(TUESDAY, 9), 60, venue=room)
    second = engagement(visit_of("Kai Wegner"), utc(TUESDAY, 9, 30), 60, venue=room)
    elsewhere = engagement(visit_of("Sadiq Khan"), utc(TUESDAY, 9), 60, venue=other_room)
    rows = page_of(staff_client.get(agenda_url())).sections["Tuesday 13 July 2027"]
    assert [row[1] for row in rows] == [
        f"Reception {first.visit.reference} Clash",
        f"Reception {elsewhere.visit.reference}",
        f"Reception {second.visit.reference} Clash",
    ]


def test_agenda_leaves_out_cancelled_and_postponed_engagements(staff_client):
    visit = visit_of("Roberto Gualtieri")
    engagement(visit, utc(TUESDAY, 8), title_en="Held", status="confirmed")
    engagement(visit, utc(TUESDAY, 10), title_en="Called off", status="cancelled")
    engagement(visit, utc(TUESDAY, 12), title_en="Moved", status="postponed")
    response = staff_client.get(agenda_url())
    assert listed(response) == ["Held"]
    assert "Called off" not in response.content.decode()
    assert "Moved" not in response.content.decode()


def test_agenda_confidential_engagement_is_a_busy_block_for_staff(staff_client, secret_talks):
    response = staff_client.get(agenda_url())
    rows = page_of(response).sections["Tuesday 13 July 2027"]
    assert rows == [["14:00–15:00", "Confidential engagement", "Salon Jaune", "", ""]]
    text = response.content.decode()
    for secret in ("Secret talks", "Entretien secret", "Ms Secret", secret_talks.visit.reference):
        assert secret not in text


def test_agenda_confidential_engagement_is_shown_in_full_to_a_cleared_officer(
    cleared_client, secret_talks
):
    rows = page_of(cleared_client.get(agenda_url())).sections["Tuesday 13 July 2027"]
    reference = secret_talks.visit.reference
    assert rows == [
        [
            "14:00–15:00",
            f"Secret talks {reference} Confidential",
            "Salon Jaune",
            "Anne Hidalgo",
            "Ms Secret",
        ]
    ]


def test_agenda_busy_block_and_a_visible_engagement_in_its_room_both_show_the_clash(
    staff_client, secret_talks
):
    visit = visit_of("Kai Wegner")
    engagement(visit, utc(TUESDAY, 12, 30), venue=secret_talks.venue)
    rows = page_of(staff_client.get(agenda_url())).sections["Tuesday 13 July 2027"]
    assert [row[:3] for row in rows] == [
        ["14:00–15:00", "Confidential engagement Clash", "Salon Jaune"],
        ["14:30–15:30", f"Reception {visit.reference} Clash", "Salon Jaune"],
    ]


def test_agenda_week_across_the_spring_change_shows_paris_times(staff_client):
    visit = visit_of("Roberto Gualtieri", starts_on=date(2027, 3, 22))
    engagement(visit, utc(date(2027, 3, 22), 9), title_en="Monday, winter time")
    engagement(visit, utc(date(2027, 3, 27), 23, 30), title_en="Sunday, just after midnight")
    engagement(visit, utc(date(2027, 3, 28), 0, 30), title_en="Across the change")
    engagement(visit, utc(date(2027, 3, 28), 9), title_en="Sunday, summer time")
    engagement(visit, utc(date(2027, 3, 28), 22, 30), title_en="Monday 29, next week")
    response = staff_client.get(agenda_url(date(2027, 3, 25)))
    sections = page_of(response).sections
    times = {day: [row[0] for row in rows] for day, rows in sections.items() if rows}
    assert times == {
        "Monday 22 March 2027": ["10:00–11:00"],
        "Sunday 28 March 2027": ["00:30–01:30", "01:30–03:30", "11:00–12:00"],
    }
    assert "Monday 29, next week" not in listed(response)


def test_agenda_day_view_of_the_spring_change_has_its_23_hours(staff_client):
    visit = visit_of("Roberto Gualtieri", starts_on=date(2027, 3, 28))
    engagement(visit, utc(date(2027, 3, 27), 22, 59), 1, title_en="Saturday, last minute")
    engagement(visit, utc(date(2027, 3, 27), 23), 1, title_en="Sunday, first minute")
    engagement(visit, utc(date(2027, 3, 28), 21, 59), 1, title_en="Sunday, last minute")
    engagement(visit, utc(date(2027, 3, 28), 22), 1, title_en="Monday, first minute")
    response = staff_client.get(agenda_url(date(2027, 3, 28), "day"))
    assert listed(response) == ["Sunday, first minute", "Sunday, last minute"]


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_agenda_at_the_edge_of_the_calendar_is_not_found_rather_than_an_error(staff_client, day):
    response = staff_client.get(f"/staff/agenda/week/{day}/")
    assert response.status_code == 404


def test_agenda_of_an_impossible_date_is_not_found(staff_client):
    assert staff_client.get("/staff/agenda/week/2027-02-30/").status_code == 404


def test_staff_pages_have_no_script_and_a_print_stylesheet(staff_client):
    visit = visit_of("Roberto Gualtieri")
    engagement(visit, utc(TUESDAY, 9))
    for url in (agenda_url(), reverse("staff:run_sheet", args=[visit.reference])):
        text = staff_client.get(url).content.decode()
        assert "<script" not in text.lower(), url
        assert not re.search(r"\son[a-z]+=", text), url  # no inline handler either
        # Styles come from a file (the Content-Security-Policy allows no inline style).
        assert '<link rel="stylesheet" href="/static/staff/staff.css">' in text, url
    stylesheet = Path(finders.find("staff/staff.css")).read_text()
    assert "@media print" in stylesheet


@pytest.mark.parametrize("count", [1, 3])
def test_agenda_query_count_does_not_grow_with_engagements(
    staff_client, django_assert_num_queries, count
):
    hosts = [HostFactory(), HostFactory()]
    for number in range(count):
        engagement(visit_of(f"Guest {number}"), utc(TUESDAY, 8 + 2 * number), hosts=hosts)
    with django_assert_num_queries(12):
        response = staff_client.get(agenda_url())
    assert len(listed(response)) == count


@pytest.mark.parametrize("count", [1, 3])
def test_agenda_query_count_with_busy_blocks_and_filters_does_not_grow(
    staff_client, django_assert_num_queries, count
):
    room, mayor = VenueFactory(), HostFactory()
    for number in range(count):
        for confidentiality in ("public", "confidential"):
            engagement(
                visit_of(f"Guest {confidentiality} {number}", confidentiality=confidentiality),
                utc(TUESDAY, 6 + 4 * number + (2 if confidentiality == "confidential" else 0)),
                hosts=[mayor],
                venue=room,
            )
    with django_assert_num_queries(14):
        response = staff_client.get(agenda_url(), {"venue": room.pk, "host": mayor.pk})
    assert listed(response) == ["busy" if n % 2 else "Reception" for n in range(2 * count)]


# The run-sheet


def test_staff_member_who_is_not_an_admin_user_signs_in_and_sees_the_agenda(client, db):
    from tests.conftest import user_in
    from visits.roles import STAFF

    reader = user_in(STAFF, "reader")
    reader.is_staff = False
    reader.save()
    response = client.post(
        reverse("staff:login"),
        {
            "username": "reader",
            "password": "correct horse battery staple",
            "next": agenda_url(),
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302 and response.url == agenda_url()
    page = client.get(agenda_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200 and "Sign out" in page.text
    assert client.post(reverse("staff:logout")).url == reverse("staff:login")
    assert client.get(agenda_url()).status_code == 302
