"""The visits list stays fast with years of history (bench/admin_lists.py) and shows the same:
a search's matches are read once, each row's link keeps the list's filters, the country filter
offers only the countries of the visits the reader may see."""

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
    with django_assert_num_queries(14):  # the matches' keys once, then the page as unsearched
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
