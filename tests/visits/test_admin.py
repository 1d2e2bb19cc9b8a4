"""The protocol office's screens: every list and form answers, lists do not grow in queries."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.ceremony_factories import OfficeFactory
from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    HostFactory,
    ReminderFactory,
    VenueFactory,
    VisitFactory,
)
from tests.visits.test_admin_precedence import AddressFormFactory, PrecedenceListFactory
from visits.models import ChecklistTemplate, GiftRegisterOptions, Reminder

pytestmark = pytest.mark.django_db

VISITS_MODELS = [m for m in admin.site._registry if m._meta.app_label == "visits"]


def admin_url(model, view, *args):
    return reverse(f"admin:visits_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", VISITS_MODELS, ids=lambda m: m._meta.model_name)
def test_every_list_and_add_page_answers_for_an_officer(officer_client, model):
    EngagementFactory()
    HonoraryCitizenshipFactory()
    if model is GiftRegisterOptions:  # one row: its list is its page (test_gifts.py)
        response = officer_client.get(admin_url(model, "changelist"), follow=True)
        assert response.status_code == 200
        return
    views = ("changelist",) if model is Reminder else ("changelist", "add")  # no adding those
    for view in views:
        response = officer_client.get(admin_url(model, view))
        assert response.status_code == 200, (model, view)


# (a row that a search for "Needle" and the filter find, the filter) per list
SEARCH_AND_FILTER = {
    "guest": (
        lambda: GuestFactory(name="Needle Person", category="ambassador"),
        {"category__exact": "ambassador"},
    ),
    "venue": (
        lambda: VenueFactory(name="Salon Needle", is_active=False),
        {"is_active__exact": "0"},
    ),
    "host": (lambda: HostFactory(name="Needle Host", is_active=False), {"is_active__exact": "0"}),
    "visit": (
        lambda: VisitFactory(occasion_en="Needle visit", status="held"),
        {"status__exact": "held"},
    ),
    "engagement": (
        lambda: EngagementFactory(title_en="Needle item", status="cancelled"),
        {"status__exact": "cancelled"},
    ),
    "honorarycitizenship": (
        lambda: HonoraryCitizenshipFactory(
            honoree=GuestFactory(name="Needle Honoree"), posthumous=True
        ),
        {"posthumous__exact": "1"},
    ),
}


@pytest.mark.parametrize("name", SEARCH_AND_FILTER)
def test_every_list_finds_by_search_and_by_filter(officer_client, name):
    make_needle, list_filter = SEARCH_AND_FILTER[name]
    needle = make_needle()
    EngagementFactory()
    HonoraryCitizenshipFactory()
    VenueFactory()
    HostFactory()
    url = admin_url(type(needle), "changelist")
    for query in ({"q": "Needle"}, list_filter):
        found = list(officer_client.get(url, query).context["cl"].result_list)
        assert found == [needle], query


# (factory making one row of the list, the literal query count of the list page); the country
# filters read the countries in use (visits, guests); the principal guests' names are a column
# of the page's own query (visits.models.visits.principal_names); the visits list does not
# count every visit (show_full_result_count).
LIST_QUERY_COUNTS = {
    "visit": (VisitFactory, 12),
    "engagement": (EngagementFactory, 13),
    "guest": (GuestFactory, 10),
    "venue": (VenueFactory, 10),
    "host": (HostFactory, 9),
    "honorarycitizenship": (HonoraryCitizenshipFactory, 9),
    "reminder": (ReminderFactory, 11),
    "office": (OfficeFactory, 9),
    "precedencelist": (PrecedenceListFactory, 9),
    "addressform": (AddressFormFactory, 9),
}


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize("name", LIST_QUERY_COUNTS)
def test_list_query_count_does_not_grow_with_rows(
    officer_client, django_assert_num_queries, name, rows
):
    factory, expected = LIST_QUERY_COUNTS[name]
    factory.create_batch(rows)
    model = factory._meta.model
    with django_assert_num_queries(expected):
        response = officer_client.get(admin_url(model, "changelist"))
    assert response.context["cl"].result_count >= rows


@pytest.mark.parametrize("rows", [1, 3])
def test_checklist_template_list_query_count_does_not_grow_with_rows(
    officer_client, django_assert_num_queries, rows
):
    ChecklistTemplate.objects.all().delete()
    for kind in ["state_visit", "mayor_visit", "twinning"][:rows]:
        ChecklistTemplate.objects.create(visit_kind=kind)
    with django_assert_num_queries(9):
        response = officer_client.get(admin_url(ChecklistTemplate, "changelist"))
    assert response.context["cl"].result_count == rows


def test_visit_list_shows_reference_guest_and_status(officer_client):
    visit = VisitFactory(principal=GuestFactory(name="Roberto Gualtieri"))
    page = officer_client.get(admin_url(type(visit), "changelist"), HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert visit.reference in text and "Roberto Gualtieri" in text and "Confirmed" in text


def test_staff_do_not_see_a_confidential_visit_anywhere_in_the_admin(client, staff_member):
    secret = VisitFactory(confidentiality="confidential", principal=GuestFactory(name="Ms Secret"))
    EngagementFactory(visit=secret, title_fr="Entretien secret", title_en="Secret meeting")
    VisitFactory(confidentiality="restricted", principal=GuestFactory(name="Mr Open"))
    client.force_login(staff_member)
    pages = [
        client.get(admin_url(type(secret), "changelist")),
        client.get(admin_url(type(secret), "changelist"), {"q": "Secret"}),
        client.get(reverse("admin:visits_engagement_changelist")),
        client.get(reverse("admin:visits_guest_changelist")),
        client.get(admin_url(type(secret), "change", secret.pk), follow=True),
    ]
    assert all(page.status_code == 200 for page in pages)
    for page in pages:
        text = page.content.decode()
        assert "Ms Secret" not in text and "Secret meeting" not in text
        assert "Entretien secret" not in text and secret.reference not in text
    assert "Mr Open" in pages[0].content.decode()


def test_cleared_officer_sees_the_confidential_visit(client, cleared_officer):
    secret = VisitFactory(confidentiality="confidential", principal=GuestFactory(name="Ms Secret"))
    client.force_login(cleared_officer)
    page = client.get(admin_url(type(secret), "changelist"))
    assert "Ms Secret" in page.content.decode()


def test_staff_can_read_but_not_add(client, staff_member):
    visit = VisitFactory()
    client.force_login(staff_member)
    assert client.get(admin_url(type(visit), "change", visit.pk)).status_code == 200
    assert client.get(admin_url(type(visit), "add")).status_code == 403
