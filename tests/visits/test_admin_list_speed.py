"""The visits list stays fast with years of history (bench/admin_lists.py) and shows the same:
a search's matches are read once, each row's link keeps the list's filters, the country filter
offers only the countries of the visits the reader may see."""

import re

import pytest
from django.urls import reverse

from tests.factories import GuestFactory, VisitFactory
from visits.models import Visit

pytestmark = pytest.mark.django_db

VISITS = reverse("admin:visits_visit_changelist")


def listed(response) -> list:
    return list(response.context["cl"].result_list)


def country_codes(response) -> list[str]:
    specs = response.context["cl"].filter_specs
    [country] = [spec for spec in specs if getattr(spec, "parameter_name", None) == "country"]
    return [code for code, _name in country.lookup_choices]


@pytest.mark.parametrize("rows", [1, 3])
def test_searched_visit_list_query_count_does_not_grow_with_rows(
    officer_client, django_assert_num_queries, rows
):
    for number in range(rows):
        VisitFactory(principal=GuestFactory(name=f"Kovač {number}"))
    VisitFactory(principal=GuestFactory(name="Someone Else"))
    # The matches' keys once (their number is the count), then the page as unsearched.
    with django_assert_num_queries(12):
        response = officer_client.get(VISITS, {"q": "kovac"})
    assert len(listed(response)) == rows


def test_searched_visit_list_finds_nothing_without_error(officer_client):
    VisitFactory(principal=GuestFactory(name="Kovač"))
    response = officer_client.get(VISITS, {"q": "nobody"})
    assert response.status_code == 200 and listed(response) == []


def test_visit_rows_link_to_their_record_keeping_the_search(officer_client):
    found = VisitFactory(principal=GuestFactory(name="Kovač"))
    page = officer_client.get(VISITS, {"q": "kovac"}).text
    assert f'href="/admin/visits/visit/{found.pk}/change/?_changelist_filters=q%3Dkovac"' in page


def test_visit_country_filter_leaves_out_visits_the_reader_may_not_see(
    client, officer, cleared_officer
):
    VisitFactory(principal=GuestFactory(country="BR"))
    VisitFactory(principal=GuestFactory(country="JP"), confidentiality="confidential")
    client.force_login(officer)
    assert country_codes(client.get(VISITS, {"when": "all"})) == ["BR"]
    client.force_login(cleared_officer)
    assert country_codes(client.get(VISITS, {"when": "all"})) == ["BR", "JP"]


def test_any_of_reads_exactly_the_given_keys():
    first, _second, third = VisitFactory(), VisitFactory(), VisitFactory()
    assert set(Visit.objects.filter(pk__any_of=[first.pk, third.pk])) == {first, third}
    assert list(Visit.objects.filter(pk__any_of=[])) == []


def test_searched_visit_list_counts_and_pages_its_matches(officer_client, monkeypatch):
    from django.contrib import admin

    monkeypatch.setattr(admin.site._registry[Visit], "list_per_page", 2)
    for number in range(3):
        VisitFactory(principal=GuestFactory(name=f"Kovač {number}"))
    VisitFactory(principal=GuestFactory(name="Someone Else"))
    first = officer_client.get(VISITS, {"q": "kovac"})
    second = officer_client.get(VISITS, {"q": "kovac", "p": 2})
    assert first.context["cl"].result_count == 3
    assert re.search(r"\b3 (results|résultats)\b", first.text)  # the search box says so
    assert len(listed(first)) == 2 and len(listed(second)) == 1
    assert not set(listed(first)) & set(listed(second))
