"""Engagement writes through visits.services: rules, sequence, history."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import PARIS, HostFactory, VenueFactory, VisitFactory
from visits import services
from visits.models import Engagement
from visits.models.choices import Confidentiality, EngagementStatus, VisitStatus

DAY = date(2027, 7, 6)


def at(hour, minute=0, day=DAY):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=PARIS)


def book(visit, by, start, end, **fields):
    fields = {"kind": "reception", "title_fr": "Réception", "title_en": "Reception"} | fields
    return services.create_engagement(visit=visit, by=by, starts_at=start, ends_at=end, **fields)


@pytest.fixture
def visit(db):
    return VisitFactory(starts_on=DAY, status=VisitStatus.APPROVED)


def test_created_engagement_records_its_author_and_hosts_in_one_history_row(visit, officer):
    hosts = HostFactory.create_batch(2)
    engagement = book(visit, officer, at(10), at(11), venue=VenueFactory(), hosts=hosts)
    [row] = engagement.history.all()
    assert (row.history_type, row.history_user, row.history_change_reason) == (
        "+",
        officer,
        "Created",
    )
    assert {h.host for h in row.hosts.all()} == set(hosts)
    assert engagement.sequence == 0


def test_reschedule_bumps_the_sequence_and_records_why(visit, officer):
    engagement = book(visit, officer, at(10), at(11), venue=VenueFactory())
    services.reschedule_engagement(engagement, by=officer, starts_at=at(15), ends_at=at(16))
    engagement.refresh_from_db()
    assert engagement.sequence == 1
    assert engagement.starts_at == at(15)
    latest = engagement.history.first()
    assert (latest.history_user, latest.history_change_reason) == (officer, "Rescheduled")


def test_change_of_notes_only_keeps_the_sequence(visit, officer):
    engagement = book(visit, officer, at(10), at(11), venue=VenueFactory())
    services.update_engagement(engagement, by=officer, notes="Interprète en cabine")
    engagement.refresh_from_db()
    assert (engagement.sequence, engagement.notes) == (0, "Interprète en cabine")


def test_unchanged_write_adds_no_history(visit, officer):
    engagement = book(visit, officer, at(10), at(11), venue=VenueFactory())
    services.update_engagement(engagement, by=officer, title_en="Reception")
    assert engagement.history.count() == 1


def test_venue_and_host_changes_bump_the_sequence_each_time(visit, officer):
    engagement = book(visit, officer, at(10), at(11), venue=VenueFactory())
    services.change_engagement_venue(engagement, by=officer, venue=VenueFactory())
    services.change_engagement_hosts(engagement, by=officer, hosts=[HostFactory()])
    engagement.refresh_from_db()
    assert engagement.sequence == 2
    reasons = list(engagement.history.values_list("history_change_reason", flat=True))
    assert reasons == ["Hosts changed", "Venue changed", "Created"]


def test_cancelled_engagement_stays_cancelled(visit, officer):
    engagement = book(visit, officer, at(10), at(11), venue=VenueFactory())
    services.cancel_engagement(engagement, by=officer)
    with pytest.raises(services.TransitionRefused) as refused:
        services.confirm_engagement(engagement, by=officer)
    assert refused.value.message_dict == {
        "status": ["A cancelled engagement stays cancelled; plan a new one instead."]
    }


def test_end_before_start_is_refused_naming_the_field(visit, officer):
    with pytest.raises(services.RuleBroken) as refused:
        book(visit, officer, at(11), at(10), venue=VenueFactory())
    assert refused.value.message_dict == {"ends_at": ["The end must be after the start."]}
    assert not Engagement.objects.exists()


def test_engagement_needs_a_room_or_another_place(visit, officer):
    with pytest.raises(services.RuleBroken) as refused:
        book(visit, officer, at(10), at(11))
    assert refused.value.message_dict == {"venue": ["Choose a room, or give another location."]}
    assert book(visit, officer, at(10), at(11), location="Place de l'Hôtel-de-Ville").pk


def test_room_no_longer_in_use_takes_no_new_booking(visit, officer):
    closed = VenueFactory(name="Salle Saint-Jean", is_active=False)
    with pytest.raises(services.RuleBroken) as refused:
        book(visit, officer, at(10), at(11), venue=closed)
    assert refused.value.message_dict == {"venue": ["Salle Saint-Jean is no longer in use."]}


def test_cancelled_visit_takes_no_live_engagement(officer):
    visit = VisitFactory(starts_on=DAY, status=VisitStatus.CANCELLED)
    with pytest.raises(services.RuleBroken) as refused:
        book(visit, officer, at(10), at(11), venue=VenueFactory())
    assert refused.value.message_dict == {
        "status": ["The visit is cancelled: its programme takes no tentative or confirmed item."]
    }


def test_naive_times_are_read_in_paris_and_stored_in_utc(visit, officer):
    engagement = book(
        visit, officer, datetime(2027, 7, 6, 10), datetime(2027, 7, 6, 11), venue=VenueFactory()
    )
    engagement.refresh_from_db()
    assert engagement.starts_at.isoformat() == "2027-07-06T08:00:00+00:00"


def test_naive_time_skipped_by_the_spring_change_is_refused(officer):
    visit = VisitFactory(starts_on=date(2027, 3, 28))
    with pytest.raises(services.RuleBroken) as refused:
        book(
            visit,
            officer,
            datetime(2027, 3, 28, 2, 30),
            datetime(2027, 3, 28, 4),
            venue=VenueFactory(),
        )
    [message] = refused.value.message_dict["starts_at"]
    assert message.startswith("02:30 does not exist on March 28, 2027 in Paris time")


def test_only_a_tentative_engagement_is_deleted(visit, officer):
    tentative = book(visit, officer, at(10), at(11), venue=VenueFactory())
    confirmed = services.confirm_engagement(
        book(visit, officer, at(12), at(13), venue=VenueFactory()), by=officer
    )
    with pytest.raises(services.RuleBroken) as refused:
        services.delete_engagement(confirmed, by=officer)
    assert refused.value.messages == [
        "A confirmed engagement is cancelled, not deleted, so that calendars remove it."
    ]
    services.delete_engagement(tentative, by=officer)
    assert list(visit.engagements.all()) == [confirmed]
    assert tentative.history.model.objects.filter(id=tentative.pk).first().history_type == "-"


def test_postponed_engagement_comes_back_only_if_its_slot_is_free(visit, officer):
    room = VenueFactory()
    first = book(visit, officer, at(10), at(11), venue=room)
    services.postpone_engagement(first, by=officer)
    other_visit = VisitFactory(starts_on=DAY)
    book(other_visit, officer, at(10), at(11), venue=room)
    with pytest.raises(services.Conflict):
        services.update_engagement(first, by=officer, status=EngagementStatus.TENTATIVE)
    services.update_engagement(
        first, by=officer, status=EngagementStatus.TENTATIVE, starts_at=at(15), ends_at=at(16)
    )
    first.refresh_from_db()
    assert (first.status, first.sequence) == (EngagementStatus.TENTATIVE, 2)


def test_unknown_field_is_a_programming_error(visit, officer):
    with pytest.raises(TypeError):
        book(visit, officer, at(10), at(11), venue=VenueFactory(), colour="red")


def test_engagement_of_a_confidential_visit_is_written_by_a_cleared_officer(
    officer, cleared_officer
):
    visit = VisitFactory(starts_on=DAY, confidentiality=Confidentiality.CONFIDENTIAL)
    with pytest.raises(PermissionDenied):
        book(visit, officer, at(10), at(11), location="Élysée")
    engagement = book(
        visit, cleared_officer, at(10), at(10, 30) + timedelta(minutes=15), location="Élysée"
    )
    assert engagement.minutes == 45


def test_staff_who_only_read_may_not_write(visit, staff_member):
    with pytest.raises(PermissionDenied):
        book(visit, staff_member, at(10), at(11), location="Élysée")
    with pytest.raises(PermissionDenied):
        services.move_visit(visit, VisitStatus.UNDER_REVIEW, by=staff_member)


def test_naive_time_repeated_by_the_autumn_change_is_refused(officer):
    visit = VisitFactory(starts_on=date(2027, 10, 31))
    with pytest.raises(services.RuleBroken) as refused:
        book(
            visit,
            officer,
            datetime(2027, 10, 31, 2, 30),
            datetime(2027, 10, 31, 4),
            venue=VenueFactory(),
        )
    [message] = refused.value.message_dict["starts_at"]
    assert message == (
        "02:30 happens twice on Oct. 31, 2027 in Paris time: the clocks go back an hour at "
        "that moment, so the time is ambiguous. Choose a time outside that hour."
    )


def test_times_either_side_of_the_changes_are_accepted(officer):
    visit = VisitFactory(starts_on=date(2027, 3, 28))
    spring = book(
        visit, officer, datetime(2027, 3, 28, 1, 30), datetime(2027, 3, 28, 3), location="Parvis"
    )
    assert spring.minutes == 30  # 01:30 CET to 03:00 CEST


def test_engagement_outside_its_visits_days_is_refused(officer):
    visit = VisitFactory(starts_on=DAY, ends_on=date(2027, 7, 7))
    with pytest.raises(services.RuleBroken) as refused:
        book(
            visit,
            officer,
            at(10, day=date(2027, 7, 8)),
            at(11, day=date(2027, 7, 8)),
            location="Parvis",
        )
    assert refused.value.message_dict == {
        "starts_at": [
            "An engagement starts on one of its visit’s days: July 6, 2027 to July 7, 2027."
        ]
    }
    assert book(
        visit,
        officer,
        at(23, day=date(2027, 7, 7)),
        at(23, 30, day=date(2027, 7, 7)),
        location="Parvis",
    )


def test_visit_dated_beyond_the_calendar_it_keeps_is_refused(officer):
    from visits.models.choices import VisitKind

    with pytest.raises(services.RuleBroken) as refused:
        services.create_visit(
            by=officer,
            kind=VisitKind.RECEPTION,
            occasion_fr="R",
            occasion_en="R",
            starts_on=date(9999, 12, 31),
        )
    assert refused.value.message_dict == {"starts_on": ["Enter a day between 1900 and 2199."]}
