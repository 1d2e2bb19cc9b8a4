"""What a reminder does when the world changes under it: an engagement cancelled or moved
while its reminder is being sent, deleted after it was sent, a visit cancelled with its
checklist open; and lead times across a clock change."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import GuestFactory, UserFactory
from tests.reminders.test_sending import make_due, plan_visit, subject_of
from visits import services
from visits.models import Reminder, StaffProfile
from visits.services import dispatch

pytestmark = pytest.mark.django_db
PARIS = timezone.get_default_timezone()


def test_a_reminder_being_sent_when_its_engagement_is_cancelled_is_not_sent(officer, mail_to_smtp):
    engagement = plan_visit(officer)
    reminder = make_due(engagement)
    [claimed] = dispatch.claim_due()
    services.cancel_engagement(engagement, by=None)
    assert dispatch.send_one(claimed) == "cancelled"
    assert mail_to_smtp.messages == []
    assert Reminder.objects.get(pk=reminder.pk).status == "cancelled"


def test_a_failed_reminder_of_a_cancelled_engagement_is_cancelled_not_retried(officer):
    engagement = plan_visit(officer)
    reminder = make_due(engagement)
    Reminder.objects.filter(pk=reminder.pk).update(status="failed")
    services.cancel_engagement(engagement, by=None)
    assert Reminder.objects.get(pk=reminder.pk).status == "cancelled"


def test_a_reminder_says_the_time_the_engagement_has_when_it_is_sent(officer, mail_to_smtp):
    engagement = plan_visit(officer)
    make_due(engagement)
    [claimed] = dispatch.claim_due()
    services.reschedule_engagement(
        engagement,
        by=None,
        starts_at=datetime(2027, 7, 6, 15, tzinfo=PARIS),
        ends_at=datetime(2027, 7, 6, 16, tzinfo=PARIS),
    )
    dispatch.send_one(claimed)
    assert subject_of(mail_to_smtp.messages[0]).endswith("July 6, 2027, 15:00–16:00")


def test_a_move_while_the_reminder_was_on_its_way_is_told_afterwards(
    officer, mail_to_smtp, monkeypatch
):
    engagement = plan_visit(officer)
    make_due(engagement)
    [claimed] = dispatch.claim_due()
    sent = dispatch.send_row

    def send_then_move(*args):
        outcome = sent(*args)  # the message left, not yet recorded: the planner cannot know
        services.reschedule_engagement(
            engagement,
            by=None,
            starts_at=datetime(2027, 7, 6, 15, tzinfo=PARIS),
            ends_at=datetime(2027, 7, 6, 16, tzinfo=PARIS),
        )
        return outcome

    monkeypatch.setattr(dispatch, "send_row", send_then_move)
    assert dispatch.send_one(claimed) == "sent"
    changed = Reminder.objects.get(kind="changed")
    assert changed.recipient == officer and changed.status == "pending"


def test_a_deleted_engagement_is_told_only_to_those_who_still_see_its_visit(
    officer, staff_member, mail_to_smtp, client
):
    engagement = plan_visit(officer)
    services.update_visit(engagement.visit, by=None, followers=[staff_member])
    Reminder.objects.filter(engagement=engagement).update(status="sent", sent_at=timezone.now())
    services.update_visit(engagement.visit, by=None, confidentiality="confidential")
    services.delete_engagement(engagement, by=None)
    notices = Reminder.objects.filter(kind="cancelled")
    assert [n.recipient for n in notices] == [officer]  # the lead still sees it; staff not
    other = UserFactory(username="other_officer")
    other.groups.add(*officer.groups.all())
    client.force_login(other)
    listed = client.get(reverse("admin:visits_reminder_changelist")).context["cl"].result_list
    assert notices.get() not in list(listed)  # its title stays with those who may read it


def test_a_cancelled_visit_stops_its_checklist_reminders(officer, mail_to_smtp):
    visit = plan_visit(officer).visit
    services.move_visit(visit, "cancelled", by=None)
    pending = Reminder.objects.filter(task__visit=visit, status="pending")
    assert not pending.exists()


def test_a_day_based_lead_time_keeps_the_wall_clock_across_the_spring_change(officer):
    StaffProfile.objects.create(user=officer, lead_times="7d, 2h")
    visit = services.create_visit(
        by=None,
        kind="reception",
        occasion_fr="Réception",
        occasion_en="Reception",
        starts_on=date(2027, 3, 29),  # the day after the clocks go forward
        lead_officer=officer,
        delegation=[(GuestFactory(), "principal")],
    )
    engagement = services.create_engagement(
        visit=visit,
        by=None,
        kind="reception",
        title_fr="Réception",
        title_en="Reception",
        starts_at=datetime(2027, 3, 29, 10, tzinfo=PARIS),
        ends_at=datetime(2027, 3, 29, 11, tzinfo=PARIS),
        location="Parvis",
    )
    dues = sorted(
        timezone.localtime(r.due_at)
        for r in Reminder.objects.filter(engagement=engagement, status="pending")
    )
    assert dues == [
        datetime(2027, 3, 22, 10, tzinfo=PARIS),  # 7 days before, at the same time of day
        datetime(2027, 3, 29, 8, tzinfo=PARIS),
    ]


def test_changing_ones_lead_times_replans_at_once(officer, client):
    engagement = plan_visit(officer)
    client.force_login(officer)
    client.post(
        reverse("staff:my_reminders"),
        {"language": "en", "lead_times": "3h", "email": ""},
    )
    dues = [
        timezone.localtime(r.due_at)
        for r in Reminder.objects.filter(engagement=engagement, status="pending")
    ]
    assert dues == [datetime(2027, 7, 6, 7, tzinfo=PARIS)]


def test_no_agenda_when_nothing_is_planned_nor_for_one_without_an_address(officer, mail_to_smtp):
    StaffProfile.objects.create(user=officer, wants_daily_agenda=True)
    nobody = UserFactory(username="nomail", email="")
    StaffProfile.objects.create(user=nobody, wants_daily_agenda=True)
    dispatch.plan_daily_agendas()
    [agenda] = Reminder.objects.filter(kind="agenda")
    assert agenda.recipient == officer
    assert dispatch.send_one(dispatch.claim_due()[0]) == "cancelled"
    assert mail_to_smtp.messages == []
    assert timedelta(0) <= timezone.now() - agenda.due_at < timedelta(minutes=1)
