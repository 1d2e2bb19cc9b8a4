"""The protocol office's screens: every list and form answers, lists do not grow in queries."""

from datetime import date

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
    UserFactory,
    VenueFactory,
    VisitFactory,
)
from tests.visits.test_admin_precedence import AddressFormFactory, PrecedenceListFactory
from visits.models import ChecklistTemplate, Engagement, Reminder, Visit

pytestmark = pytest.mark.django_db

VISITS_MODELS = [m for m in admin.site._registry if m._meta.app_label == "visits"]


def admin_url(model, view, *args):
    return reverse(f"admin:visits_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", VISITS_MODELS, ids=lambda m: m._meta.model_name)
def test_every_list_and_add_page_answers_for_an_officer(officer_client, model):
    EngagementFactory()
    HonoraryCitizenshipFactory()
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


def visit_form(*participants):
    """The visit add form's data, with (guest id, role) rows for its delegation."""
    data = {
        "kind": "official_visit",
        "occasion_fr": "Visite",
        "occasion_en": "Visit",
        "starts_on": "2027-05-04",
        "status": "requested",
        "confidentiality": "restricted",
        "participants-TOTAL_FORMS": str(len(participants)),
        "participants-INITIAL_FORMS": "0",
        "engagements-TOTAL_FORMS": "0",
        "engagements-INITIAL_FORMS": "0",
        "transitions-TOTAL_FORMS": "0",
        "transitions-INITIAL_FORMS": "0",
        "checklist-TOTAL_FORMS": "0",  # its tasks are left as they are
        "checklist-INITIAL_FORMS": "0",
    }
    for number, (guest, role) in enumerate(participants):
        prefix = f"participants-{number}-"
        data |= {prefix + "guest": guest, prefix + "role": role, prefix + "position": number}
    return data


def engagement_form(visit, venue, **changes):
    data = {
        "visit": visit.pk,
        "kind": "reception",
        "title_fr": "Réception",
        "title_en": "Reception",
        "starts_at_0": visit.starts_on.isoformat(),
        "starts_at_1": "11:00",
        "ends_at_0": visit.starts_on.isoformat(),
        "ends_at_1": "12:00",
        "status": "tentative",
        "venue": venue.pk,
        "location": "",
        "notes": "",
    }
    data.update(changes)
    return data


def test_engagement_ending_before_it_starts_gets_a_form_error(officer_client):
    visit, venue = VisitFactory(), VenueFactory()
    response = officer_client.post(
        reverse("admin:visits_engagement_add"),
        engagement_form(visit, venue, ends_at_1="10:00"),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "The end must be after the start." in response.content.decode()
    assert not visit.engagements.exists()


def test_engagement_at_a_time_skipped_by_the_spring_change_gets_a_form_error(officer_client):
    visit, venue = VisitFactory(starts_on=date(2027, 3, 28)), VenueFactory()
    response = officer_client.post(
        reverse("admin:visits_engagement_add"),
        engagement_form(visit, venue, starts_at_1="02:30", ends_at_1="04:00"),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "02:30 does not exist on March 28, 2027 in Paris time" in response.content.decode()
    assert not visit.engagements.exists()


def test_engagement_saved_from_the_admin_is_stored_in_utc(officer_client):
    visit, venue = VisitFactory(starts_on=date(2027, 7, 14)), VenueFactory()
    response = officer_client.post(
        reverse("admin:visits_engagement_add"), engagement_form(visit, venue)
    )
    assert response.status_code == 302
    assert visit.engagements.get().starts_at.isoformat() == "2027-07-14T09:00:00+00:00"


def test_deleting_a_venue_in_use_is_explained_not_a_server_error(officer_client, officer):
    officer.is_superuser = True  # deleting needs permissions on related objects too
    officer.save()
    engagement = EngagementFactory()
    response = officer_client.post(
        reverse("admin:visits_venue_delete", args=[engagement.venue.pk]),
        {"post": "yes"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "would require deleting the following protected related objects" in (
        response.content.decode()
    )


def test_admin_labels_are_in_french_for_a_french_browser(officer_client):
    page = officer_client.get(
        reverse("admin:visits_visit_changelist"), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert "<h1>Visites</h1>" in page and "confidentialité" in page
    page = officer_client.get(
        reverse("admin:visits_visit_changelist"), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "<h1>Visits</h1>" in page and "confidentiality" in page


def test_same_guest_twice_in_a_delegation_gets_a_form_error(officer_client):
    guest = GuestFactory()
    data = visit_form((guest.pk, "principal"), (guest.pk, "member"))
    response = officer_client.post(
        reverse("admin:visits_visit_add"), data, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "Please correct the duplicate data for guest." in response.content.decode()
    assert not guest.visits.exists()


def test_a_host_who_has_received_cannot_be_deleted(officer_client, officer):
    officer.is_superuser = True
    officer.save()
    engagement = EngagementFactory()
    host = HostFactory()
    engagement.hosts.add(host)
    response = officer_client.post(
        reverse("admin:visits_host_delete", args=[host.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert host.__class__.objects.filter(pk=host.pk).exists()
    changelist = officer_client.get(reverse("admin:visits_host_changelist"))
    assert "delete_selected" not in changelist.content.decode()


def test_lead_officer_is_chosen_among_the_protocol_office(officer_client, officer, staff_member):
    form = officer_client.get(reverse("admin:visits_visit_add")).context["adminform"].form
    choices = set(form.fields["lead_officer"].queryset)
    assert officer in choices and staff_member not in choices


def test_deleting_a_room_does_not_reveal_a_confidential_engagement(officer_client):
    venue = VenueFactory()
    secret = VisitFactory(confidentiality="confidential")
    EngagementFactory(visit=secret, venue=venue, title_en="Meeting Ms Secret")
    EngagementFactory(visit=VisitFactory(), venue=venue, title_en="Open reception")
    page = officer_client.get(
        reverse("admin:visits_venue_delete", args=[venue.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Ms Secret" not in page
    assert "Open reception" in page and "Confidential engagement" in page


def test_a_visit_without_a_principal_guest_gets_a_form_error(officer_client):
    data = visit_form((GuestFactory().pk, "interpreter"))
    response = officer_client.post(
        reverse("admin:visits_visit_add"), data, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "A visit needs at least one principal guest." in response.content.decode()
    assert not Visit.objects.exists()


def test_a_lead_officer_who_left_the_office_stays_valid_on_their_visit(officer_client):
    former = UserFactory(username="former")
    visit = VisitFactory(lead_officer=former)
    form = officer_client.get(admin_url(Visit, "change", visit.pk)).context["adminform"].form
    assert former in form.fields["lead_officer"].queryset
    new_visit_form = officer_client.get(admin_url(Visit, "add")).context["adminform"].form
    assert former not in new_visit_form.fields["lead_officer"].queryset


def test_a_second_room_of_the_same_name_gets_a_readable_error(officer_client):
    VenueFactory(name="Salon Bertrand")
    response = officer_client.post(
        reverse("admin:visits_venue_add"),
        {"name": "salon bertrand", "building": "Hôtel de Ville", "turnover_minutes": "30"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "A room of this name already exists in this building." in response.content.decode()


def test_the_programme_is_shown_in_time_order(officer_client):
    visit = VisitFactory()
    late = EngagementFactory(visit=visit, title_en="Late")
    early = EngagementFactory(
        visit=visit,
        title_en="Early",
        starts_at=late.starts_at.replace(hour=8),
        ends_at=late.starts_at.replace(hour=9),
    )
    page = officer_client.get(admin_url(Visit, "change", visit.pk))
    inline = next(f for f in page.context["inline_admin_formsets"] if f.opts.model is Engagement)
    assert [form.original for form in inline if form.original] == [early, late]


def test_engagement_at_a_time_repeated_by_the_autumn_change_gets_a_form_error(officer_client):
    visit, venue = VisitFactory(starts_on=date(2027, 10, 31)), VenueFactory()
    response = officer_client.post(
        reverse("admin:visits_engagement_add"),
        engagement_form(visit, venue, starts_at_1="02:15", ends_at_1="04:00"),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "02:15 happens twice on Oct. 31, 2027 in Paris time" in response.content.decode()
    assert not visit.engagements.exists()


def test_autumn_change_message_is_in_french_for_a_french_officer(officer_client):
    visit, venue = VisitFactory(starts_on=date(2027, 10, 31)), VenueFactory()
    response = officer_client.post(
        reverse("admin:visits_engagement_add"),
        engagement_form(visit, venue, starts_at_1="02:15", ends_at_1="04:00"),
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert "02:15 a lieu deux fois le 31 octobre 2027 (heure de Paris)" in response.content.decode()


def test_engagement_stored_in_the_repeated_hour_can_still_be_edited(officer_client, officer):
    from datetime import UTC, datetime

    from visits import services

    visit = VisitFactory(starts_on=date(2027, 10, 31))
    engagement = services.create_engagement(
        visit=visit,
        by=officer,
        starts_at=datetime(2027, 10, 31, 0, 30, tzinfo=UTC),  # 02:30 summer time, given so
        ends_at=datetime(2027, 10, 31, 2, 30, tzinfo=UTC),  # 03:30 winter time
        kind="reception",
        title_fr="Réception",
        title_en="Reception",
        venue=VenueFactory(),
    )
    form = engagement_form(visit, engagement.venue, starts_at_1="02:30", ends_at_1="03:30")
    response = officer_client.post(
        reverse("admin:visits_engagement_change", args=[engagement.pk]),
        form | {"status": "confirmed"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    engagement.refresh_from_db()
    assert engagement.status == "confirmed"
    assert engagement.starts_at == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
