"""The protocol office changes who attends a ceremony with plain forms on its page, each
refusal shown beside its field with nothing written."""

import re

import pytest

from tests.ceremony_factories import (
    ceremony_url,
    guest_of_honour,
    holder,
    lunch,
    mayor_of_paris,
    minister,
)
from tests.factories import GuestFactory, HostFactory
from tests.visits.ceremony_pages import (  # noqa: F401 (fixtures)
    names_in_order,
    office_client_fixture,
    order_of,
    post,
    precedence,
    revision_of,
)
from tests.visits.staff_pages import page_of, visible_text
from visits.models import Attendance
from visits.models.ceremony_choices import AttendanceRole

pytestmark = pytest.mark.django_db


# What the office changes


def test_office_adds_the_delegation_and_the_hosts(office_client):
    made = lunch()
    host = HostFactory(name="Anne Hidalgo", person=holder("mayor_of_paris", "Anne Hidalgo"))
    made.hosts.set([host])
    response = post(office_client, made, "gather")
    assert response.status_code == 302
    assert response["Location"] == ceremony_url(made) + "#order"
    roles = dict(Attendance.objects.filter(engagement=made).values_list("guest__name", "role"))
    assert roles == {"Anne Hidalgo": AttendanceRole.HOST, "Roberto Gualtieri": "guest_of_honour"}
    page = office_client.get(response["Location"])
    added = "2 people added from the delegation, the hosts and the invitees who accepted."
    assert added in visible_text(page)


def test_office_finds_a_guest_by_name_accents_ignored_and_adds_them(office_client):
    made = lunch()
    wanted = holder("deputy", "Hélène Lefèvre")
    GuestFactory(name="Someone Else")
    found = office_client.get(ceremony_url(made), {"find": "helene lef"})
    rows = page_of(found).sections["Order of precedence"]
    assert [row[0] for row in rows] == ["Hélène Lefèvre France"]
    response = post(office_client, made, "add", guest=wanted.pk, role="authority")
    assert response.status_code == 302
    assert Attendance.objects.get(engagement=made).guest == wanted
    assert revision_of(made) == 1
    found = office_client.get(ceremony_url(made), {"find": "helene lef"})
    assert page_of(found).sections["Order of precedence"][-1] == [
        "Hélène Lefèvre France",
        "—",
        "Already attends",
    ]


def test_office_cannot_find_nor_add_a_guest_known_only_from_a_hidden_visit(office_client):
    made = lunch()
    secret = lunch("Ms Secret", confidentiality="confidential").visit.participants.get().guest
    found = office_client.get(ceremony_url(made), {"find": "Secret"})
    assert "Ms Secret" not in found.content.decode()
    response = post(office_client, made, "add", guest=secret.pk, role="authority")
    assert response.status_code == 400
    assert "Choose the person among those found." in visible_text(response)
    assert not Attendance.objects.filter(engagement=made).exists()


def test_office_places_an_attendee_after_a_rank_with_a_reason_shown_in_the_order(office_client):
    made = lunch()
    mayor_of_paris(made)
    rome = guest_of_honour(made)
    response = post(
        office_client,
        made,
        "change",
        attendance=rome.pk,
        role="guest_of_honour",
        capacity="own",
        place_after=1,
        place_after_reason="Guest of the City",
        speaks="on",
    )
    assert response.status_code == 302
    rome.refresh_from_db()
    assert (rome.place_after, rome.place_after_reason) == (1, "Guest of the City")
    response = office_client.get(ceremony_url(made))
    assert names_in_order(response) == ["Roberto Gualtieri", "Anne Hidalgo"]
    assert (
        "D art. 18: placed after rank 1 by the inviting authority: Guest of the City"
        in (order_of(response)[0])
    )


def test_office_change_without_a_reason_is_refused_beside_the_field_and_nothing_written(
    office_client,
):
    made = lunch()
    mayor_of_paris(made)
    rome = guest_of_honour(made)
    response = office_client.post(
        ceremony_url(made) + f"?change={rome.pk}",
        {
            "action": "change",
            "revision": 0,
            "attendance": rome.pk,
            "role": "guest_of_honour",
            "capacity": "own",
            "place_after": 1,
            "place_after_reason": "",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    field = re.search(r'id="change-place_after_reason".*?</div>', html, re.S)[0]
    assert "Say why: the reason is shown with the order." in field
    rome.refresh_from_db()
    assert rome.place_after is None
    assert revision_of(made) == 0


def test_office_change_of_a_ceremony_changed_meanwhile_is_refused(office_client):
    made = lunch()
    attendance = mayor_of_paris(made)
    minister(made)
    read = revision_of(made)
    assert post(office_client, made, "keep").status_code == 302  # someone else, meanwhile
    response = post(office_client, made, "remove", attendance=attendance.pk, revision=read)
    assert response.status_code == 400
    assert "Someone changed this ceremony since you read it" in visible_text(response)
    assert Attendance.objects.filter(pk=attendance.pk).exists()


def test_office_removes_an_attendee(office_client):
    made = lunch()
    attendance = mayor_of_paris(made)
    response = post(office_client, made, "remove", attendance=attendance.pk)
    assert response.status_code == 302
    assert not Attendance.objects.filter(engagement=made).exists()
    assert "Anne Hidalgo no longer attends." in visible_text(office_client.get(ceremony_url(made)))


def test_office_unknown_action_is_a_bad_request(office_client):
    made = lunch()
    assert post(office_client, made, "burn").status_code == 400


def test_office_sees_the_change_form_of_the_attendee_asked(office_client):
    made = lunch()
    rome = guest_of_honour(made)
    html = office_client.get(ceremony_url(made), {"change": rome.pk}).content.decode()
    assert "Change: Roberto Gualtieri" in html
    assert 'name="place_after_reason"' in html
    assert "Remove Roberto Gualtieri from this ceremony" in html


@pytest.mark.parametrize("attendance", ["", "abc", "999999"])
def test_office_change_naming_no_attendee_of_this_ceremony_is_a_400_not_a_500(
    office_client, attendance
):
    made = lunch()
    mayor_of_paris(made)
    response = office_client.post(
        ceremony_url(made),
        {"action": "change", "revision": 0, "attendance": attendance, "role": "host"},
    )
    assert response.status_code == 400
    assert revision_of(made) == 0
