"""An engagement's invitations for the office (visits/views/invitation_list.py), through
Django's test client: inviting from the registry, a group and another list; the replies against
the capacity, the waiting list in order, the needs, the representatives and refusing one; the
CSV; staff read without writing; a fixed number of queries for 1 and 3 invitations."""

import csv
import io

import pytest
from django.urls import reverse

from tests.ceremony_factories import holder
from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    VenueFactory,
)
from tests.visits.staff_pages import signed_in
from visits.models import AddressCard, Invitation
from visits.models.invitations import Answer
from visits.services.invitations import invite, reply


@pytest.fixture
def reception(db):
    return EngagementFactory(
        title_en="Reception for Finland", venue=VenueFactory(name="Salon", capacity=2)
    )


def page(engagement, query=""):
    return reverse("staff:invitations", args=[engagement.uid]) + query


@pytest.fixture
def office(officer):
    return signed_in(officer)


def test_the_office_invites_guests_found_in_the_registry(office, reception):
    emilie, jean = GuestFactory(name="Émilie Durand"), GuestFactory(name="Jean Martin")
    found = office.get(page(reception, "?find=emilie")).content.decode()
    assert f'name="guest" value="{emilie.pk}"' in found and "Jean Martin" not in found
    response = office.post(
        page(reception),
        {"action": "invite_guests", "guest": [emilie.pk], "companion_allowed": "on"},
        follow=True,
    )
    assert "1 invited" in response.content.decode()
    invitation = Invitation.objects.get()
    assert (invitation.guest, invitation.companion_allowed, invitation.transferable) == (
        emilie,
        True,
        False,
    )
    assert not Invitation.objects.filter(guest=jean).exists()


def test_the_office_invites_a_group_and_another_engagements_list(office, reception):
    councillors = [holder("councillor_of_paris", f"Conseiller {n}") for n in range(3)]
    holder("foreign_ambassador", "Ambassadrice")
    office.post(page(reception), {"action": "invite_group", "group": "councillors_of_paris"})
    assert set(Invitation.objects.values_list("guest", flat=True)) == {g.pk for g in councillors}
    HonoraryCitizenshipFactory(honoree=GuestFactory(name="Citoyenne d’honneur"))
    office.post(page(reception), {"action": "invite_group", "group": "honorary_citizens"})
    assert reception.invitations.count() == 4
    later = EngagementFactory(title_en="Dinner")
    response = office.post(
        page(later), {"action": "invite_list", "source": str(reception.uid)}, follow=True
    )
    assert "4 invited" in response.content.decode()
    assert later.invitations.count() == 4


def test_an_empty_choice_is_refused_with_its_reason_and_nothing_written(office, reception):
    response = office.post(page(reception), {"action": "invite_guests"})
    assert response.status_code == 400
    assert "Choose guests of the registry to invite." in response.content.decode()
    response = office.post(page(reception), {"action": "invite_group", "group": "everyone"})
    assert response.status_code == 400 and not Invitation.objects.exists()


def test_the_replies_against_the_capacity_the_line_and_the_needs(office, reception):
    guests = [GuestFactory(name=name) for name in ("Ana Ruiz", "Ben Roy", "Cléo Vidal")]
    invited = invite(reception, guests, by=None, transferable=True)
    reply(invited[0], answer=Answer.ACCEPT, dietary_needs="Halal")
    reply(
        invited[1], answer=Answer.REPRESENTED, representative_name="Paul Roy", dietary_needs="Vegan"
    )
    reply(invited[2], answer=Answer.ACCEPT)  # the room holds 2: waits
    text = office.get(page(reception)).content.decode()
    assert "2 of 2" in text
    waiting = text[text.index("The waiting list, in order") :]
    assert "Cléo Vidal" in waiting.split("</ol>")[0]
    assert "Halal" in text and "Ben Roy</strong> → Paul Roy" in text
    needs = text[text.index("Needs to pass on") :]
    # Ben sends a representative: his own needs are not theirs.
    assert "Ana Ruiz" in needs and "Ben Roy" not in needs and "Vegan" not in needs
    refused = office.post(
        page(reception), {"action": "refuse_representative", "invitation": invited[1].pk}
    )
    assert refused.status_code == 302
    states = [Invitation.objects.get(pk=one.pk).state for one in invited]
    assert states == ["accepted", "no_reply", "accepted"]  # the place went to the first waiting
    assert AddressCard.objects.get(guest=guests[0]).dietary_needs == "Halal"


def test_staff_read_the_list_but_may_not_invite(staff_member, reception):
    staff = signed_in(staff_member)
    invite(reception, [GuestFactory(name="Ana Ruiz")], by=None)
    text = staff.get(page(reception)).content.decode()
    assert "Ana Ruiz" in text and 'value="invite_group"' not in text
    response = staff.post(page(reception), {"action": "invite_group", "group": "ambassadors"})
    assert response.status_code == 403


def test_the_csv_holds_the_list_without_addresses_or_needs(office, reception):
    invitation = invite(reception, [GuestFactory(name="Ana Ruiz")], by=None)[0]
    reply(invitation, answer=Answer.ACCEPT, dietary_needs="Halal")
    response = office.get(reverse("staff:invitations_csv", args=[reception.uid]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Name", "Reply", "Companion", "Representative", "Replied", "Arrived"]
    assert rows[1][:2] == ["Ana Ruiz", "Accepted"]
    assert "Halal" not in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_the_page_reads_in_the_same_number_of_queries_for_1_and_3(
    office, reception, django_assert_num_queries, count
):
    invited = invite(reception, [GuestFactory() for _ in range(count)], by=None, transferable=True)
    for one in invited:
        reply(one, answer=Answer.REPRESENTED, representative_name="Paul Roy", dietary_needs="Vegan")
    with django_assert_num_queries(QUERIES):
        office.get(page(reception))


# The session, the user and their permissions, the engagement; the replies' counts; a page of
# the list and its count; the waiting line, the needs, the representations and their ranks
# (the ceremony's list and ranks, the offices, the invitees' offices: the ceremony's options
# and the reception come with the engagement); the registry's search (none asked) and the
# other lists; inside the request's savepoint.
QUERIES = 18


@pytest.mark.parametrize("count", [1, 3])
def test_the_csv_reads_in_the_same_number_of_queries_for_1_and_3(
    office, reception, django_assert_num_queries, count
):
    invite(reception, [GuestFactory() for _ in range(count)], by=None)
    # The session, the user and their permissions, the engagement, the list; inside the
    # request's savepoint and its release.
    with django_assert_num_queries(8):
        office.get(reverse("staff:invitations_csv", args=[reception.uid]))


def test_the_office_sends_the_invitations_by_e_mail_once(office, reception, staff_member):
    guest = GuestFactory(name="Ana Ruiz")
    AddressCard.objects.create(guest=guest, email="ana@example.es")
    invite(reception, [guest, GuestFactory(name="Ben Roy")], by=None)  # Ben has no address
    sent = office.post(page(reception), {"action": "send"}, follow=True).content.decode()
    assert "Invitations to send by e-mail: 1 (" in sent
    again = office.post(page(reception), {"action": "send"}, follow=True).content.decode()
    assert "Invitations to send by e-mail: 0 (" in again
    assert signed_in(staff_member).post(page(reception), {"action": "send"}).status_code == 403
