"""Reminder rows follow the engagements and checklists they are about, in the same
transaction: created, moved, cancelled, and those already reminded are told."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import GuestFactory, UserFactory, VenueFactory
from visits import services
from visits.models import Reminder, StaffProfile
from visits.models.staff import parse_lead_times
from visits.services.reminders import plan_engagement_reminders

pytestmark = pytest.mark.django_db

PARIS = timezone.get_default_timezone()
DAY = date(2027, 7, 6)


def at(hour, day=DAY):
    return datetime(day.year, day.month, day.day, hour, tzinfo=PARIS)


@pytest.fixture
def visit(officer):
    return services.create_visit(
        by=None,
        kind="official_visit",
        occasion_fr="Visite du maire de Rome",
        occasion_en="Visit of the Mayor of Rome",
        starts_on=DAY,
        lead_officer=officer,
        delegation=[(GuestFactory(name="Roberto Gualtieri"), "principal")],
    )


def book(visit, start=10, **fields):
    return services.create_engagement(
        visit=visit,
        by=None,
        kind="reception",
        title_fr="Réception",
        title_en="Reception",
        starts_at=at(start),
        ends_at=at(start + 1),
        venue=VenueFactory(),
        **fields,
    )


def rows(**lookup):
    return sorted(
        (r.recipient.username, r.kind, r.status, timezone.localtime(r.due_at))
        for r in Reminder.objects.filter(**lookup).select_related("recipient")
    )


def test_lead_times_read_like_7d_1d_2h():
    assert parse_lead_times("7d, 1d, 2h") == [
        timedelta(days=7),
        timedelta(days=1),
        timedelta(hours=2),
    ]
    assert parse_lead_times("") == []
    with pytest.raises(ValidationError):
        parse_lead_times("tomorrow")
    with pytest.raises(ValidationError):
        parse_lead_times("200d")


def test_booking_reminds_the_lead_officer_at_each_lead_time(visit):
    engagement = book(visit)
    assert rows(engagement=engagement) == [
        ("officer", "engagement", "pending", at(10, DAY - timedelta(days=7))),
        ("officer", "engagement", "pending", at(10, DAY - timedelta(days=1))),
        ("officer", "engagement", "pending", at(8)),
    ]


def test_followers_and_assigned_staff_are_reminded_at_their_own_lead_times(visit):
    follower, usher = UserFactory(username="follower"), UserFactory(username="usher")
    for user in (follower, usher):
        user.groups.add(*visit.lead_officer.groups.all())
    StaffProfile.objects.create(user=follower, lead_times="3h", language="en")
    engagement = book(visit)
    services.update_visit(visit, by=None, followers=[follower])
    services.update_engagement(engagement, by=None, assigned_staff=[usher])
    reminded = {(name, due) for name, _kind, _status, due in rows(engagement=engagement)}
    assert ("follower", at(7)) in reminded
    assert ("usher", at(8)) in reminded
    services.update_visit(visit, by=None, followers=[])
    assert rows(engagement=engagement, recipient=follower, status="pending") == []


def test_nobody_is_reminded_of_what_they_may_not_see(visit, staff_member):
    services.update_visit(visit, by=None, followers=[staff_member])
    services.update_visit(visit, by=None, confidentiality="confidential")
    engagement = book(visit)
    assert rows(engagement=engagement, recipient=staff_member) == []
    assert len(rows(engagement=engagement, recipient=visit.lead_officer)) == 3  # the lead sees it


def test_reminders_move_with_the_engagement(visit):
    engagement = book(visit)
    services.reschedule_engagement(engagement, by=None, starts_at=at(15), ends_at=at(16))
    dues = [due for _name, _kind, status, due in rows(engagement=engagement) if status == "pending"]
    assert at(13) in dues and at(8) not in dues


def test_those_already_reminded_are_told_of_a_move_with_both_times(visit):
    engagement = book(visit)
    Reminder.objects.filter(engagement=engagement).update(status="sent", sent_at=timezone.now())
    services.reschedule_engagement(engagement, by=None, starts_at=at(15), ends_at=at(16))
    changed = Reminder.objects.get(kind="changed")
    assert changed.recipient == visit.lead_officer and changed.status == "pending"
    assert datetime.fromisoformat(changed.details["was_starts_at"]) == at(10)
    # The reminders already sent are armed again for the new time.
    assert (
        Reminder.objects.filter(engagement=engagement, kind="engagement", status="pending").count()
        == 3
    )


def test_cancelling_cancels_what_is_unsent_and_tells_who_was_reminded(visit):
    engagement = book(visit)
    first = Reminder.objects.filter(engagement=engagement).order_by("due_at").first()
    Reminder.objects.filter(pk=first.pk).update(status="sent", sent_at=timezone.now())
    services.cancel_engagement(engagement, by=None)
    statuses = sorted(
        Reminder.objects.filter(engagement=engagement, kind="engagement").values_list(
            "status", flat=True
        )
    )
    assert statuses == ["cancelled", "cancelled", "sent"]
    assert rows(kind="cancelled") == [
        ("officer", "cancelled", "pending", rows(kind="cancelled")[0][3])
    ]


def test_deleting_a_tentative_engagement_tells_who_was_reminded(visit):
    engagement = book(visit)
    Reminder.objects.filter(engagement=engagement).update(status="sent", sent_at=timezone.now())
    services.delete_engagement(engagement, by=None)
    notice = Reminder.objects.get(kind="cancelled")
    assert (notice.kind, notice.engagement, notice.details["title_en"]) == (
        "cancelled",
        None,
        "Reception",
    )


def test_planning_twice_changes_nothing(visit):
    engagement = book(visit)
    before = list(Reminder.objects.values_list("key", "due_at", "status"))
    plan_engagement_reminders(engagement)
    assert list(Reminder.objects.values_list("key", "due_at", "status")) == before


def test_a_visit_gets_its_kinds_checklist_with_deadlines_from_its_first_day(visit):
    tasks = list(visit.checklist.values_list("title_en", "due_on"))
    assert ("Send the invitations", DAY - timedelta(days=21)) in tasks
    assert ("Thank-you letters", DAY + timedelta(days=3)) in tasks
    assert len(tasks) == 7
    invitations = visit.checklist.get(title_en="Send the invitations")
    assert rows(task=invitations) == [
        ("officer", "overdue", "pending", at(9, DAY - timedelta(days=20))),
        ("officer", "task", "pending", at(9, DAY - timedelta(days=21))),
    ]


def test_the_checklist_moves_with_its_visit(visit):
    services.update_visit(visit, by=None, starts_on=DAY + timedelta(days=7))
    invitations = visit.checklist.get(title_en="Send the invitations")
    assert invitations.due_on == DAY - timedelta(days=14)
    assert rows(task=invitations)[1] == (
        "officer",
        "task",
        "pending",
        at(9, DAY - timedelta(days=14)),
    )


def test_a_visit_that_changes_kind_takes_the_new_kinds_checklist_and_keeps_work_begun(
    visit, staff_member
):
    gift = visit.checklist.get(title_en="Choose and engrave the gift")
    # Taken up: stays, though an honorary citizenship has none.
    services.update_task(gift, by=None, assignee=staff_member)
    flags = visit.checklist.get(title_en="Flags and anthems")
    services.add_task(visit, by=None, title_fr="Menu", title_en="Menu", days_from_visit=-5)
    services.update_visit(visit, by=None, kind="honorary_citizenship")
    titles = sorted(visit.checklist.values_list("title_en", flat=True))
    assert titles == [
        "Choose and engrave the gift",
        "Diploma and medal",
        "Menu",
        "Publication on paris.fr",
        "Send out the run-sheet",
        "Send the invitations",
        "Thank-you letters",
        "The Mayor's speech",
    ]
    assert not Reminder.objects.filter(key__endswith=f":{flags.pk}").exists()
    diploma = visit.checklist.get(title_en="Diploma and medal")
    assert diploma.due_on == DAY - timedelta(days=14)
    assert [row[1] for row in rows(task=diploma)] == ["overdue", "task"]


def test_a_change_of_kind_keeps_a_task_whose_reminder_was_sent(visit):
    flags = visit.checklist.get(title_en="Flags and anthems")
    Reminder.objects.filter(task=flags, kind="task").update(status="sent")
    services.update_visit(visit, by=None, kind="honorary_citizenship")
    assert visit.checklist.filter(pk=flags.pk).exists()
    assert Reminder.objects.filter(task=flags, status="sent").count() == 1


def test_a_task_done_or_reassigned_changes_its_reminders(visit, staff_member):
    task = visit.checklist.get(title_en="Flags and anthems")
    services.update_task(task, by=None, assignee=staff_member)
    assert Reminder.objects.get(task=task, kind="task").recipient == staff_member
    services.update_task(task, by=None, done_at=timezone.now())
    assert set(Reminder.objects.filter(task=task).values_list("status", flat=True)) == {"cancelled"}


def test_a_task_added_by_hand_gets_its_deadline_from_its_day(visit):
    task = services.add_task(visit, by=None, title_fr="Menu", title_en="Menu", days_from_visit=-5)
    assert task.due_on == DAY - timedelta(days=5)
    assert Reminder.objects.filter(task=task).count() == 2
