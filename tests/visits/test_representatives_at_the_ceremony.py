"""Representatives named in replies join the ceremony when the office gathers its attendees
(visits/services/representatives.py): one record per person (found in the registry by name,
accents and case aside, or recorded from the reply), attending for the invitee in the capacity
the reply gives, so the engine ranks them under D art. 13-14 on the Ceremony page."""

import pytest
from django.urls import reverse

from tests.ceremony_factories import holder, office, seeded_precedence
from tests.factories import EngagementFactory, GuestFactory, VenueFactory
from tests.visits.staff_pages import signed_in
from visits.models import Attendance, Guest
from visits.models.ceremony_choices import Capacity
from visits.models.invitations import Answer
from visits.services.ceremony import gather_attendance
from visits.services.invitations import invite, refuse_representative, reply


@pytest.fixture
def reception(db):
    seeded_precedence()
    return EngagementFactory(venue=VenueFactory(capacity=50))


def sends(reception, invitee, name="Emmanuel Grégoire", **representative):
    (invitation,) = invite(reception, [invitee], by=None, transferable=True)
    return reply(invitation, answer=Answer.REPRESENTED, representative_name=name, **representative)


def representing(reception) -> list[Attendance]:
    """The attendances for someone else (gathering adds the visit's principal guests too)."""
    return list(Attendance.objects.filter(engagement=reception, represents__isnull=False))


def test_an_adjoint_is_recorded_and_ranked_for_the_mayor(reception, officer):
    mayor = holder("mayor_of_paris", "Anne Hidalgo")
    sends(
        reception,
        mayor,
        representative_title="Premier adjoint",
        representative_office=office("adjoint_au_maire"),
        representative_capacity=Capacity.ADJOINT_FOR_MAYOR,
    )
    gather_attendance(reception, by=officer)
    (attending,) = representing(reception)
    representative = attending.guest
    assert (representative.name, representative.title_fr) == (
        "Emmanuel Grégoire",
        "Premier adjoint",
    )
    assert [h.office.code for h in representative.holdings.all()] == ["adjoint_au_maire"]
    assert (attending.capacity, attending.represents, attending.represents_office.code) == (
        "adjoint_for_mayor", mayor, "mayor_of_paris"
    )  # fmt: skip
    page = signed_in(officer).get(reverse("staff:ceremony", args=[reception.uid]))
    assert "an adjoint representing the mayor takes the mayor&#x27;s rank" in page.content.decode()


def test_a_representative_the_registry_names_is_not_recorded_twice(reception, officer):
    known = GuestFactory(name="Emmanuel GREGOIRE")
    sends(reception, holder("deputy", "Jean Martin"))
    gather_attendance(reception, by=officer)
    gather_attendance(reception, by=officer)  # again: nobody added twice
    assert [(one.guest_id, one.capacity) for one in representing(reception)] == [
        (known.pk, "represents")
    ]
    assert Guest.objects.filter(name__iexact="emmanuel gregoire").count() == 1


def test_a_name_the_registry_holds_twice_is_left_to_the_office(reception, officer):
    GuestFactory(name="Emmanuel Grégoire"), GuestFactory(name="Emmanuel Gregoire")
    sends(reception, holder("deputy", "Jean Martin"))
    gather_attendance(reception, by=officer)
    assert representing(reception) == []
    assert Guest.objects.filter(name__startswith="Emmanuel").count() == 2


def test_a_refused_or_declined_representative_is_not_gathered(reception, officer):
    refused = sends(reception, holder("deputy", "Jean Martin"))
    refuse_representative(refused, by=officer)
    declined = sends(reception, holder("senator", "Marie Roy"), name="Luc Petit")
    reply(declined, answer=Answer.DECLINE)
    gather_attendance(reception, by=officer)
    assert representing(reception) == []
    assert not Guest.objects.filter(name__in=["Emmanuel Grégoire", "Luc Petit"]).exists()


def test_one_who_may_not_record_guests_gathers_the_others_and_is_told(reception):
    from tests.conftest import user_in
    from tests.visits.ceremony_pages import post
    from tests.visits.staff_pages import visible_text
    from visits.roles import STAFF

    arranger = user_in(STAFF, "arranger", "change_ceremony")
    known = GuestFactory(name="Luc Petit")
    sends(reception, holder("deputy", "Jean Martin"))  # Emmanuel Grégoire: not in the registry
    sends(reception, holder("senator", "Marie Roy"), name="Luc Petit")
    client = signed_in(arranger, "en")
    response = post(client, reception, "gather")
    assert [one.guest_id for one in representing(reception)] == [known.pk]
    assert not Guest.objects.filter(name="Emmanuel Grégoire").exists()
    told = visible_text(client.get(response["Location"]))
    assert "1 representative named in a reply is not attending yet" in told
    gather_attendance(reception, by=None)  # then the office's own hand records him
    assert Guest.objects.filter(name="Emmanuel Grégoire").count() == 1
