"""The admin's lists start where the work is: the coming visits and engagements, soonest first
(a search or another filter looks at all time), the engagements with their guests, countries
offered only when in use, times written 24-hour in both languages."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse

from tests.factories import PARIS, EngagementFactory, GuestFactory, VisitFactory
from visits.models import VisitGuest

pytestmark = pytest.mark.django_db

TODAY = date.today()
VISITS = reverse("admin:visits_visit_changelist")
ENGAGEMENTS = reverse("admin:visits_engagement_changelist")
GUESTS = reverse("admin:visits_guest_changelist")


@pytest.fixture(autouse=True)
def in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def listed(response) -> list:
    return list(response.context["cl"].result_list)


def list_filter(response, parameter):
    specs = response.context["cl"].filter_specs
    [found] = [spec for spec in specs if getattr(spec, "parameter_name", None) == parameter]
    return found


def engagement_on(day, hour=11, **fields):
    start = datetime(day.year, day.month, day.day, hour, tzinfo=PARIS)
    return EngagementFactory(starts_at=start, ends_at=start + timedelta(hours=1), **fields)


def test_engagement_list_opens_on_the_coming_ones_soonest_first(officer_client):
    past = engagement_on(TODAY - timedelta(days=400))
    later, sooner = engagement_on(TODAY + timedelta(days=30)), engagement_on(TODAY, hour=23)
    response = officer_client.get(ENGAGEMENTS)
    assert listed(response) == [sooner, later]
    assert past not in listed(officer_client.get(ENGAGEMENTS, {"when": "upcoming"}))
    assert listed(officer_client.get(ENGAGEMENTS, {"when": "past"})) == [past]
    assert listed(officer_client.get(ENGAGEMENTS, {"when": "all"})) == [later, sooner, past]


def test_engagement_list_filter_says_upcoming_is_chosen(officer_client):
    response = officer_client.get(ENGAGEMENTS)
    when = list_filter(response, "when")
    choices = [(c["display"], c["selected"]) for c in when.choices(response.context["cl"])]
    assert choices == [("Upcoming", True), ("Past", False), ("All", False)]


def test_a_search_or_another_filter_looks_at_all_time(officer_client):
    old = engagement_on(TODAY - timedelta(days=3000), title_en="Needle", status="cancelled")
    assert listed(officer_client.get(ENGAGEMENTS, {"q": "Needle"})) == [old]
    assert listed(officer_client.get(ENGAGEMENTS, {"status__exact": "cancelled"})) == [old]


def test_visit_list_opens_on_the_coming_and_current_visits(officer_client):
    over = VisitFactory(starts_on=TODAY - timedelta(days=10))
    current = VisitFactory(starts_on=TODAY - timedelta(days=1), ends_on=TODAY + timedelta(1))
    coming = VisitFactory(starts_on=TODAY + timedelta(days=5))
    assert listed(officer_client.get(VISITS)) == [current, coming]
    assert listed(officer_client.get(VISITS, {"when": "past"})) == [over]


def test_engagement_list_shows_the_visits_principal_guests(officer_client):
    visit = VisitFactory(principal=GuestFactory(name="Roberto Gualtieri"))
    EngagementFactory(visit=visit)
    page = officer_client.get(ENGAGEMENTS).text
    assert '<td class="field-guests">Roberto Gualtieri</td>' in page


@pytest.mark.parametrize("rows", [1, 3])
def test_engagement_list_reads_the_guests_in_one_query(
    officer_client, django_assert_num_queries, rows
):
    for number in range(rows):
        visit = VisitFactory(principal=GuestFactory(name=f"Guest {number}"))
        EngagementFactory(visit=visit)
    with django_assert_num_queries(13):  # as tests/visits/test_admin.py counts it
        page = officer_client.get(ENGAGEMENTS).text
    assert page.count('<td class="field-guests">Guest ') == rows


def test_engagement_list_writes_times_24_hour_in_english_and_french(officer_client):
    engagement_on(TODAY + timedelta(days=30), hour=14)
    english = officer_client.get(ENGAGEMENTS).text
    french = officer_client.get(ENGAGEMENTS, HTTP_ACCEPT_LANGUAGE="fr").text
    assert "14:00–15:00" in english and "p.m." not in english
    assert "14:00–15:00" in french


def test_guest_country_filter_offers_only_countries_in_use(officer_client):
    GuestFactory(country="IT")
    GuestFactory(country="BR")
    GuestFactory(country="")
    response = officer_client.get(GUESTS)
    country = list_filter(response, "country")
    assert [name for _code, name in country.lookup_choices] == ["Brazil", "Italy"]
    response = officer_client.get(GUESTS, HTTP_ACCEPT_LANGUAGE="fr")
    country = list_filter(response, "country")
    assert [name for _code, name in country.lookup_choices] == ["Brésil", "Italie"]


def test_guest_country_filter_finds_the_guests_of_that_country(officer_client):
    italian = GuestFactory(country="IT")
    GuestFactory(country="BR")
    assert listed(officer_client.get(GUESTS, {"country": "IT"})) == [italian]


def test_visit_country_filter_is_the_principal_guests_countries(officer_client):
    roman = VisitFactory(principal=GuestFactory(country="IT"))
    VisitFactory(principal=GuestFactory(country="BR"))
    response = officer_client.get(VISITS, {"country": "IT"})
    assert listed(response) == [roman]
    country = list_filter(response, "country")
    assert [code for code, _name in country.lookup_choices] == ["BR", "IT"]


def test_visit_and_engagement_lists_name_the_principal_guests_in_the_delegations_order(
    officer_client,
):
    visit = VisitFactory(principal=GuestFactory(name="Second Guest"))
    VisitGuest.objects.filter(visit=visit).update(position=2)
    VisitGuest.objects.create(visit=visit, guest=GuestFactory(name="First Guest"), position=1)
    VisitGuest.objects.create(visit=visit, guest=GuestFactory(name="An Adviser"), role="adviser")
    EngagementFactory(visit=visit)
    visits = officer_client.get(reverse("admin:visits_visit_changelist")).text
    assert '<td class="field-principal_guests">First Guest, Second Guest</td>' in visits
    engagements = officer_client.get(ENGAGEMENTS).text
    assert '<td class="field-guests">First Guest, Second Guest</td>' in engagements
