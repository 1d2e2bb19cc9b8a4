"""A mail error that retrying cannot mend fails the reminder at once, with its reason; one that
may pass (a 4xx) waits and tries again. Through the real SMTP server the other tests use."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.reminders.test_sending import make_due, plan_visit
from visits.models import Engagement, Reminder
from visits.services import dispatch

pytestmark = pytest.mark.django_db


def send_due() -> str:
    [claimed] = dispatch.claim_due()
    return dispatch.send_one(claimed)


def assert_failed_at_once(reminder, reason_starts_with):
    failed = Reminder.objects.get(pk=reminder.pk)
    assert (failed.status, failed.attempts) == ("failed", 1)
    assert failed.last_error.startswith(reason_starts_with), failed.last_error
    assert dispatch.claim_due() == []  # nothing left to try again


def test_a_title_with_a_line_break_fails_the_reminder_at_once_with_its_reason(
    officer, mail_to_smtp
):
    engagement = plan_visit(officer)
    reminder = make_due(engagement)
    # Written before titles were checked (or behind the models' back): the subject would
    # carry a header of its own.
    Engagement.objects.filter(pk=engagement.pk).update(title_en="Reception\r\nBcc: x@example.org")
    assert send_due() == "failed"
    assert_failed_at_once(reminder, "BadHeaderError: Header values can't contain newlines")
    assert mail_to_smtp.messages == []


def test_an_address_that_cannot_be_encoded_fails_the_reminder_at_once(officer, mail_to_smtp):
    reminder = make_due(plan_visit(officer))
    # A domain label over 63 characters: IDNA cannot encode it.
    get_user_model().objects.filter(pk=officer.pk).update(email=f"officer@{'a' * 70}.fr")
    assert send_due() == "failed"
    assert_failed_at_once(reminder, "UnicodeError: encoding with 'idna' codec failed")
    assert mail_to_smtp.messages == []


def test_a_message_the_server_refuses_for_good_fails_at_once(officer, mail_to_smtp):
    reminder = make_due(plan_visit(officer))
    mail_to_smtp.refuse_data = "554 5.6.0 Message refused"
    assert send_due() == "failed"
    assert_failed_at_once(reminder, "SMTPDataError: (554, b'5.6.0 Message refused')")


def test_a_message_the_server_refuses_for_now_waits_and_tries_again(officer, mail_to_smtp):
    reminder = make_due(plan_visit(officer))
    mail_to_smtp.refuse_data = "451 4.3.0 Try again later"
    assert send_due() == "pending"
    waiting = Reminder.objects.get(pk=reminder.pk)
    assert waiting.attempts == 1 and "451" in waiting.last_error
    assert 100 < (waiting.due_at - timezone.now()).total_seconds() <= 120
    mail_to_smtp.refuse_data = None
    Reminder.objects.filter(pk=reminder.pk).update(due_at=timezone.now())
    assert send_due() == "sent"
    assert len(mail_to_smtp.messages) == 1
