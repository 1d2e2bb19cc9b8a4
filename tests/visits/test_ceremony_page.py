"""The Ceremony page of an engagement as staff read it through the door: who may read it, what
it shows, and what reading it costs. The office's changes are in test_ceremony_editing.py and
test_ceremony_seating_tools.py."""

import re

import pytest
from django.urls import reverse

from tests.ceremony_factories import (
    attending,
    ceremony_url,
    full_table,
    guest_of_honour,
    holder,
    lunch,
    mayor_of_paris,
    signed_in_as,
    some_guests,
)
from tests.visits.ceremony_pages import (  # noqa: F401 (fixtures)
    names_in_order,
    office_client_fixture,
    order_of,
    post,
    precedence,
    steps_of,
    why_of,
)
from tests.visits.staff_pages import page_of, visible_text
from visits.models import Attendance

pytestmark = pytest.mark.django_db


# Who may read it


def test_ceremony_page_sends_anonymous_visitors_to_sign_in(client):
    made = lunch()
    response = client.get(ceremony_url(made))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:login"))


def test_ceremony_page_shows_staff_the_order_with_the_rule_of_each_rank(staff_client):
    made = lunch()
    full_table(made)
    response = staff_client.get(ceremony_url(made))
    assert names_in_order(response) == [
        "Roberto Gualtieri",  # placed after rank 1 by the office (art. 18)
        "Jean Martin",
        "Emanuela D’Alessandro",  # right after the Government (art. 17)
        "Paul Durand",
        "Anne Hidalgo",  # inviting, not ordered by the Government: after the prefect (art. 9)
    ]
    order = order_of(response)
    assert [row[0] for row in order] == ["1", "2", "3", "4", "5"]
    assert order[1][2:] == [
        "6: Members of the Government",
        "D art. 2, rank 6: Members of the Government",
    ]
    assert order[2][3] == "D art. 17: ambassadors rank right after the Government"
    steps = steps_of(response)
    assert len(steps) == 4  # one explanation between two consecutive rows
    assert steps[1] == "↑ D art. 17: ambassadors rank right after the Government"


def test_ceremony_page_shows_the_office_placing_and_its_reason(staff_client):
    made = lunch()
    mayor_of_paris(made)
    guest_of_honour(made, place_after=1, place_after_reason="Guest of the City")
    response = staff_client.get(ceremony_url(made))
    assert names_in_order(response) == ["Roberto Gualtieri", "Anne Hidalgo"]
    assert order_of(response)[0][2:] == [
        "after 1: Guest of the City",
        "D art. 18: placed after rank 1 by the inviting authority: Guest of the City",
    ]


def test_ceremony_page_marks_who_the_rules_cannot_place_and_what_is_missing(staff_client):
    made = lunch()
    mayor_of_paris(made)
    guest_of_honour(made)  # a foreign mayor: no French list names him
    response = staff_client.get(ceremony_url(made))
    html = response.content.decode()
    assert "Not placed: 1 attendee" in html
    unplaced = re.search(r'<div class="notice warning unplaced">(.*?)</div>', html, re.S)[1]
    assert "Roberto Gualtieri" in unplaced
    assert names_in_order(response) == ["Anne Hidalgo"]


def test_ceremony_page_draws_the_plan_lists_who_sits_where_speakers_and_flags(staff_client):
    made = lunch()
    full_table(made)
    response = staff_client.get(ceremony_url(made))
    html = response.content.decode()
    page = page_of(response)
    assert html.count("<svg") == 2  # the seating plan and the flags
    seated = page.sections["Seating plan"]
    assert sorted(row[0] for row in seated) == sorted(
        ["Anne Hidalgo", "Emanuela D’Alessandro", "Jean Martin", "Paul Durand", "Roberto Gualtieri"]
    )
    text = visible_text(response)
    assert "Proposed from the order" in text
    speakers = re.findall(r'<p class="who"><strong>([^<]+)</strong>', html)
    assert speakers == ["Anne Hidalgo", "Roberto Gualtieri"]  # the host opens (art. 19)
    anthems = re.search(r'<ol class="anthems">(.*?)</ol>', html, re.S)[1]
    assert re.findall(r"<li>([^<]+)</li>", anthems) == ["Italy", "France"]


def test_ceremony_page_escapes_names_in_the_drawing_and_the_lists(staff_client):
    made = lunch()
    mayor_of_paris(made)
    attending(made, holder("deputy", "<script>alert(1)</script> & Co"))
    html = staff_client.get(ceremony_url(made)).content.decode()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


def test_ceremony_page_of_a_confidential_visit_is_not_found_for_who_may_not_see_it(
    staff_client, office_client, cleared_officer
):
    made = lunch("Ms Secret", confidentiality="confidential")
    mayor_of_paris(made)
    for client in (staff_client, office_client):
        response = client.get(ceremony_url(made))
        assert response.status_code == 404
        assert "Ms Secret" not in response.content.decode()
        assert post(client, made, "gather").status_code == 404
    cleared = signed_in_as(cleared_officer).get(ceremony_url(made))
    assert cleared.status_code == 200
    assert "CONFIDENTIAL" in cleared.content.decode()


def test_ceremony_page_is_read_only_for_staff_without_the_office_right(staff_client):
    made = lunch()
    attendance = mayor_of_paris(made)
    html = staff_client.get(ceremony_url(made)).content.decode()
    assert 'name="action"' not in html and "?change=" not in html
    response = post(staff_client, made, "remove", attendance=attendance.pk)
    assert response.status_code == 403
    assert Attendance.objects.filter(pk=attendance.pk).exists()


def test_ceremony_page_in_french_speaks_as_a_protocol_office(staff_member):
    made = lunch()
    full_table(made)
    response = signed_in_as(staff_member, "fr").get(ceremony_url(made))
    sections = list(page_of(response).sections)
    assert sections[:5] == [
        "Ordre protocolaire",
        "Plan de table",
        "Ordre des discours",
        "Ordre d’arrivée et ligne de réception",
        "Pavoisement et hymnes",
    ]
    html = response.content.decode()
    assert "<h1>Déjeuner officiel</h1>" in html
    assert "Placement des invités (ordre alphabétique)" in html
    assert "Italie" in html and "Official lunch" not in html


# What it costs


@pytest.mark.parametrize("count", [1, 3])
def test_ceremony_page_query_count_does_not_grow_with_attendees(
    staff_client, django_assert_num_queries, count
):
    made = lunch()
    mayor_of_paris(made)
    some_guests(count - 1, made)
    with django_assert_num_queries(14):
        response = staff_client.get(ceremony_url(made))
    assert len(order_of(response)) == count


@pytest.mark.parametrize("count", [1, 3])
def test_ceremony_page_for_the_office_query_count_does_not_grow_with_attendees(
    office_client, django_assert_num_queries, count
):
    made = lunch()
    mayor_of_paris(made)
    some_guests(count - 1, made)
    with django_assert_num_queries(16):
        response = office_client.get(ceremony_url(made), {"find": "Conseiller"})
    assert len(names_in_order(response)) == count


@pytest.mark.parametrize("count", [2, 4])
def test_ceremony_page_answering_why_adds_no_query(staff_client, django_assert_num_queries, count):
    made = lunch()
    host = mayor_of_paris(made)
    *_others, last = some_guests(count - 1, made)
    with django_assert_num_queries(14):  # as without the question
        asked = {"first": host.guest.name, "second": last.guest.name}
        response = staff_client.get(ceremony_url(made), asked)
    assert why_of(response).startswith("Anne Hidalgo comes before Conseiller")


def test_engagement_admin_page_links_its_ceremony(officer_client):
    made = lunch()
    page = officer_client.get(reverse("admin:visits_engagement_change", args=[made.pk]))
    assert f'href="{ceremony_url(made)}"' in page.content.decode()
