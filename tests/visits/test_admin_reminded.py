"""Who is reminded, changed in the admin (a visit's followers, an engagement's staff, a checklist
task), is written by the services, which plan the reminders again in the same transaction."""

import pytest
from django.urls import reverse

from tests.factories import GuestFactory, UserFactory, VenueFactory
from tests.visits.admin_forms import posted_back
from tests.visits.test_engagement_services import DAY, at, book
from visits import services
from visits.models import Reminder, StaffProfile

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def visit(officer):
    return services.create_visit(
        by=officer,
        kind="official_visit",
        occasion_fr="Visite",
        occasion_en="Visit",
        starts_on=DAY,
        lead_officer=officer,
        delegation=[(GuestFactory(), "principal")],
    )


@pytest.fixture
def usher(officer):
    user = UserFactory(username="usher")
    user.groups.add(*officer.groups.all())
    StaffProfile.objects.create(user=user, lead_times="3h", language="en")
    return user


def change(client, record, **changes):
    url = reverse(f"admin:visits_{record._meta.model_name}_change", args=[record.pk])
    response = client.post(url, posted_back(client.get(url), **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def pending(**filters) -> list:
    rows = Reminder.objects.filter(status="pending", **filters).order_by("due_at")
    return [(row.recipient.username, row.kind, row.due_at) for row in rows]


def test_a_follower_added_in_the_admin_is_reminded_and_removed_is_not(officer_client, visit, usher):
    engagement = book(visit, None, at(10), at(11), venue=VenueFactory())
    change(officer_client, visit, followers=[str(usher.pk)])
    assert pending(engagement=engagement, recipient=usher) == [("usher", "engagement", at(7))]
    change(officer_client, visit, followers=[])
    assert pending(engagement=engagement, recipient=usher) == []


def test_staff_assigned_in_the_admin_are_reminded_and_calendars_left_alone(
    officer_client, visit, usher
):
    engagement = book(visit, None, at(10), at(11), venue=VenueFactory())
    change(officer_client, engagement, assigned_staff=[str(usher.pk)])
    assert pending(engagement=engagement, recipient=usher) == [("usher", "engagement", at(7))]
    engagement.refresh_from_db()
    assert (list(engagement.assigned_staff.all()), engagement.sequence) == ([usher], 0)


def test_a_task_assigned_and_ticked_off_in_the_admin_moves_its_reminders(
    officer_client, visit, usher
):
    tasks = list(visit.checklist.all())
    flags = next(
        number for number, task in enumerate(tasks) if task.title_en == "Flags and anthems"
    )
    change(officer_client, visit, **{f"checklist-{flags}-assignee": str(usher.pk)})
    task = tasks[flags]
    assert [row[:2] for row in pending(task=task)] == [("usher", "task"), ("officer", "overdue")]
    change(
        officer_client,
        visit,
        **{f"checklist-{flags}-done_at_0": "2027-07-01", f"checklist-{flags}-done_at_1": "09:00"},
    )
    assert pending(task=task) == []


def test_a_task_added_in_the_admin_gets_its_deadline_and_reminders(officer_client, visit):
    url = reverse("admin:visits_visit_change", args=[visit.pk])
    data = posted_back(officer_client.get(url))
    number = int(data["checklist-TOTAL_FORMS"])
    data |= {
        "checklist-TOTAL_FORMS": str(number + 1),
        f"checklist-{number}-visit": str(visit.pk),
        f"checklist-{number}-title_fr": "Menu",
        f"checklist-{number}-title_en": "Menu",
        f"checklist-{number}-days_from_visit": "-5",
    }
    assert officer_client.post(url, data).status_code == 302
    task = visit.checklist.get(title_en="Menu")
    assert (task.due_on.isoformat(), len(pending(task=task))) == ("2027-07-01", 2)


def test_lead_times_changed_in_the_admin_move_that_persons_reminders(client, visit, usher):
    """As on the person's own page (/staff/my-reminders/), the reminders follow at once."""
    admin_user = UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    engagement = book(visit, None, at(10), at(11), venue=VenueFactory())
    services.update_engagement(engagement, by=None, assigned_staff=[usher])
    assert pending(engagement=engagement, recipient=usher) == [("usher", "engagement", at(7))]
    url = reverse("admin:auth_user_change", args=[usher.pk])
    data = posted_back(client.get(url), **{"staff_profile-0-lead_times": "1h"})
    assert client.post(url, data).status_code == 302
    assert pending(engagement=engagement, recipient=usher) == [("usher", "engagement", at(9))]
