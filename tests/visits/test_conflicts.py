"""No two live engagements share a room (with its turnover), a host or a principal guest."""

import pytest

from tests.factories import GuestFactory, HostFactory, VenueFactory, VisitFactory
from tests.visits.test_engagement_services import DAY, at, book
from visits import services
from visits.models.choices import Confidentiality, VisitStatus


@pytest.fixture
def room(db):
    return VenueFactory(name="Salon des Arcades", turnover_minutes=30)


def visit_of(guest=None, **fields):
    fields = {"starts_on": DAY, "status": VisitStatus.APPROVED} | fields
    return VisitFactory(principal=guest, **fields)


def test_room_overlap_is_refused_naming_the_visible_engagement(room, officer):
    taken = visit_of(occasion_en="Visit of the Mayor of Rome")
    book(taken, officer, at(10), at(11), venue=room, title_en="Rome reception")
    with pytest.raises(services.Conflict) as refused:
        book(visit_of(), officer, at(10, 30), at(12), venue=room)
    assert refused.value.message_dict == {
        "venue": [
            f"Salon des Arcades is taken by “Rome reception” ({taken.reference}), "
            "July 6, 2027, 10:00–11:00, and needs 30 minutes to be reset between two engagements."
        ]
    }


def test_room_turnover_is_kept_between_two_visits(room, officer):
    book(visit_of(), officer, at(10), at(11), venue=room)
    with pytest.raises(services.Conflict):
        book(visit_of(), officer, at(11, 15), at(12), venue=room)
    assert book(visit_of(), officer, at(11, 30), at(12), venue=room).pk


def test_one_visit_may_use_its_room_back_to_back(room, officer):
    visit = visit_of()
    book(visit, officer, at(10), at(11), venue=room)
    assert book(visit, officer, at(11), at(12), venue=room, kind="golden_book").pk


def test_cancelled_or_postponed_engagements_free_the_room(room, officer):
    first = book(visit_of(), officer, at(10), at(11), venue=room)
    services.cancel_engagement(first, by=officer)
    second = book(visit_of(), officer, at(10), at(11), venue=room)
    services.postpone_engagement(second, by=officer)
    assert book(visit_of(), officer, at(10), at(11), venue=room).pk


def test_hidden_clash_says_only_that_the_room_is_taken(room, officer):
    secret = visit_of(
        GuestFactory(name="Secret Guest"), confidentiality=Confidentiality.CONFIDENTIAL
    )
    book(secret, None, at(10), at(11), venue=room, title_en="Secret talks")
    with pytest.raises(services.Conflict) as refused:
        book(visit_of(), officer, at(10), at(11), venue=room)
    assert refused.value.message_dict == {"venue": ["The room is taken at this time."]}


def test_cleared_officer_is_told_which_confidential_engagement_clashes(room, cleared_officer):
    secret = visit_of(confidentiality=Confidentiality.CONFIDENTIAL)
    book(secret, cleared_officer, at(10), at(11), venue=room, title_en="Secret talks")
    with pytest.raises(services.Conflict) as refused:
        book(visit_of(), cleared_officer, at(10), at(11), venue=room)
    assert "“Secret talks”" in refused.value.message_dict["venue"][0]


def test_host_is_never_in_two_engagements_at_once(officer):
    mayor = HostFactory(name="Camille Laurent")
    taken = visit_of()
    book(taken, officer, at(10), at(11), venue=VenueFactory(), hosts=[mayor], title_en="Lunch")
    with pytest.raises(services.Conflict) as refused:
        book(visit_of(), officer, at(10, 45), at(12), venue=VenueFactory(), hosts=[mayor])
    assert refused.value.message_dict == {
        "hosts": [
            f"Camille Laurent is already expected at “Lunch” ({taken.reference}), "
            "July 6, 2027, 10:00–11:00."
        ]
    }


def test_hidden_host_clash_names_no_engagement(officer):
    mayor = HostFactory(name="Camille Laurent")
    secret = visit_of(confidentiality=Confidentiality.CONFIDENTIAL)
    book(secret, None, at(10), at(11), venue=VenueFactory(), hosts=[mayor])
    with pytest.raises(services.Conflict) as refused:
        book(visit_of(), officer, at(10), at(11), venue=VenueFactory(), hosts=[mayor])
    assert refused.value.message_dict == {
        "hosts": ["Camille Laurent is not available at this time."]
    }


def test_principal_guest_is_never_in_two_engagements_at_once(officer):
    guest = GuestFactory(name="Roberto Gualtieri")
    book(visit_of(guest), officer, at(10), at(11), venue=VenueFactory(), title_en="Reception")
    with pytest.raises(services.Conflict) as refused:
        book(visit_of(guest), officer, at(10, 30), at(11, 30), venue=VenueFactory())
    [message] = refused.value.message_dict["__all__"]
    assert message.startswith("Roberto Gualtieri is already expected at “Reception”")


def test_rescheduling_into_a_taken_slot_is_refused_and_changes_nothing(room, officer):
    book(visit_of(), officer, at(10), at(11), venue=room)
    mine = book(visit_of(), officer, at(14), at(15), venue=room)
    with pytest.raises(services.Conflict):
        services.reschedule_engagement(mine, by=officer, starts_at=at(10), ends_at=at(11))
    mine.refresh_from_db()
    assert (mine.starts_at, mine.sequence, mine.history.count()) == (at(14), 0, 1)


def test_engagement_moved_within_its_own_slot_does_not_clash_with_itself(room, officer):
    mine = book(visit_of(), officer, at(10), at(11), venue=room)
    services.reschedule_engagement(mine, by=officer, starts_at=at(10, 15), ends_at=at(11))
    mine.refresh_from_db()
    assert mine.starts_at == at(10, 15)


def test_every_clash_is_reported_at_once(room, officer):
    mayor, guest = HostFactory(name="Camille Laurent"), GuestFactory(name="Roberto Gualtieri")
    book(visit_of(guest), officer, at(10), at(11), venue=room, hosts=[mayor])
    with pytest.raises(services.Conflict) as refused:
        book(visit_of(guest), officer, at(10), at(11), venue=room, hosts=[mayor])
    assert sorted(refused.value.message_dict) == ["__all__", "hosts", "venue"]


def test_turnover_is_counted_in_real_time_across_the_spring_change(room, officer):
    from datetime import date, datetime

    day = date(2027, 3, 28)
    book(
        visit_of(starts_on=day),
        officer,
        datetime(2027, 3, 28, 1),
        datetime(2027, 3, 28, 1, 45),
        venue=room,
    )
    # 01:45 CET and 03:00 CEST are 15 minutes apart, not 75: the 30-minute turnover is not kept.
    with pytest.raises(services.Conflict):
        book(
            visit_of(starts_on=day),
            officer,
            datetime(2027, 3, 28, 3),
            datetime(2027, 3, 28, 4),
            venue=room,
        )
