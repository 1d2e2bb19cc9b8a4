"""Moving a visit with its programme (visits.services.shifting): every live engagement moves
with the visit's days, on the wall clock, or nothing moves at all."""

import contextlib
import time
from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import PARIS, GuestFactory, HostFactory, VenueFactory
from tests.visits.test_conflicts_concurrency import book_at_once
from visits import services
from visits.models import ChecklistTask, Engagement, Reminder, Visit
from visits.models.choices import EngagementStatus, VisitStatus
from visits.services import shifting
from visits.services.shifting import plan_shift, shift_visit

pytestmark = pytest.mark.django_db

DAY = date(2027, 7, 6)


def at(hour, minute=0, day=DAY):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=PARIS)


def book(visit, start, end, **fields):
    fields = {"kind": "reception", "title_fr": "Réception", "title_en": "Reception"} | fields
    return services.create_engagement(visit=visit, by=None, starts_at=start, ends_at=end, **fields)


def new_visit(officer, day=DAY, guest=None, **fields):
    fields = {
        "kind": "official_visit",
        "occasion_fr": "Visite officielle",
        "occasion_en": "Official visit",
        "ends_on": day + timedelta(days=1),
        "lead_officer": officer,
    } | fields
    visit = services.create_visit(
        by=None,
        starts_on=day,
        delegation=[(guest or GuestFactory(), "principal")],
        **fields,
    )
    Visit.objects.filter(pk=visit.pk).update(status=VisitStatus.APPROVED)
    visit.refresh_from_db()
    return visit


def snapshot():
    """Everything a move could write, to show a refused one wrote nothing."""
    return {
        "visits": sorted(Visit.objects.values_list("pk", "starts_on", "ends_on", "updated_at")),
        "engagements": sorted(
            Engagement.objects.values_list("pk", "starts_at", "ends_at", "sequence", "status")
        ),
        "reminders": sorted(Reminder.objects.values_list("pk", "key", "due_at", "status")),
        "tasks": sorted(ChecklistTask.objects.values_list("pk", "due_on")),
        "history": (Visit.history.count(), Engagement.history.count()),
    }


@pytest.fixture
def visit(officer):
    return new_visit(officer)


@pytest.fixture
def programme(visit):
    room = VenueFactory(name="Salon des Arcades")
    return [
        book(visit, at(10), at(11), venue=room, hosts=[HostFactory(name="Anne Hidalgo")]),
        book(
            visit,
            at(15, 30, DAY + timedelta(days=1)),
            at(17, day=DAY + timedelta(days=1)),
            location="Parvis",
            title_en="Golden Book",
        ),
    ]


def test_shift_by_days_moves_the_visit_and_each_engagement_on_the_wall_clock(
    visit, programme, officer
):
    moved = shift_visit(visit, by=officer, days=3)
    assert (moved.starts_on, moved.ends_on) == (date(2027, 7, 9), date(2027, 7, 10))
    assert sorted(Engagement.objects.values_list("starts_at", "ends_at", "sequence")) == [
        (at(10, day=date(2027, 7, 9)), at(11, day=date(2027, 7, 9)), 1),
        (at(15, 30, date(2027, 7, 10)), at(17, day=date(2027, 7, 10)), 1),
    ]


def test_shift_to_a_new_first_day_moves_back_in_time_too(visit, programme, officer):
    moved = shift_visit(visit, by=officer, first_day=date(2027, 7, 1))
    assert (moved.starts_on, moved.ends_on) == (date(2027, 7, 1), date(2027, 7, 2))
    first = Engagement.objects.get(pk=programme[0].pk)
    assert (first.starts_at, first.ends_at) == (
        at(10, day=date(2027, 7, 1)),
        at(11, day=date(2027, 7, 1)),
    )


def test_shift_keeps_wall_clock_times_across_the_autumn_clock_change(officer):
    visit = new_visit(officer, day=date(2027, 10, 29), ends_on=None)
    book(visit, at(10, day=date(2027, 10, 29)), at(11, day=date(2027, 10, 29)), location="Parvis")
    shift_visit(visit, by=officer, days=3)  # summer time to winter time
    engagement = Engagement.objects.get()
    assert engagement.starts_at == datetime(2027, 11, 1, 10, tzinfo=PARIS)
    assert engagement.minutes == 60


def test_shift_records_history_with_the_note_and_each_engagement_moved(visit, programme, officer):
    shift_visit(visit, by=officer, days=1, note="The Mayor is in Rome that week")
    latest = Visit.history.filter(id=visit.pk).first()
    assert (latest.history_user, latest.history_change_reason) == (
        officer,
        "The Mayor is in Rome that week",
    )
    assert latest.starts_on == date(2027, 7, 7)
    reasons = [e.history.first().history_change_reason for e in programme]
    assert reasons == ["Moved with its visit"] * 2


def test_shift_without_a_note_says_it_moved_with_its_programme(visit, programme, officer):
    shift_visit(visit, by=officer, days=1)
    assert Visit.history.filter(id=visit.pk).first().history_change_reason == (
        "Moved with its programme"
    )


def test_shift_leaves_cancelled_engagements_where_they_were(visit, programme, officer):
    services.cancel_engagement(programme[1], by=officer)
    cancelled = Engagement.objects.get(pk=programme[1].pk)
    shift_visit(visit, by=officer, days=2)
    after = Engagement.objects.get(pk=programme[1].pk)
    assert (after.starts_at, after.sequence) == (cancelled.starts_at, cancelled.sequence)
    assert Engagement.objects.get(pk=programme[0].pk).starts_at == at(10, day=date(2027, 7, 8))


def test_shift_rebuilds_reminders_at_the_new_times(visit, programme, officer):
    def pending():
        return sorted(
            Reminder.objects.filter(engagement__in=programme, status="pending").values_list(
                "due_at", flat=True
            )
        )

    before = pending()
    assert before  # the lead officer is reminded
    shift_visit(visit, by=officer, days=7)
    assert pending() == [due + timedelta(days=7) for due in before]


def test_shift_moves_the_checklist_deadlines(visit, officer):
    before = sorted(visit.checklist.values_list("due_on", flat=True))
    assert before
    shift_visit(visit, by=officer, days=5)
    after = sorted(visit.checklist.values_list("due_on", flat=True))
    assert after == [day + timedelta(days=5) for day in before]


def test_shift_onto_a_room_another_visit_holds_refuses_and_writes_nothing(
    visit, programme, officer
):
    other = new_visit(officer, day=date(2027, 7, 9), ends_on=None)
    book(
        other,
        at(10, 30, date(2027, 7, 9)),
        at(12, day=date(2027, 7, 9)),
        venue=programme[0].venue,
        title_en="Lunch",
    )
    before = snapshot()
    with pytest.raises(services.Conflict) as refused:
        shift_visit(visit, by=officer, days=3)
    [message] = refused.value.message_dict["days"]
    assert message.startswith("“Reception”, ")
    assert "2027, 10:00–11:00: Salon des Arcades is taken" in message
    assert "“Lunch”" in message
    assert snapshot() == before


def test_shift_onto_a_host_already_expected_elsewhere_refuses_and_writes_nothing(
    visit, programme, officer
):
    other = new_visit(officer, day=date(2027, 7, 13), ends_on=None)
    book(
        other,
        at(10, day=date(2027, 7, 13)),
        at(10, 30, date(2027, 7, 13)),
        location="Parvis",
        hosts=list(programme[0].hosts.all()),
        title_en="Press point",
    )
    before = snapshot()
    with pytest.raises(services.Conflict) as refused:
        shift_visit(visit, by=officer, first_day=date(2027, 7, 13))
    [message] = refused.value.message_dict["first_day"]
    assert "Anne Hidalgo is already expected at “Press point”" in message
    assert snapshot() == before


def test_shift_onto_the_principal_guests_other_visit_refuses(officer):
    guest = GuestFactory(name="Roberto Gualtieri")
    first = new_visit(officer, guest=guest, ends_on=None)
    book(first, at(10), at(11), location="Parvis")
    second = new_visit(officer, day=DAY + timedelta(days=2), guest=guest, ends_on=None)
    book(
        second,
        at(10, day=DAY + timedelta(days=2)),
        at(11, day=DAY + timedelta(days=2)),
        location="Parvis",
    )
    with pytest.raises(services.Conflict) as refused:
        shift_visit(first, by=officer, days=2)
    assert "Roberto Gualtieri is already expected" in refused.value.messages[0]


def test_shift_is_not_refused_by_the_visits_own_engagements(visit, officer):
    """Day one moves onto day two's slot in the same room: that room moves away too."""
    room = VenueFactory()
    book(visit, at(10), at(11), venue=room)
    book(
        visit, at(10, day=DAY + timedelta(days=1)), at(11, day=DAY + timedelta(days=1)), venue=room
    )
    shift_visit(visit, by=officer, days=1)
    assert sorted(Engagement.objects.values_list("starts_at", flat=True)) == [
        at(10, day=DAY + timedelta(days=1)),
        at(10, day=DAY + timedelta(days=2)),
    ]


def test_shift_onto_the_spring_forward_gap_is_refused_naming_the_engagement(officer):
    visit = new_visit(officer, day=date(2027, 3, 27), ends_on=None)
    book(
        visit,
        at(2, 30, date(2027, 3, 27)),
        at(4, day=date(2027, 3, 27)),
        location="Parvis",
        title_en="Night vigil",
    )
    before = snapshot()
    with pytest.raises(services.RuleBroken) as refused:
        shift_visit(visit, by=officer, days=1)
    [message] = refused.value.message_dict["days"]
    assert message.startswith("“Night vigil”, ")
    assert "2027, 02:30–04:00: 02:30 does not exist on " in message
    assert snapshot() == before


def test_shift_onto_the_autumn_repeated_hour_is_refused(officer):
    visit = new_visit(officer, day=date(2027, 10, 30), ends_on=None)
    book(visit, at(1, day=date(2027, 10, 30)), at(2, 30, date(2027, 10, 30)), location="Parvis")
    with pytest.raises(services.RuleBroken) as refused:
        shift_visit(visit, by=officer, days=1)
    assert "01:00–02:30: 02:30 happens twice on " in refused.value.messages[0]


def test_shift_of_zero_days_is_refused_as_nothing_to_move(visit, programme, officer):
    with pytest.raises(services.RuleBroken) as refused:
        shift_visit(visit, by=officer, first_day=DAY)
    assert refused.value.message_dict == {
        "first_day": ["The visit already starts on that day: nothing to move."]
    }


def test_shift_needs_exactly_one_of_days_and_first_day(visit, officer):
    with pytest.raises(services.RuleBroken) as refused:
        shift_visit(visit, by=officer, days=1, first_day=DAY)
    assert set(refused.value.message_dict) == {"days", "first_day"}


def test_shift_beyond_the_calendar_is_refused_beside_the_field(visit, officer):
    with pytest.raises(services.RuleBroken) as refused:
        shift_visit(visit, by=officer, days=10**7)
    assert refused.value.message_dict == {"days": ["Enter a day between 1900 and 2199."]}


@pytest.mark.parametrize("status", [VisitStatus.HELD, VisitStatus.DECLINED, VisitStatus.CANCELLED])
def test_shift_of_a_closed_or_past_visit_is_refused(visit, officer, status):
    Visit.objects.filter(pk=visit.pk).update(status=status)
    with pytest.raises(services.TransitionRefused) as refused:
        shift_visit(visit, by=officer, days=1)
    label = VisitStatus(status).label.lower()
    assert refused.value.message_dict == {
        "status": [f"A {label} visit keeps its dates: only a visit still planned is moved."]
    }


def test_shift_of_a_postponed_visit_takes_its_postponed_programme_along(visit, programme, officer):
    services.move_visit(visit, VisitStatus.POSTPONED, by=officer)
    shift_visit(visit, by=officer, days=30)
    assert set(Engagement.objects.values_list("status", flat=True)) == {"postponed"}
    assert Engagement.objects.get(pk=programme[0].pk).starts_at == at(10, day=date(2027, 8, 5))


def test_shift_by_staff_without_the_protocol_rights_is_forbidden(visit, staff_member):
    with pytest.raises(PermissionDenied):
        shift_visit(visit, by=staff_member, days=1)
    assert Visit.objects.get(pk=visit.pk).starts_on == DAY


def test_plan_shows_old_and_new_times_and_writes_nothing(visit, programme, officer):
    before = snapshot()
    plan = plan_shift(visit, by=officer, days=1)
    assert [(s.engagement.starts_at, s.starts_at) for s in plan.shifts] == [
        (at(10), at(10, day=DAY + timedelta(days=1))),
        (at(15, 30, DAY + timedelta(days=1)), at(15, 30, DAY + timedelta(days=2))),
    ]
    assert (plan.visit.starts_on, plan.days) == (DAY + timedelta(days=1), 1)
    assert snapshot() == before


@pytest.fixture
def slow_check(monkeypatch):
    """Each move pauses between its check and its write: without the locks, both would see
    the room free."""
    real = shifting.refuse_conflicts

    def check_then_pause(booking, viewer):
        real(booking, viewer)
        time.sleep(0.1)

    @contextlib.contextmanager
    def patched():
        monkeypatch.setattr(shifting, "refuse_conflicts", check_then_pause)
        yield

    return patched


@pytest.mark.django_db(transaction=True)
def test_two_shifts_onto_one_room_at_once_let_exactly_one_win(cleared_officer, slow_check):
    room = VenueFactory()
    visits = [new_visit(cleared_officer, day=DAY + timedelta(days=n), ends_on=None) for n in (1, 2)]
    for visit in visits:
        start = datetime.combine(visit.starts_on, datetime.min.time(), PARIS)
        book(visit, start.replace(hour=10), start.replace(hour=11), venue=room)
    attempts = [
        lambda visit=visit: shift_visit(visit, by=cleared_officer, first_day=date(2027, 7, 20))
        for visit in visits
    ]
    outcomes = book_at_once(attempts, slow_check)
    assert outcomes == ["booked", "refused"]
    assert Visit.objects.filter(starts_on=date(2027, 7, 20)).count() == 1
    assert Engagement.objects.filter(starts_at=at(10, day=date(2027, 7, 20))).count() == 1


def test_shifted_engagements_stay_live_and_statuses_unchanged(visit, programme, officer):
    services.confirm_engagement(programme[0], by=officer)
    shift_visit(visit, by=officer, days=1)
    assert sorted(Engagement.objects.values_list("status", flat=True)) == [
        EngagementStatus.CONFIRMED,
        EngagementStatus.TENTATIVE,
    ]
