"""The reception's details on the Invitations page (visits/views/reception_form.py, through
visits.services.receptions): the office sets the reply deadline, the entrance, the dress code
and when to arrive; a deadline after the engagement starts, or bad input, is refused beside its
field with nothing written; staff read the details; waiting reminders to reply move with the
deadline."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.factories import EngagementFactory, GuestFactory, VenueFactory
from tests.visits.staff_pages import signed_in
from visits.models import AddressCard, Reception, Reminder, ReminderKind
from visits.services.errors import RuleBroken
from visits.services.invitation_mail import send_invitations
from visits.services.invitations import invite
from visits.services.receptions import set_reception

PARIS = ZoneInfo("Europe/Paris")
STARTS = datetime(2027, 7, 13, 18, 0, tzinfo=PARIS)


@pytest.fixture
def reception(db):
    return EngagementFactory(starts_at=STARTS, venue=VenueFactory(capacity=100))


def page(engagement) -> str:
    return reverse("staff:invitations", args=[engagement.uid])


DETAILS = {
    "action": "reception",
    "reply_by": "2027-07-06T12:00",
    "entrance_fr": "Entrée par le 5, rue de Lobau",
    "entrance_en": "Entrance at 5 rue de Lobau",
    "dress_code_fr": "Tenue de ville",
    "dress_code_en": "Lounge suit",
    "arrive_minutes_before": "20",
}


def test_the_office_sets_the_reception_and_reads_it_back(officer, reception):
    office = signed_in(officer)
    response = office.post(page(reception), DETAILS)
    assert response.status_code == 302
    kept = Reception.objects.get(engagement=reception)
    assert kept.reply_by == datetime(2027, 7, 6, 12, 0, tzinfo=PARIS)  # Paris time, as typed
    assert (kept.entrance_en, kept.dress_code_fr, kept.arrive_minutes_before) == (
        "Entrance at 5 rue de Lobau", "Tenue de ville", 20
    )  # fmt: skip
    text = office.get(page(reception)).content.decode()
    assert "The reception’s details are kept." in text
    assert "6 July 2027" in text and "Lounge suit" in text
    assert 'value="2027-07-06T12:00"' in text  # the form opens on what is kept


@pytest.mark.parametrize(
    ("changed", "field"),
    [
        ({"reply_by": "2027-07-14T09:00"}, "reply_by"),  # after the engagement starts
        ({"reply_by": ""}, "reply_by"),
        ({"reply_by": "next week"}, "reply_by"),
        ({"arrive_minutes_before": "soon"}, "arrive_minutes_before"),
        ({"entrance_fr": "x" * 201}, "entrance_fr"),
    ],
)
def test_bad_details_are_refused_beside_their_field_and_nothing_written(
    officer, reception, changed, field
):
    response = signed_in(officer).post(page(reception), DETAILS | changed)
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not Reception.objects.exists()


def test_the_deadline_after_the_start_is_refused_in_french_too(officer, reception):
    response = signed_in(officer, "fr").post(
        page(reception), DETAILS | {"reply_by": "2027-07-14T09:00"}
    )
    assert (
        "La date limite de réponse doit précéder le début de la séquence."
        in response.content.decode()
    )


def test_staff_read_the_details_but_may_not_set_them(staff_member, reception):
    Reception.objects.create(engagement=reception, reply_by=STARTS - timedelta(days=7))
    staff = signed_in(staff_member)
    text = staff.get(page(reception)).content.decode()
    assert "Replies close on" in text and 'value="reception"' not in text
    assert staff.post(page(reception), DETAILS).status_code == 403
    assert Reception.objects.get().reply_by == STARTS - timedelta(days=7)


def test_reminders_to_reply_that_wait_move_with_the_deadline(officer, reception):
    now = datetime(2027, 6, 1, 9, 0, tzinfo=UTC)
    set_reception(reception, by=officer, reply_by=STARTS - timedelta(days=7), now=now)
    guest = GuestFactory()
    AddressCard.objects.create(guest=guest, email="ana@example.org")
    invite(reception, [guest], by=None)
    send_invitations(reception, by=officer, now=now)
    due = Reminder.objects.filter(kind=ReminderKind.REPLY_DUE)
    assert list(due.values_list("due_at", flat=True)) == [STARTS - timedelta(days=10)]
    set_reception(reception, by=officer, reply_by=STARTS - timedelta(days=4), now=now)
    assert list(due.values_list("due_at", flat=True)) == [STARTS - timedelta(days=7)]
    # A deadline too close for three days' notice: the reminder goes at once.
    later = STARTS - timedelta(days=3)
    set_reception(reception, by=officer, reply_by=STARTS - timedelta(days=2), now=later)
    assert list(due.values_list("due_at", flat=True)) == [later]


def test_the_service_refuses_a_deadline_after_the_start(officer, reception):
    with pytest.raises(RuleBroken) as refused:
        set_reception(reception, by=officer, reply_by=STARTS + timedelta(minutes=1))
    assert list(refused.value.message_dict) == ["reply_by"]
    assert not Reception.objects.exists()
