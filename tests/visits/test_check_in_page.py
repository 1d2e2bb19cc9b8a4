"""The entrance (visits/views/check_in.py) through Django's test client: found by name with
accents and case ignored, or by the QR code's URL; one arrival however many taps; a guest the
viewer may not see found by code only, under a neutral name; the place kept; the register."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.conftest import user_in
from tests.factories import EngagementFactory, GuestFactory
from tests.visits.staff_pages import signed_in, visit_of
from visits.models import Attendance, Invitation, VisitGuest
from visits.models.choices import DelegationRole
from visits.models.invitations import Answer
from visits.roles import STAFF
from visits.services.invitations import invite, reply


@pytest.fixture
def evening(db):
    engagement = EngagementFactory(title_en="Reception for Finland", title_fr="Réception")
    emilie = GuestFactory(name="Émilie Durand")
    jean = GuestFactory(name="Jean Martin")
    secret = GuestFactory(name="Ms Hush-Hush")
    hidden = visit_of("Someone Else", confidentiality="confidential")
    VisitGuest.objects.create(visit=hidden, guest=secret, role=DelegationRole.PRINCIPAL)
    invited = {one.guest.name: one for one in invite(engagement, [emilie, jean, secret], by=None)}
    reply(invited["Émilie Durand"], answer=Answer.ACCEPT)
    Attendance.objects.create(engagement=engagement, guest=emilie, table=3, seat=5)
    return engagement, invited


def page(engagement, **query):
    url = reverse("staff:check_in", args=[engagement.uid])
    return f"{url}?q={query['q']}" if query else url


def code_url(invitation):
    return reverse("staff:door_code", args=[invitation.door_code])


@pytest.fixture
def door(staff_member):
    return signed_in(staff_member)


def test_a_name_is_found_without_its_accents_with_its_reply_and_place(door, evening):
    engagement, _invited = evening
    text = door.get(page(engagement, q="EMILIE")).content.decode()
    assert "Émilie Durand" in text and "Accepted" in text and "Table 3, place 5" in text
    assert "<strong>Jean Martin</strong>" not in text  # offered as one types, not found


def test_a_guest_the_viewer_may_not_see_is_not_found_by_name(door, evening):
    engagement, _invited = evening
    text = door.get(page(engagement, q="hush")).content.decode()
    assert "Hush" not in text and "Nobody invited is called" in text
    assert "Hush" not in door.get(page(engagement)).content.decode()  # nor offered as one types


def test_one_arrival_however_many_taps(door, evening):
    engagement, invited = evening
    jean = invited["Jean Martin"]
    first = door.post(page(engagement, q="jean"), {"invitation": jean.pk}, follow=True)
    assert "Jean Martin: arrived at" in first.content.decode()
    again = door.post(page(engagement, q="jean"), {"invitation": jean.pk}, follow=True)
    assert "Jean Martin had already arrived, at" in again.content.decode()
    assert Invitation.objects.filter(arrived_at__isnull=False).count() == 1
    assert "1 arrived · 1 accepted · 3 invited · 1 came without accepting" in again.content.decode()


def test_the_qr_codes_url_opens_the_invitation_and_checks_in_once(door, evening):
    _engagement, invited = evening
    url = code_url(invited["Émilie Durand"])
    text = door.get(url).content.decode()
    assert "Émilie Durand" in text and "Mark arrived" in text and "Table 3, place 5" in text
    assert door.post(url).status_code == 302
    assert "Already arrived, at" in door.get(url).content.decode()


def test_a_hidden_guest_is_checked_in_by_code_under_a_neutral_name(door, evening):
    _engagement, invited = evening
    url = code_url(invited["Ms Hush-Hush"])
    text = door.get(url).content.decode()
    assert "Confidential guest" in text and "Hush" not in text
    followed = door.post(url, follow=True).content.decode()
    assert "Confidential guest: arrived at" in followed and "Hush" not in followed


def test_an_unknown_code_says_so(door, evening):
    response = door.get(reverse("staff:door_code", args=["not-a-code"]))
    assert response.status_code == 404
    assert "This code opens no invitation" in response.content.decode()


def test_a_refused_invitation_number_is_a_bad_request_and_changes_nothing(door, evening):
    engagement, _invited = evening
    for sent in ("", "abc", "999999"):
        assert door.post(page(engagement), {"invitation": sent}).status_code == 400
    assert not Invitation.objects.filter(arrived_at__isnull=False).exists()


def test_staff_who_may_not_check_in_are_refused(evening):
    engagement, invited = evening
    reader = user_in(STAFF, "reader")
    reader.groups.first().permissions.remove(Permission.objects.get(codename="check_in_invitation"))
    client = signed_in(reader)
    assert client.get(page(engagement)).status_code == 403
    assert client.post(code_url(invited["Jean Martin"])).status_code == 403


def test_the_register_says_who_came_and_who_came_without_accepting(door, evening):
    engagement, invited = evening
    door.post(code_url(invited["Jean Martin"]))
    response = door.get(reverse("staff:check_in_register", args=[engagement.uid]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Name", "Reply", "Arrived", "Came without accepting"]
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"Émilie Durand", "Jean Martin", "Confidential guest"}
    assert by_name["Jean Martin"][1:2] == ["No reply yet"] and by_name["Jean Martin"][3] == "yes"
    assert by_name["Émilie Durand"][2:] == ["", ""]


@pytest.mark.parametrize("term", ["emilie", "ana"])  # 1 found, then 3
def test_the_search_reads_in_the_same_number_of_queries_for_1_and_3_found(
    door, evening, django_assert_num_queries, term
):
    engagement, _invited = evening
    for name in ("Ana Ruiz", "Ana Sousa", "Anaïs Petit"):
        invite(engagement, [GuestFactory(name=name)], by=None)
    with django_assert_num_queries(QUERIES):
        response = door.get(page(engagement, q=term))
    assert response.content.decode().count('name="invitation"') == (1 if term == "emilie" else 3)


# The session, the user and their permissions, the engagement, the invitations found, their
# places, the tally, the names offered as one types; inside the request's savepoint.
QUERIES = 11


@pytest.mark.parametrize("count", [1, 3])
def test_the_register_reads_in_the_same_number_of_queries_for_1_and_3(
    door, django_assert_num_queries, count
):
    engagement = EngagementFactory()
    invite(engagement, [GuestFactory() for _ in range(count)], by=None)
    # The session, the user and their permissions, the engagement, the list; inside the
    # request's savepoint and its release.
    with django_assert_num_queries(8):
        door.get(reverse("staff:check_in_register", args=[engagement.uid]))
