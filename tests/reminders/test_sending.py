"""Due reminders go out through a real SMTP server: once, in their recipient's language, with
the engagement attached; failures are kept with their reason and retried."""

import time
from datetime import date, datetime

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from protocol.celery import app
from tests.factories import GuestFactory, VenueFactory
from visits import services
from visits.models import Reminder, StaffProfile
from visits.services import dispatch
from visits.tasks import dispatch_due_reminders

PARIS = timezone.get_default_timezone()
DAY = date(2027, 7, 6)


def plan_visit(officer, language="en"):
    StaffProfile.objects.update_or_create(user=officer, defaults={"language": language})
    visit = services.create_visit(
        by=None,
        kind="official_visit",
        occasion_fr="Visite du maire de Rome",
        occasion_en="Visit of the Mayor of Rome",
        starts_on=DAY,
        lead_officer=officer,
        delegation=[(GuestFactory(name="Roberto Gualtieri"), "principal")],
    )
    engagement = services.create_engagement(
        visit=visit,
        by=None,
        kind="reception",
        title_fr="Réception",
        title_en="Reception",
        starts_at=datetime(2027, 7, 6, 10, tzinfo=PARIS),
        ends_at=datetime(2027, 7, 6, 11, tzinfo=PARIS),
        venue=VenueFactory(name="Salon des Arcades"),
    )
    return engagement


def make_due(engagement) -> Reminder:
    """The day-before reminder, as if its time had come."""
    reminder = Reminder.objects.filter(engagement=engagement).order_by("due_at")[1]
    Reminder.objects.filter(pk=reminder.pk).update(due_at=timezone.now())
    return reminder


def subject_of(message) -> str:
    # Encoded words (the subject holds an en dash) come back with folding space.
    return " ".join(str(message["Subject"]).split())


def wait_until(predicate, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.mark.django_db(transaction=True)
def test_due_reminder_arrives_once_through_redis_and_a_worker_despite_two_ticks(
    officer, mail_to_smtp
):
    reminder = make_due(plan_visit(officer))
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        dispatch_due_reminders.delay()
        dispatch_due_reminders.delay()  # a second beat tick, or a duplicate delivery
        wait_until(lambda: Reminder.objects.get(pk=reminder.pk).status == "sent")
        time.sleep(1)  # whatever else was queued has run
    [message] = mail_to_smtp.messages
    assert message["To"] == officer.email
    assert subject_of(message) == "Reminder: Reception, July 6, 2027, 10:00–11:00"
    text = message.get_body(("plain",)).get_content()
    assert "Salon des Arcades" in text and "Roberto Gualtieri" in text
    assert f"/staff/visits/{reminder.engagement.visit.reference}/run-sheet/" in text
    html = message.get_body(("html",)).get_content()
    assert '<html lang="en">' in html and "Salon des Arcades" in html
    [calendar] = [part for part in message.iter_attachments()]
    ics = calendar.get_content()
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert f"UID:{reminder.engagement.uid}@protocol" in ics
    assert "DTSTART;TZID=Europe/Paris:20270706T100000" in ics
    assert "ORGANIZER" not in ics
    assert Reminder.objects.get(pk=reminder.pk).attempts == 1


@pytest.mark.django_db
def test_a_french_recipient_reads_french(officer, mail_to_smtp):
    make_due(plan_visit(officer, language="fr"))
    dispatch.send_one(dispatch.claim_due()[0])
    [message] = mail_to_smtp.messages
    assert subject_of(message) == "Rappel : Réception, 6 juillet 2027, 10:00–11:00"
    text = message.get_body(("plain",)).get_content()
    assert "Bonjour" in text and "Lieu : Salon des Arcades" in text
    assert '<html lang="fr">' in message.get_body(("html",)).get_content()


@pytest.mark.django_db
def test_a_refused_address_fails_with_its_reason_and_is_retried_from_the_admin(
    officer, officer_client, mail_to_smtp
):
    reminder = make_due(plan_visit(officer))
    mail_to_smtp.refuse[officer.email] = "550 No such mailbox"
    assert dispatch.send_one(dispatch.claim_due()[0]) == "failed"
    failed = Reminder.objects.get(pk=reminder.pk)
    assert failed.status == "failed" and "550" in failed.last_error
    del mail_to_smtp.refuse[officer.email]
    officer_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = officer_client.post(
        reverse("admin:visits_reminder_changelist"),
        {"action": "retry_selected", "_selected_action": [reminder.pk]},
        follow=True,
    )
    assert "1 failed reminder will be sent again within a minute." in response.text
    assert dispatch.send_one(dispatch.claim_due()[0]) == "sent"
    assert len(mail_to_smtp.messages) == 1


@pytest.mark.django_db
def test_a_temporary_failure_waits_and_tries_again(officer, mail_to_smtp):
    reminder = make_due(plan_visit(officer))
    mail_to_smtp.refuse[officer.email] = "451 Try again later"
    assert dispatch.send_one(dispatch.claim_due()[0]) == "pending"
    waiting = Reminder.objects.get(pk=reminder.pk)
    assert waiting.attempts == 1 and "451" in waiting.last_error
    assert 100 < (waiting.due_at - timezone.now()).total_seconds() <= 120  # 2 minutes
    assert dispatch.claim_due() == []  # not before its time


@pytest.mark.django_db
def test_a_reminder_about_what_is_now_hidden_is_not_sent(officer, staff_member, mail_to_smtp):
    engagement = plan_visit(officer)
    services.update_visit(engagement.visit, by=None, followers=[staff_member])
    reminder = Reminder.objects.filter(recipient=staff_member).order_by("due_at")[1]
    Reminder.objects.filter(pk=reminder.pk).update(due_at=timezone.now())
    # Made confidential behind the planner's back: the message is built through the door.
    type(engagement.visit).objects.filter(pk=engagement.visit_id).update(
        confidentiality="confidential"
    )
    assert dispatch.send_one(dispatch.claim_due()[0]) == "cancelled"
    assert mail_to_smtp.messages == []


@pytest.mark.django_db
def test_the_daily_agenda_is_planned_once_however_often_beat_ticks(officer, mail_to_smtp):
    StaffProfile.objects.create(user=officer, wants_daily_agenda=True, language="en")
    evening = datetime(2027, 7, 5, 18, tzinfo=PARIS)
    dispatch.plan_daily_agendas(now=evening)
    dispatch.plan_daily_agendas(now=evening)  # beat restarted at 18:00
    agenda = Reminder.objects.get(kind="agenda")
    assert agenda.key == f"agenda:2027-07-06:{officer.pk}"
    plan_visit(officer)
    Reminder.objects.filter(pk=agenda.pk).update(due_at=timezone.now())  # 2027-07-05 has come
    assert dispatch.claim_due() == [agenda.pk]
    dispatch.send_one(agenda.pk)
    [message] = mail_to_smtp.messages
    assert subject_of(message) == "Your agenda for July 6, 2027"
    assert "Reception" in message.get_body(("plain",)).get_content()


@pytest.mark.django_db
def test_those_reminded_of_a_move_get_both_times_and_the_new_ics(officer, mail_to_smtp):
    engagement = plan_visit(officer)
    make_due(engagement)
    [reminded] = dispatch.claim_due()
    assert dispatch.send_one(reminded) == "sent"
    services.reschedule_engagement(
        engagement,
        by=None,
        starts_at=datetime(2027, 7, 6, 15, tzinfo=PARIS),
        ends_at=datetime(2027, 7, 6, 16, tzinfo=PARIS),
    )
    [changed] = dispatch.claim_due()
    assert dispatch.send_one(changed) == "sent"
    message = mail_to_smtp.messages[-1]
    assert subject_of(message) == "Changed: Reception, now July 6, 2027, 15:00–16:00"
    text = message.get_body(("plain",)).get_content()
    assert "Was: July 6, 2027, 10:00–11:00" in text and "Now: July 6, 2027, 15:00–16:00" in text
    [calendar] = message.iter_attachments()
    ics = calendar.get_content()
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert "SEQUENCE:1" in ics and "DTSTART;TZID=Europe/Paris:20270706T150000" in ics


@pytest.mark.django_db(transaction=True)
def test_a_batch_handed_out_twice_at_once_sends_each_reminder_once(officer, mail_to_smtp):
    """A redelivered task (or a batch released and handed out again) running beside the first:
    each row is taken by one execution only."""
    import threading

    from django.db import connection

    engagement = plan_visit(officer)
    Reminder.objects.filter(engagement=engagement).update(due_at=timezone.now())
    ids = dispatch.claim_due()
    assert len(ids) == 3
    outcomes, start = [], threading.Barrier(2)

    def run():
        try:
            start.wait()
            outcomes.append(dispatch.send_batch(ids))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sum(outcome["sent"] for outcome in outcomes) == 3
    assert sum(outcome["skipped"] for outcome in outcomes) == 3
    assert len(mail_to_smtp.messages) == 3
    assert dispatch.send_batch(ids) == {"skipped": 3}  # and once more, later


@pytest.mark.django_db
def test_sending_inside_a_transaction_leaves_its_commits_waiting_for_the_disk(
    officer, mail_to_smtp
):
    """The take's commit skips the disk only when it is a transaction of its own: inside an
    outer one (a test, a request), SET LOCAL would last until that one ends."""
    make_due(plan_visit(officer))
    dispatch.send_one(dispatch.claim_due()[0])
    assert len(mail_to_smtp.messages) == 1
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "on"
