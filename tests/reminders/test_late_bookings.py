"""An engagement booked (or moved, or staffed) later than its recipients' lead times: each is
told at once how soon it starts, once, in their language, through the real dispatcher and
SMTP server."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from tests.factories import GuestFactory, UserFactory, VenueFactory
from tests.reminders.test_sending import subject_of
from visits import services
from visits.models import Reminder, StaffProfile
from visits.services import dispatch
from visits.services.messages import how_soon, when
from visits.services.reminders import plan_engagement_reminders

pytestmark = pytest.mark.django_db


def colleague(officer, username, language="en", lead_times="7d, 1d, 2h"):
    user = UserFactory(username=username)
    user.groups.add(*officer.groups.all())
    StaffProfile.objects.create(user=user, language=language, lead_times=lead_times)
    return user


@pytest.fixture
def visit(officer):
    """A visit running today and tomorrow: an engagement 45 minutes ahead fits, even late at
    night."""
    StaffProfile.objects.create(user=officer, language="en")
    today = timezone.localdate()
    return services.create_visit(
        by=None,
        kind="official_visit",
        occasion_fr="Visite du maire de Rome",
        occasion_en="Visit of the Mayor of Rome",
        starts_on=today,
        ends_on=today + timedelta(days=3),
        lead_officer=officer,
        delegation=[(GuestFactory(name="Roberto Gualtieri"), "principal")],
    )


def book(visit, ahead, **fields):
    # 20 seconds over, so that "in 45 minutes" still holds when the message is written.
    starts_at = timezone.now() + ahead + timedelta(seconds=20)
    return services.create_engagement(
        visit=visit,
        by=None,
        kind="reception",
        title_fr="Réception",
        title_en="Reception",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=1),
        venue=VenueFactory(name="Salon des Arcades"),
        **fields,
    )


def send_what_is_due() -> list[str]:
    """Sends what is due now; the keys of the reminders sent."""
    ids = dispatch.claim_due()
    dispatch.send_batch(ids)
    sent = Reminder.objects.filter(pk__in=ids, status="sent").order_by("pk")
    return list(sent.values_list("key", flat=True))


def late_key(engagement, user) -> str:
    return f"late:{engagement.uid}:{user.pk}"


def test_a_booking_45_minutes_ahead_tells_each_recipient_at_once_in_their_language(
    visit, officer, mail_to_smtp
):
    usher = colleague(officer, "usher", language="fr")
    quiet = colleague(officer, "quiet", lead_times="")  # wants no reminder at all
    engagement = book(visit, timedelta(minutes=45), assigned_staff=[usher, quiet])
    assert sorted(send_what_is_due()) == sorted(
        [late_key(engagement, officer), late_key(engagement, usher)]
    )
    with timezone.override(timezone.get_default_timezone()):
        moment = when(engagement.starts_at, engagement.ends_at)
    [english] = mail_to_smtp.by_recipient(officer.email)
    assert subject_of(english) == f"New engagement in 45 minutes: Reception, {moment}"
    text = english.get_body(("plain",)).get_content()
    assert "A new engagement starts in 45 minutes:" in text and "Salon des Arcades" in text
    [french] = mail_to_smtp.by_recipient(usher.email)
    with timezone.override(timezone.get_default_timezone()), translation.override("fr"):
        moment_fr = when(engagement.starts_at, engagement.ends_at)
    assert subject_of(french) == f"Nouvelle séquence dans 45 minutes : Réception, {moment_fr}"
    assert "dans 45 minutes\u00a0: Réception" in str(french["Subject"])  # a no-break space
    assert (
        "Une nouvelle séquence commence dans 45 minutes\u00a0:"
        in french.get_body(("plain",)).get_content()
    )
    assert mail_to_smtp.by_recipient(quiet.email) == []


def test_a_late_booking_is_told_once_however_often_it_is_planned_again(
    visit, officer, mail_to_smtp
):
    engagement = book(visit, timedelta(minutes=45))
    plan_engagement_reminders(engagement)  # before it went out
    assert send_what_is_due() == [late_key(engagement, officer)]
    plan_engagement_reminders(engagement)  # and after
    services.update_engagement(engagement, by=None, notes="Protocol dress")
    assert send_what_is_due() == []
    assert len(mail_to_smtp.messages) == 1


def test_staff_added_to_a_late_booking_tells_only_the_newcomer(visit, officer, mail_to_smtp):
    engagement = book(visit, timedelta(minutes=45))
    assert send_what_is_due() == [late_key(engagement, officer)]
    usher = colleague(officer, "usher")
    services.update_engagement(engagement, by=None, assigned_staff=[usher])
    assert send_what_is_due() == [late_key(engagement, usher)]
    assert [m["To"] for m in mail_to_smtp.messages] == [officer.email, usher.email]


def test_a_booking_whose_nearest_lead_time_is_still_ahead_waits_for_it(visit, officer):
    engagement = book(visit, timedelta(hours=3))  # 7d and 1d passed, 2h to come
    assert dispatch.claim_due() == []
    [pending] = Reminder.objects.filter(engagement=engagement, status="pending")
    assert pending.key.endswith(":120")


def test_an_engagement_already_started_gets_no_notice(visit, officer):
    engagement = book(visit, timedelta(minutes=-10))
    assert not Reminder.objects.filter(engagement=engagement).exists()


def test_a_move_to_a_late_time_tells_the_reminded_it_changed_and_the_others_it_is_soon(
    visit, officer, mail_to_smtp
):
    usher = colleague(officer, "usher")
    engagement = book(visit, timedelta(days=2), assigned_staff=[usher])
    # The officer had the day-before reminder; the usher, whose 1d and 2h are to come, nothing.
    Reminder.objects.filter(recipient=officer, key__endswith=":1440").update(
        status="sent", sent_at=timezone.now()
    )
    starts_at = timezone.now() + timedelta(minutes=45, seconds=20)
    services.reschedule_engagement(
        engagement, by=None, starts_at=starts_at, ends_at=starts_at + timedelta(hours=1)
    )
    due = Reminder.objects.filter(status="pending", due_at__lte=timezone.now())
    assert sorted(due.values_list("kind", "recipient__username")) == [
        ("changed", "officer"),
        ("engagement", "usher"),
    ]
    send_what_is_due()
    [changed] = mail_to_smtp.by_recipient(officer.email)
    assert subject_of(changed).startswith("Changed: Reception, now ")
    [soon] = mail_to_smtp.by_recipient(usher.email)
    assert subject_of(soon).startswith("New engagement in 45 minutes: Reception, ")


def test_confirming_a_tentative_late_booking_sends_nothing_more(visit, officer, mail_to_smtp):
    engagement = book(visit, timedelta(minutes=45))
    assert engagement.status == "tentative"
    send_what_is_due()
    services.confirm_engagement(engagement, by=None)
    assert send_what_is_due() == []
    assert len(mail_to_smtp.messages) == 1


def test_a_postponed_engagement_brought_back_at_a_late_time_is_told_again(
    visit, officer, mail_to_smtp
):
    engagement = book(visit, timedelta(minutes=45))
    send_what_is_due()
    services.postpone_engagement(engagement, by=None)
    send_what_is_due()  # "cancelled"
    services.confirm_engagement(engagement, by=None)
    assert send_what_is_due() == [late_key(engagement, officer)]
    subjects = [subject_of(message).split(":")[0] for message in mail_to_smtp.messages]
    assert subjects == ["New engagement in 45 minutes", "Cancelled", "New engagement in 45 minutes"]


def test_a_notice_whose_engagement_has_begun_before_it_goes_out_is_not_sent(
    visit, officer, mail_to_smtp
):
    engagement = book(visit, timedelta(minutes=45))
    [claimed] = dispatch.claim_due()
    type(engagement).objects.filter(pk=engagement.pk).update(
        starts_at=timezone.now() - timedelta(minutes=1)
    )
    assert dispatch.send_one(claimed) == "cancelled"
    assert mail_to_smtp.messages == []


@pytest.mark.parametrize(
    ("delay", "in_english", "in_french"),
    [
        (timedelta(seconds=20), "1 minute", "1 minute"),
        (timedelta(minutes=45), "45 minutes", "45 minutes"),
        (timedelta(minutes=60), "1 hour", "1 heure"),
        (timedelta(minutes=90), "1 hour and 30 minutes", "1 heure et 30 minutes"),
        (timedelta(days=2, hours=3, minutes=10), "2 days and 3 hours", "2 jours et 3 heures"),
        (timedelta(days=1), "1 day", "1 jour"),
    ],
)
def test_how_soon_says_the_two_largest_units(delay, in_english, in_french):
    assert how_soon(delay) == in_english
    with translation.override("fr"):
        assert how_soon(delay) == in_french
