"""The protocol office's forms in the admin: a wrong entry is a form error, explained beside
its field, never a server error; times in Paris, stored in UTC (split from test_admin.py)."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HostFactory,
    UserFactory,
    VenueFactory,
    VisitFactory,
)
from tests.visits.test_admin import admin_url
from visits.models import Engagement, Visit

pytestmark = pytest.mark.django_db


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
