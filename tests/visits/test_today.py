"""Today (/staff/): where staff land after signing in. Their engagements today and in the
coming week (lead, host, follow, on duty), their tasks due or overdue, the reminders that could
not reach them; for the protocol office, what waits on it. All through the door, in a constant
number of queries."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HostFactory,
    ReminderFactory,
    UserFactory,
    VenueFactory,
    VisitFactory,
)
from tests.visits.staff_pages import signed_in
from visits.models import ChecklistTask

pytestmark = pytest.mark.django_db

URL = "/staff/"


def at(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def visit_for(name, on=None, **fields):
    return VisitFactory(
        principal=GuestFactory(name=name), starts_on=on or timezone.localdate(), **fields
    )


def engagement_on(visit, day, hour=11, hosts=(), assigned_staff=(), **fields):
    made = EngagementFactory(
        visit=visit, starts_at=at(day, hour), ends_at=at(day, hour + 1), **fields
    )
    made.hosts.add(*hosts)
    made.assigned_staff.add(*assigned_staff)
    return made


def task(visit, title, due_in_days, assignee=None):
    today = timezone.localdate()
    days = (today + timedelta(days=due_in_days) - visit.starts_on).days
    return ChecklistTask.objects.create(
        visit=visit, title_fr=title, title_en=title, days_from_visit=days, assignee=assignee
    )


def mine(user, n):
    """n items in each of `user`'s lists, named "<list> <i>"."""
    today = timezone.localdate()
    for i in range(n):
        led = visit_for(f"Led guest {i}", lead_officer=user)
        engagement_on(led, today, 9 + i, title_en=f"Today {i}")
        followed = visit_for(f"Followed guest {i}", on=today + timedelta(days=2))
        followed.followers.add(user)
        engagement_on(followed, today + timedelta(days=2), 9 + i, title_en=f"Coming {i}")
        task(led, f"Task {i}", due_in_days=-1 - i, assignee=user)
        ReminderFactory(
            recipient=user,
            status="failed",
            engagement=engagement_on(led, today, 15 + i, title_en=f"Failed {i}"),
            key=f"failed:{user.pk}:{i}",
        )


def office_work(n):
    """n items in each of the office's lists."""
    today = timezone.localdate()
    room = VenueFactory(name="Salle des Fêtes")
    for i in range(n):
        visit_for(
            f"Asking guest {i}",
            on=today + timedelta(days=40),
            status="requested",
            requested_on=today - timedelta(days=12 + i),
        )
        confirmed = visit_for(f"Tentative guest {i}", on=today + timedelta(days=5))
        engagement_on(confirmed, today + timedelta(days=5), 9, status="tentative")
        day = today + timedelta(days=10 + i)
        for side in ("A", "B"):
            clashing = visit_for(f"Clash guest {i}{side}", on=day)
            engagement_on(
                clashing, day, 14, venue=room, status="confirmed", title_en=f"Clash {i}{side}"
            )
        task(confirmed, f"Late {i}", due_in_days=-3, assignee=UserFactory(username=f"other{i}"))


def page_of(client):
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_staff_land_on_today_after_signing_in(staff_member):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = client.post(
        reverse("staff:login"),
        {"username": "staff", "password": "correct horse battery staple"},
    )
    assert response.status_code == 302 and response["Location"] == URL
    assert "<h1>Today</h1>" in page_of(client)


def test_someone_not_signed_in_is_sent_to_sign_in():
    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:login"))


def test_someone_who_is_not_staff_is_refused_as_on_the_other_staff_pages():
    client = signed_in(UserFactory(username="citizen", is_staff=False))
    assert client.get(URL).status_code == 403
    assert client.get(reverse("staff:my_reminders")).status_code == 403


def test_today_lists_what_is_mine_only(staff_member):
    today = timezone.localdate()
    mine(staff_member, 1)
    hosted = visit_for("Hosted guest", on=today + timedelta(days=3))
    engagement_on(
        hosted,
        today + timedelta(days=3),
        hosts=[HostFactory(user=staff_member)],
        title_en="Hosted talks",
    )
    on_duty = visit_for("Duty guest", on=today + timedelta(days=4))
    engagement_on(
        on_duty, today + timedelta(days=4), assigned_staff=[staff_member], title_en="Duty lunch"
    )
    others = visit_for("Someone else's guest")
    engagement_on(others, today, title_en="Not mine")
    far = visit_for("Far guest", on=today + timedelta(days=9))
    far.followers.add(staff_member)
    engagement_on(far, today + timedelta(days=9), title_en="Too far")
    page = page_of(signed_in(staff_member))
    for shown in ("Today 0", "Coming 0", "Hosted talks", "Duty lunch", "Task 0", "Failed 0"):
        assert shown in page
    assert "Not mine" not in page and "Too far" not in page
    assert "Waiting for a decision" not in page  # the office's part


def test_today_keeps_the_door_a_confidential_visit_followed_is_not_shown(staff_member):
    today = timezone.localdate()
    secret = visit_for("Ms Secret", confidentiality="confidential")
    secret.followers.add(staff_member)
    engagement_on(secret, today, title_en="Secret talks")
    page = page_of(signed_in(staff_member))
    assert "Secret talks" not in page and "Ms Secret" not in page
    assert "Nothing on your programme today." in page


def test_today_empty_states_speak_to_people(officer):
    page = page_of(signed_in(officer))
    for empty in (
        "Nothing on your programme today.",
        "Nothing planned for you in the coming days.",
        "No task of yours is due this week.",
        "Every reminder reached you.",
        "Nothing waits for a decision.",
        "Every confirmed visit has a confirmed programme.",
        "No clash in the next 28 days.",
        "No task is overdue.",
    ):
        assert empty in page


def test_the_office_sees_what_waits_on_it_each_item_linking_where_it_is_dealt_with(officer):
    office_work(1)
    page = page_of(signed_in(officer))
    asking = page.split('id="waiting"')[1].split("</section>")[0]
    assert "Asking guest 0" in asking and "waiting for 12 days" in asking
    assert "/admin/visits/visit/" in asking
    tentative = page.split('id="tentative"')[1].split("</section>")[0]
    assert "Tentative guest 0" in tentative and "1 tentative engagement" in tentative
    clashes = page.split('id="clashes"')[1].split("</section>")[0]
    assert "Clash 0A" in clashes and "Clash 0B" in clashes
    assert "/admin/visits/engagement/" in clashes
    overdue = page.split('id="overdue"')[1].split("</section>")[0]
    assert "Late 0" in overdue and "other0" in overdue


def test_staff_do_not_see_the_offices_lists(staff_member):
    office_work(1)
    page = page_of(signed_in(staff_member))
    assert "Asking guest 0" not in page and "For the protocol office" not in page


def test_today_reads_in_french(staff_member):
    mine(staff_member, 1)
    page = signed_in(staff_member, "fr").get(URL).content.decode()
    assert '<html lang="fr">' in page and "Aujourd’hui" in page


@pytest.mark.parametrize("count", [1, 3])
def test_today_of_staff_reads_a_constant_number_of_queries(
    staff_member, django_assert_num_queries, count
):
    mine(staff_member, count)
    client = signed_in(staff_member)
    # The request's savepoint and its release; session and user; the user's and their groups'
    # permissions (then cached on the user, for the nav too); my engagements and their
    # principal guests; my tasks; my failed reminders.
    with django_assert_num_queries(10):
        page = page_of(client)
    assert page.count('<span class="badge overdue">Failed</span>') == count
    assert page.count('/">Today ') == count and page.count('/">Coming ') == count


@pytest.mark.parametrize("count", [1, 3])
def test_today_of_an_officer_reads_a_constant_number_of_queries(
    officer, django_assert_num_queries, count
):
    mine(officer, count)
    office_work(count)
    client = signed_in(officer)
    # The staff member's 10; visits waiting and their guests; confirmed visits with a tentative
    # programme and their guests; the agenda of the coming weeks for clashes (engagements,
    # their hosts, their guests, busy blocks); overdue tasks.
    with django_assert_num_queries(19):
        page = page_of(client)
    assert page.count("Asking guest") == count and page.count("Late ") == count


def current_items(page):
    """The nav items marked as the current page, in the desktop's row and in the phone's menu
    (templates/staff/nav.html writes the items twice: nav.css shows one)."""
    nav = page.split('<nav class="staff-nav"')[1].split("</nav>")[0]
    wide, menu = nav.split('<details class="staff-nav-menu">')
    found = [
        re.findall(r'<a href="([^"]+)" aria-current="page">([^<]+)</a>', part)
        for part in (wide, menu)
    ]
    assert found[0] == found[1]
    return found[0]


def test_the_nav_marks_the_current_page_on_staff_pages_and_in_the_admin(officer):
    client = signed_in(officer)
    assert current_items(page_of(client)) == [(URL, "Today")]
    agenda = client.get(reverse("staff:agenda", args=["week", timezone.localdate()]))
    assert current_items(agenda.content.decode()) == [(reverse("staff:agenda_now"), "Agenda")]
    visits = reverse("admin:visits_visit_changelist")
    assert current_items(client.get(visits).content.decode()) == [(visits, "Visits")]
    guests = reverse("admin:visits_guest_changelist")
    assert current_items(client.get(guests + "add/").content.decode()) == [(guests, "Guests")]
    engagements = reverse("admin:visits_engagement_changelist")
    assert current_items(client.get(engagements).content.decode()) == [(visits, "Visits")]
    index = reverse("admin:index")
    assert current_items(client.get(index).content.decode()) == [(index, "Administration")]


def test_the_nav_offers_the_admin_only_to_those_it_admits(officer):
    office = page_of(signed_in(officer))
    for item in ("Today", "Agenda", "Visits", "Guests", "Calendars", "Reminders", "Administration"):
        assert f">{item}</a>" in office
    outside = UserFactory(username="outside", is_staff=False)
    outside.groups.add(*officer.groups.all())
    page = page_of(signed_in(outside))
    assert ">Today</a>" in page and ">Reminders</a>" in page
    assert ">Visits</a>" not in page and ">Administration</a>" not in page
    assert "Sign out" in page


def test_a_failed_reminder_links_the_office_to_its_admin_page_and_staff_to_their_settings(
    officer, staff_member
):
    mine(officer, 1)
    mine(staff_member, 1)
    office = page_of(signed_in(officer)).split('id="failed-reminders"')[1].split("</section>")[0]
    assert "/admin/visits/reminder/" in office
    staff = page_of(signed_in(staff_member))
    staff = staff.split('id="failed-reminders"')[1].split("</section>")[0]
    assert "/admin/visits/reminder/" not in staff and reverse("staff:my_reminders") in staff
