"""Every list of the admin writes, through visits/admin/row_writer.py, the rows Django's
`items_for_result` writes, character for character, in both languages; the date hierarchy
read in one query (visits/admin/date_drill.py) offers what Django's offers."""

from datetime import date

import pytest
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.templatetags.admin_list import date_hierarchy, results
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.utils import translation

from tests.factories import EngagementFactory, GuestFactory, VisitFactory
from visits.admin.date_drill import drill
from visits.admin.row_writer import NotWritten, write_rows
from visits.demo.seed import seed_demo
from visits.models import Visit

pytestmark = pytest.mark.django_db

# What each list is opened with: as it opens, everything, searched, sorted by another column.
QUERIES = [{}, {"when": "all"}, {"q": "a"}, {"o": "2", "when": "all"}]
# The lists that must be written here, not left to Django (a regression would slow them).
WRITTEN = {
    "visits.visit",
    "visits.engagement",
    "visits.guest",
    "visits.honorarycitizenship",
    "visits.venue",
    "visits.host",
    "visits.reminder",
}


@pytest.fixture
def superuser():
    seed_demo(admin_password="x")
    # Values Django would escape or leave blank: quotes, markup, ampersands, an empty officer.
    tricky = VisitFactory(
        occasion_en='Dinner for "R&D" <b>partners</b>',
        occasion_fr="Dîner « R&D » <b>partenaires</b>",
        principal=GuestFactory(name="O'Brien & <Sons>", country="IE"),
    )
    EngagementFactory(visit=tricky, title_en="Talks & <toasts>", location="Salle d'Honneur")
    return get_user_model().objects.get(username="admin")


def django_rows(cl) -> list[str]:
    return ["".join(row) for row in results(cl)]


def written_rows(cl) -> list[str]:
    return [row[0] for row in write_rows(cl)]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_written_rows_are_djangos(superuser, language):
    written, compared = set(), 0
    with translation.override(language):
        for model, model_admin in admin.site._registry.items():
            label = model._meta.label_lower
            for query in QUERIES:
                request = RequestFactory().get("/", query)
                request.user = superuser
                try:
                    cl = model_admin.get_changelist_instance(request)
                except IncorrectLookupParameters:  # a list without the "when" filter
                    continue
                cl.formset = None  # as changelist_view sets it for a list not editable
                try:
                    mine = written_rows(cl)
                except NotWritten:
                    continue
                assert mine == django_rows(cl), (label, query)
                written.add(label)
                compared += len(mine)
    assert written >= WRITTEN, WRITTEN - written
    assert compared > 100  # the demo's rows, not empty lists


def test_visits_page_shows_the_written_rows(client, superuser):
    client.force_login(superuser)
    visit = Visit.objects.get(occasion_en__startswith="Dinner for")
    page = client.get("/admin/visits/visit/", {"q": "brien"}).text  # in the admin's French
    assert (
        f'<th class="field-reference"><a href="/admin/visits/visit/{visit.pk}/change/'
        f'?_changelist_filters=q%3Dbrien">{visit.reference}</a></th>'
        '<td class="field-occasion">Dîner « R&amp;D » &lt;b&gt;partenaires&lt;/b&gt;</td>'
        '<td class="field-principal_guests">O&#x27;Brien &amp; &lt;Sons&gt;</td>'
    ) in page


# Opened as is (years), searched down to one year (its months) and to one month (its days),
# a year chosen, a month chosen, and nothing found.
DRILLS = [{"when": "all"}, {"when": "all", "q": "brien"}, {"when": "all", "q": "Felipe"}]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_drilled_date_hierarchy_is_djangos(superuser, language, django_assert_max_num_queries):
    visits = admin.site._registry[Visit]
    for month in (3, 5):  # one year, two months: the months are offered
        VisitFactory(principal=GuestFactory(name="Zanele Mbeki"), starts_on=date(2031, month, 1))
    brien = Visit.objects.get(occasion_en__startswith="Dinner for")
    year, month = brien.starts_on.year, brien.starts_on.month
    queries = [
        *DRILLS,
        {"when": "all", "starts_on__year": year},
        {"when": "all", "starts_on__year": year, "starts_on__month": month},
        {"when": "all", "q": "nobody at all"},
        {"when": "all", "q": "zanele"},
    ]
    with translation.override(language):
        for query in queries:
            request = RequestFactory().get("/", query)
            request.user = superuser
            cl = visits.get_changelist_instance(request)
            assert drill(cl) == date_hierarchy(cl), query
            if query.get("q") == "zanele":
                assert [c["link"] for c in drill(cl)["choices"]] == [
                    f"?q=zanele&starts_on__month={m}&starts_on__year=2031&when=all" for m in (3, 5)
                ]
    request = RequestFactory().get("/", {"when": "all"})
    request.user = superuser
    cl = visits.get_changelist_instance(request)
    with django_assert_max_num_queries(1):
        years = drill(cl)["choices"]
    assert len(years) > 5  # the demo's years: the case that used to take two queries
