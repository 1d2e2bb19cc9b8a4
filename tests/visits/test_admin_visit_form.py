"""The visit's page as an officer's tool: in the order of the work, offering only the status
moves a rule allows, refusing the others with the rule, and confirming the tentative programme
with the visit when asked; the engagement's page starts on the visit's first day and keeps its
calendar identity out of the way."""

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from tests.api.test_visit_changes_api import bearer
from tests.factories import EngagementFactory, GuestFactory, VenueFactory, VisitFactory
from tests.visits.test_engagement_services import DAY, at, book
from tests.visits.test_planning_in_admin import errors_of, visit_change_form
from visits.models.choices import EngagementStatus, VisitStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def change_url(visit):
    return reverse("admin:visits_visit_change", args=[visit.pk])


def offered_statuses(page: str) -> list[str]:
    select = re.search(r'<select name="status".*?</select>', page, re.S).group(0)
    return re.findall(r'value="(\w+)"', select)


def test_visit_page_reads_what_when_who_programme_then_the_rest(officer_client):
    visit = VisitFactory(principal=GuestFactory(name="Roberto Gualtieri"))
    page = officer_client.get(change_url(visit)).text
    landmarks = [
        'name="occasion_fr"',  # what
        'name="starts_on"',  # when
        'id="participants-group"',  # who comes
        'name="hosts"',  # who receives
        'id="engagements-group"',  # the programme
        "field-programme_links",
        'id="checklist-group"',
        'name="confidentiality"',
        'name="notes"',
        'name="request_channel"',
        "field-created_at",
    ]
    missing = [landmark for landmark in landmarks if landmark not in page]
    assert missing == []
    positions = [page.index(landmark) for landmark in landmarks]
    assert positions == sorted(positions)


def test_rare_parts_of_the_visit_page_are_folded(officer_client):
    page = officer_client.get(change_url(VisitFactory())).text
    folded = re.findall(r"<details><summary>\s*<h2[^>]*>\s*([^<]+?)\s*</h2>", page)
    assert folded == ["Request", "Followers", "Record"]


def test_confirming_a_visit_without_an_engagement_is_not_offered(officer_client):
    visit = VisitFactory(status=VisitStatus.APPROVED)
    page = officer_client.get(change_url(visit)).text
    assert offered_statuses(page) == ["approved", "postponed", "cancelled"]


def test_confirming_a_visit_without_an_engagement_posted_anyway_says_why(officer_client):
    visit = VisitFactory(status=VisitStatus.APPROVED)
    response = officer_client.post(change_url(visit), visit_change_form(visit, status="confirmed"))
    assert errors_of(response) == (
        "<li>A visit is confirmed once its programme has an engagement; add one first.</li>"
    )
    visit.refresh_from_db()
    assert visit.status == VisitStatus.APPROVED


def test_a_visit_whose_programme_is_cancelled_is_not_confirmed(officer_client):
    visit = VisitFactory(status=VisitStatus.APPROVED)
    EngagementFactory(visit=visit, status=EngagementStatus.CANCELLED)
    page = officer_client.get(change_url(visit)).text
    assert "confirmed" not in offered_statuses(page)


def test_holding_a_future_visit_is_not_offered_and_refused_when_posted(officer_client):
    visit = VisitFactory(status=VisitStatus.CONFIRMED, starts_on=date.today() + timedelta(3))
    EngagementFactory(visit=visit, status=EngagementStatus.CONFIRMED)
    assert offered_statuses(officer_client.get(change_url(visit)).text) == [
        "confirmed",
        "postponed",
        "cancelled",
    ]
    response = officer_client.post(change_url(visit), visit_change_form(visit, status="held"))
    assert errors_of(response) == "<li>A visit is marked as held once its first day has come.</li>"


def test_holding_a_visit_whose_day_has_come_is_offered(officer_client):
    visit = VisitFactory(status=VisitStatus.CONFIRMED, starts_on=date.today())
    EngagementFactory(visit=visit, status=EngagementStatus.CONFIRMED)
    assert "held" in offered_statuses(officer_client.get(change_url(visit)).text)


def test_confirming_offers_to_confirm_the_tentative_programme(officer_client, officer):
    visit = VisitFactory(starts_on=DAY, status=VisitStatus.APPROVED)
    for hour in (10, 14):
        book(visit, officer, at(hour), at(hour + 1), venue=VenueFactory())
    page = officer_client.get(change_url(visit)).text
    assert "Also confirm its 2 tentative engagements" in page
    assert 'name="confirm_programme"' in page


def test_confirming_with_the_programme_confirms_each_tentative_engagement(officer_client, officer):
    visit = VisitFactory(starts_on=DAY, status=VisitStatus.APPROVED)
    for hour in (10, 14):
        book(visit, officer, at(hour), at(hour + 1), venue=VenueFactory())
    data = visit_change_form(visit, status="confirmed", confirm_programme="on")
    response = officer_client.post(change_url(visit), data)
    assert response.status_code == 302, errors_of(response)
    visit.refresh_from_db()
    assert visit.status == VisitStatus.CONFIRMED
    assert [e.status for e in visit.engagements.all()] == ["confirmed", "confirmed"]
    assert [e.sequence for e in visit.engagements.all()] == [1, 1]  # calendars are told


def test_confirming_without_the_programme_leaves_it_tentative(officer_client, officer):
    visit = VisitFactory(starts_on=DAY, status=VisitStatus.APPROVED)
    book(visit, officer, at(10), at(11), venue=VenueFactory())
    response = officer_client.post(change_url(visit), visit_change_form(visit, status="confirmed"))
    assert response.status_code == 302, errors_of(response)
    assert list(visit.engagements.values_list("status", flat=True)) == ["tentative"]


def test_programme_confirmation_is_not_offered_once_confirmed(officer_client, officer):
    visit = VisitFactory(starts_on=DAY, status=VisitStatus.APPROVED)
    book(visit, officer, at(10), at(11), venue=VenueFactory())
    officer_client.post(change_url(visit), visit_change_form(visit, status="confirmed"))
    assert 'name="confirm_programme"' not in officer_client.get(change_url(visit)).text


def test_api_refuses_to_confirm_a_visit_without_an_engagement_naming_the_field(officer):
    visit = VisitFactory(status=VisitStatus.APPROVED)
    api = Client(HTTP_AUTHORIZATION=bearer(officer), HTTP_ACCEPT_LANGUAGE="en")
    url = reverse("api:move_visit", args=[visit.reference])
    moved = api.post(url, {"to": "confirmed"}, content_type="application/json")
    assert moved.status_code == 409
    assert moved.json()["fields"] == {
        "status": ["A visit is confirmed once its programme has an engagement; add one first."]
    }


def test_engagement_added_from_a_visit_starts_on_its_first_day(officer_client):
    visit = VisitFactory(starts_on=date(2027, 7, 6))
    url = reverse("admin:visits_engagement_add") + f"?visit={visit.pk}"
    page = officer_client.get(url).text
    for name in ("starts_at_0", "ends_at_0"):
        field = re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group(0)
        assert 'value="2027-07-06"' in field
    hour = re.search(r'<input[^>]*name="starts_at_1"[^>]*>', page).group(0)
    assert not re.search(r'value="[^"]+"', hour)  # the hour is the officer's to choose


def test_engagement_added_for_a_hidden_visit_gets_no_first_day(officer_client):
    visit = VisitFactory(starts_on=date(2027, 7, 6), confidentiality="confidential")
    url = reverse("admin:visits_engagement_add") + f"?visit={visit.pk}"
    page = officer_client.get(url).text
    assert "2027-07-06" not in page


def test_engagement_page_keeps_its_calendar_identity_folded_and_read_only(officer_client):
    engagement = EngagementFactory()
    page = officer_client.get(reverse("admin:visits_engagement_change", args=[engagement.pk])).text
    assert 'name="uid"' not in page and 'name="sequence"' not in page
    start = page.index("<details>")  # the folded fieldset (the nav's menu has a class)
    record = page[start : page.index("</details>", start)]
    assert str(engagement.uid) in record
    add_page = officer_client.get(reverse("admin:visits_engagement_add")).text
    assert "field-uid" not in add_page and "field-sequence" not in add_page
