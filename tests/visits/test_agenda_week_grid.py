"""The agenda's week grid (`?view=grid`): seven day columns, each engagement in its day in time
order, with its time, title, venue, guests and badges; today marked; a link to switch between
the list and the grid that keeps the filters."""

from datetime import date
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from tests.factories import HostFactory, VenueFactory
from tests.visits.staff_pages import (
    TUESDAY,
    agenda_url,
    engagement,
    listed,
    norm,
    page_of,
    utc,
    visible_text,
    visit_of,
)

pytestmark = pytest.mark.django_db


class GridText(HTMLParser):
    """The grid as a reader sees it: by day (the section's heading), the text of each item;
    the days marked today; the links of the list/grid switch, by their text."""

    def __init__(self, html: str):
        super().__init__()
        self.days: dict[str, list[str]] = {}
        self.today: list[str] = []
        self.switch: dict[str, str] = {}
        self._day = self._heading = self._item = self._link = None
        self._in_switch = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "section" and "day" in classes:
            self._day = {"today": "today" in classes}
        elif tag == "h2" and self._day is not None:
            self._heading = []
        elif tag == "li" and self._day is not None:
            self._item = []
        elif tag == "ul" and "segmented" in classes:
            self._in_switch = True
        elif tag == "a" and self._in_switch:
            self._link = [attributes["href"]]

    def handle_endtag(self, tag):
        if tag == "h2" and self._heading is not None:
            name = norm(self._heading)
            self.days[name] = []
            if self._day["today"]:
                self.today.append(name)
            self._day["name"], self._heading = name, None
        elif tag == "li" and self._item is not None:
            self.days[self._day["name"]].append(norm(self._item))
            self._item = None
        elif tag == "section":
            self._day = None
        elif tag == "ul":
            self._in_switch = False
        elif tag == "a" and self._link:
            href, *text = self._link
            self.switch[norm(text)] = href
            self._link = None

    def handle_data(self, data):
        for collected in (self._heading, self._item, self._link):
            if collected is not None:
                collected.append(data)


def grid_of(response) -> GridText:
    page_of(response)  # a 200, or the status in the failure
    return GridText(response.content.decode())


def test_agenda_week_grid_places_engagements_in_their_day_in_time_order(staff_client):
    fetes, arcades = VenueFactory(name="Salle des Fêtes"), VenueFactory(name="Salon des Arcades")
    rome, berlin = visit_of("Roberto Gualtieri"), visit_of("Kai Wegner")
    engagement(rome, utc(TUESDAY, 9), 60, [HostFactory()], title_en="Welcome", venue=fetes)
    engagement(berlin, utc(TUESDAY, 8), 30, title_en="Press", venue=arcades, status="tentative")
    engagement(rome, utc(date(2027, 7, 18), 21, 30), 20, title_en="Late", venue=fetes)

    grid = grid_of(staff_client.get(agenda_url(), {"view": "grid"}))

    assert grid.days == {
        "Monday 12 July": [],
        "Tuesday 13 July": [
            "10:00–10:30 Press Salon des Arcades Kai Wegner Tentative",
            "11:00–12:00 Welcome Salle des Fêtes Roberto Gualtieri",
        ],
        "Wednesday 14 July": [],
        "Thursday 15 July": [],
        "Friday 16 July": [],
        "Saturday 17 July": [],
        "Sunday 18 July": ["23:30–23:50 Late Salle des Fêtes Roberto Gualtieri"],
    }
    assert grid.today == []  # July 2027 is not now


def test_agenda_week_grid_links_each_item_to_its_run_sheet(staff_client):
    visit = visit_of("Roberto Gualtieri")
    engagement(visit, utc(TUESDAY, 9), title_en="Welcome")
    text = staff_client.get(agenda_url(), {"view": "grid"}).content.decode()
    assert f'<a class="what" href="/staff/visits/{visit.reference}/run-sheet/">Welcome</a>' in text


def test_agenda_marks_today_in_the_list_and_in_the_grid(staff_client):
    today = timezone.localdate()
    for view in ("list", "grid"):
        response = staff_client.get(agenda_url(today), {"view": view})
        grid = grid_of(response)
        assert len(grid.today) == 1, view
        assert grid.today[0].startswith(today.strftime("%A")), view
        assert response.content.decode().count('class="badge today"') == 1, view


def test_agenda_week_grid_shows_a_busy_block_without_its_secrets(staff_client, secret_talks):
    grid = grid_of(staff_client.get(agenda_url(), {"view": "grid"}))
    assert grid.days["Tuesday 13 July"] == ["14:00–15:00 Confidential engagement Salon Jaune"]
    text = staff_client.get(agenda_url(), {"view": "grid"}).content.decode()
    for secret in ("Secret talks", "Ms Secret", secret_talks.visit.reference):
        assert secret not in text


def test_agenda_week_grid_shows_a_cleared_officer_the_confidential_badge(
    cleared_client, secret_talks
):
    grid = grid_of(cleared_client.get(agenda_url(), {"view": "grid"}))
    assert grid.days["Tuesday 13 July"] == [
        "14:00–15:00 Secret talks Salon Jaune Ms Secret Confidential"
    ]


def test_agenda_view_switch_keeps_the_filters_and_the_arrows_keep_the_view(staff_client):
    venue = VenueFactory()
    response = staff_client.get(agenda_url(TUESDAY), {"venue": venue.pk, "view": "grid"})
    grid, page = grid_of(response), page_of(response)
    assert grid.switch["List"] == f"{agenda_url(TUESDAY)}?venue={venue.pk}"
    assert grid.switch["Week grid"] == f"{agenda_url(TUESDAY)}?venue={venue.pk}&view=grid"
    assert page.links["next"] == f"{agenda_url(date(2027, 7, 19))}?venue={venue.pk}&view=grid"
    # The filter form sends the view along with the filters.
    assert '<input type="hidden" name="view" value="grid">' in response.content.decode()


def test_agenda_day_view_is_a_list_whatever_the_view_asked(staff_client):
    engagement(visit_of("Roberto Gualtieri"), utc(TUESDAY, 9), title_en="Welcome")
    response = staff_client.get(agenda_url(TUESDAY, "day"), {"view": "grid"})
    assert 'class="week-grid"' not in response.content.decode()
    assert page_of(response).sections["Tuesday 13 July 2027"][0][1].startswith("Welcome")


def test_agenda_unknown_view_answers_400_naming_the_field(staff_client):
    response = staff_client.get(agenda_url(), {"view": "month"})
    assert response.status_code == 400
    assert list(response.context["filters"].errors) == ["view"]
    assert "view Select a valid choice." in visible_text(response)


@pytest.mark.parametrize("count", [1, 3])
def test_agenda_week_grid_query_count_does_not_grow_with_engagements(
    staff_client, django_assert_num_queries, count
):
    hosts = [HostFactory(), HostFactory()]
    for number in range(count):
        engagement(visit_of(f"Guest {number}"), utc(TUESDAY, 8 + 2 * number), hosts=hosts)
    with django_assert_num_queries(12):  # as many as the list
        response = staff_client.get(agenda_url(), {"view": "grid"})
    assert len(listed(response)) == count
    assert len(grid_of(response).days["Tuesday 13 July"]) == count
