"""Staff pages work without JavaScript and print cleanly, in a real browser."""

from datetime import UTC, datetime

import pytest

from tests.factories import EngagementFactory, HostFactory, VenueFactory, VisitFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def week_with_a_visit():
    visit = VisitFactory(
        occasion_en="Visit of the Mayor of Rome",
        starts_on=datetime(2027, 7, 13).date(),
    )
    engagement = EngagementFactory(
        visit=visit,
        title_en="Golden Book signing",
        venue=VenueFactory(name="Salon des Arcades"),
        starts_at=datetime(2027, 7, 13, 9, tzinfo=UTC),
        ends_at=datetime(2027, 7, 13, 9, 30, tzinfo=UTC),
        status="confirmed",
    )
    engagement.hosts.set([HostFactory(name="Camille Laurent")])
    return visit


def test_agenda_without_javascript_lists_the_week_and_prints_without_controls(
    browser_as, live_server, staff_member, week_with_a_visit
):
    page = browser_as(staff_member)
    page.goto(f"{live_server.url}/staff/agenda/week/2027-07-12/")
    row = page.locator("tr", has_text="Golden Book signing")
    assert row.inner_text().split("\t")[:3] == [
        "11:00–11:30",
        f"Golden Book signing {week_with_a_visit.reference}",
        "Salon des Arcades",
    ]
    filters, navigation = page.locator("form.filters"), page.locator("header.site nav")
    assert filters.is_visible() and navigation.is_visible()
    page.emulate_media(media="print")
    assert not filters.is_visible() and not navigation.is_visible()
    assert row.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type/Page") >= 1


def test_run_sheet_prints_the_programme_without_the_page_controls(
    browser_as, live_server, staff_member, week_with_a_visit
):
    page = browser_as(staff_member)
    page.goto(f"{live_server.url}/staff/visits/{week_with_a_visit.reference}/run-sheet/")
    assert page.locator("h1").inner_text() == "Visit of the Mayor of Rome"
    hint, sign_out = page.get_by_text("To print:"), page.get_by_role("button", name="Sign out")
    assert hint.is_visible() and sign_out.is_visible()
    page.emulate_media(media="print")
    assert not hint.is_visible() and not sign_out.is_visible()
    assert page.locator("tr", has_text="Golden Book signing").is_visible()
