"""An officer plans a visit end to end in the admin; every write goes through the services."""

import re

import pytest
from django.urls import reverse

from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HostFactory,
    VenueFactory,
    VisitFactory,
)
from tests.visits.test_admin_forms import engagement_form, visit_form
from tests.visits.test_engagement_services import DAY, at, book
from visits import services
from visits.models import Engagement, Visit
from visits.models.choices import Confidentiality, EngagementStatus, VisitStatus


@pytest.fixture(autouse=True)
def in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def visit_change_form(visit, **changes):
    """The change form as the page would post it back, with the delegation as it is."""
    participants = list(visit.participants.all())
    data = visit_form(*[(p.guest_id, p.role) for p in participants]) | {
        "kind": visit.kind,
        "occasion_fr": visit.occasion_fr,
        "occasion_en": visit.occasion_en,
        "starts_on": visit.starts_on.isoformat(),
        "status": visit.status,
        "confidentiality": visit.confidentiality,
        "participants-INITIAL_FORMS": str(len(participants)),
    }
    for number, participant in enumerate(participants):
        data |= {
            f"participants-{number}-id": participant.pk,
            f"participants-{number}-visit": visit.pk,
        }
    return data | changes


def errors_of(response) -> str:
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.text, re.S))


def test_officer_plans_a_visit_end_to_end(officer_client, officer):
    guest, room, mayor = GuestFactory(name="Roberto Gualtieri"), VenueFactory(), HostFactory()
    data = visit_form((guest.pk, "principal")) | {"starts_on": DAY.isoformat()}
    response = officer_client.post(reverse("admin:visits_visit_add"), data)
    assert response.status_code == 302, errors_of(response)
    visit = Visit.objects.get()
    assert (visit.status, visit.transitions.get().by) == (VisitStatus.REQUESTED, officer)

    page = officer_client.get(reverse("admin:visits_visit_change", args=[visit.pk])).text
    add_url = reverse("admin:visits_engagement_add") + f"?visit={visit.pk}"
    assert add_url in page and reverse("staff:run_sheet", args=[visit.reference]) in page

    for title, start, end in [("Lunch", "12:00", "13:30"), ("Welcome", "10:00", "11:00")]:
        form = engagement_form(visit, room, title_en=title, starts_at_1=start, ends_at_1=end)
        form["hosts"] = [mayor.pk]
        response = officer_client.post(reverse("admin:visits_engagement_add"), form)
        assert response.status_code == 302, errors_of(response)

    for step in ["under_review", "approved", "confirmed"]:
        response = officer_client.post(
            reverse("admin:visits_visit_change", args=[visit.pk]),
            visit_change_form(visit, status=step, move_note=f"step {step}"),
        )
        assert response.status_code == 302, errors_of(response)
    visit.refresh_from_db()
    assert visit.status == VisitStatus.CONFIRMED
    assert [t.note for t in visit.transitions.all()][1:] == [
        "step under_review",
        "step approved",
        "step confirmed",
    ]
    programme = [(e.title_en, list(e.hosts.all())) for e in visit.engagements.all()]
    assert programme == [("Welcome", [mayor]), ("Lunch", [mayor])]
    page = officer_client.get(reverse("staff:run_sheet", args=[visit.reference])).text
    assert page.index("Welcome") < page.index("Lunch") and "Roberto Gualtieri" in page


def test_visit_form_offers_only_the_allowed_moves(officer_client, officer):
    visit = VisitFactory(status=VisitStatus.APPROVED)
    EngagementFactory(visit=visit)  # a programme to confirm
    page = officer_client.get(reverse("admin:visits_visit_change", args=[visit.pk])).text
    status_select = re.search(r'<select name="status".*?</select>', page, re.S).group(0)
    assert re.findall(r'value="(\w+)"', status_select) == [
        "approved",
        "confirmed",
        "postponed",
        "cancelled",
    ]


def test_illegal_move_posted_anyway_is_a_form_error(officer_client):
    visit = VisitFactory(status=VisitStatus.REQUESTED)
    response = officer_client.post(
        reverse("admin:visits_visit_change", args=[visit.pk]),
        visit_change_form(visit, status="held"),
    )
    assert response.status_code == 200
    assert errors_of(response) == (
        "<li>A requested visit can become: under review, declined, cancelled.</li>"
    )
    visit.refresh_from_db()
    assert visit.status == VisitStatus.REQUESTED


def test_held_with_a_first_day_moved_ahead_is_a_form_error_not_a_crash(officer_client):
    visit = VisitFactory(status=VisitStatus.CONFIRMED, starts_on=DAY.replace(year=2020))
    response = officer_client.post(
        reverse("admin:visits_visit_change", args=[visit.pk]),
        visit_change_form(visit, status="held", starts_on="2099-01-05"),
    )
    assert response.status_code == 200
    assert "A visit is marked as held once its first day has come." in errors_of(response)
    visit.refresh_from_db()
    assert (visit.status, visit.starts_on.year) == (VisitStatus.CONFIRMED, 2020)


def test_room_clash_in_the_admin_is_a_form_error_naming_the_engagement(officer_client, officer):
    room = VenueFactory(name="Salon des Arcades")
    taken = VisitFactory(starts_on=DAY)
    book(taken, officer, at(11), at(12), venue=room, title_en="Rome reception")
    visit = VisitFactory(starts_on=DAY)
    response = officer_client.post(
        reverse("admin:visits_engagement_add"), engagement_form(visit, room)
    )
    assert response.status_code == 200
    assert "Salon des Arcades is taken by “Rome reception”" in errors_of(response)
    assert not visit.engagements.exists()


def test_hidden_clash_in_the_admin_says_only_the_room_is_taken(officer_client, officer):
    room = VenueFactory()
    secret = VisitFactory(starts_on=DAY, confidentiality=Confidentiality.CONFIDENTIAL)
    book(secret, None, at(11), at(12), venue=room, title_en="Secret talks")
    response = officer_client.post(
        reverse("admin:visits_engagement_add"), engagement_form(VisitFactory(starts_on=DAY), room)
    )
    assert "The room is taken at this time." in errors_of(response)
    assert "Secret talks" not in response.text and secret.reference not in response.text


def test_engagement_edited_in_the_admin_bumps_its_sequence_and_history(officer_client, officer):
    visit = VisitFactory(starts_on=DAY)
    engagement = book(visit, officer, at(11), at(12), venue=VenueFactory())
    form = engagement_form(visit, engagement.venue, starts_at_1="15:00", ends_at_1="16:00")
    response = officer_client.post(
        reverse("admin:visits_engagement_change", args=[engagement.pk]), form
    )
    assert response.status_code == 302, errors_of(response)
    engagement.refresh_from_db()
    assert (engagement.starts_at, engagement.sequence) == (at(15), 1)
    history = officer_client.get(
        reverse("admin:visits_engagement_history", args=[engagement.pk])
    ).text
    assert "Rescheduled" in history and "officer" in history


def test_confirmed_engagement_cannot_be_deleted_in_the_admin(officer_client, officer):
    engagement = services.confirm_engagement(
        book(VisitFactory(starts_on=DAY), officer, at(11), at(12), venue=VenueFactory()),
        by=officer,
    )
    response = officer_client.post(
        reverse("admin:visits_engagement_delete", args=[engagement.pk]),
        {"post": "yes"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse(
        "admin:visits_engagement_change", args=[engagement.pk]
    )
    assert "A confirmed engagement is cancelled, not deleted, so that calendars remove it." in (
        response.text
    )
    assert Engagement.objects.get().status == EngagementStatus.CONFIRMED


def test_bulk_cancel_action_goes_through_the_service(officer_client, officer):
    engagement = book(VisitFactory(starts_on=DAY), officer, at(11), at(12), venue=VenueFactory())
    response = officer_client.post(
        reverse("admin:visits_engagement_changelist"),
        {"action": "cancel_selected", "_selected_action": [engagement.pk]},
        follow=True,
    )
    assert "1 engagement updated." in response.text
    engagement.refresh_from_db()
    assert (engagement.status, engagement.sequence) == (EngagementStatus.CANCELLED, 1)
    assert engagement.history.first().history_user == officer


@pytest.mark.parametrize("page", ["history", "history_form"])
def test_history_of_a_hidden_visit_is_not_found(officer_client, page):
    secret = services.create_visit(
        by=None,  # an officer may not make a visit hidden from themselves
        kind="official_visit",
        occasion_fr="Visite secrète",
        occasion_en="Secret visit",
        starts_on=DAY,
        confidentiality=Confidentiality.CONFIDENTIAL,
    )
    version = secret.history.get().history_id
    args = [secret.pk] if page == "history" else [secret.pk, version]
    name = "history" if page == "history" else "simple_history"
    response = officer_client.get(reverse(f"admin:visits_visit_{name}", args=args))
    assert response.status_code == 404
    assert "Secret visit" not in response.text


def test_history_is_never_replayed(officer_client, officer):
    visit = VisitFactory(starts_on=DAY)
    services.update_visit(visit, by=officer, notes="v2")
    oldest = visit.history.last().history_id
    response = officer_client.post(
        reverse("admin:visits_visit_simple_history", args=[visit.pk, oldest]), {"notes": ""}
    )
    assert response.status_code == 403
    visit.refresh_from_db()
    assert visit.notes == "v2"


@pytest.mark.parametrize("changes", [1, 3])
def test_history_page_query_count_does_not_grow_with_changes(
    officer_client, officer, django_assert_num_queries, changes
):
    engagement = book(VisitFactory(starts_on=DAY), officer, at(8), at(9), venue=VenueFactory())
    for number in range(changes):
        host = HostFactory(name=f"Host {number}")
        services.update_engagement(
            engagement, by=officer, hosts=[host], starts_at=at(10 + number), ends_at=at(11 + number)
        )
    url = reverse("admin:visits_engagement_history", args=[engagement.pk])
    officer_client.get(url)  # warms the content type cache
    with django_assert_num_queries(11):
        page = officer_client.get(url).text
    assert page.count("Rescheduled") == changes
    before = f"Host {changes - 2} (Deputy Mayor)" if changes > 1 else "—"
    assert f"Hosts: {before} → Host {changes - 1} (Deputy Mayor)" in page  # in full


def test_principal_guest_added_to_a_planned_visit_must_be_free(officer_client, officer):
    guest = GuestFactory(name="Roberto Gualtieri")
    busy = VisitFactory(starts_on=DAY, principal=guest)
    book(busy, officer, at(10), at(11), venue=VenueFactory(), title_en="Rome reception")
    visit = VisitFactory(starts_on=DAY)
    book(visit, officer, at(10, 30), at(11, 30), venue=VenueFactory())
    data = visit_change_form(visit)
    data |= {
        "participants-TOTAL_FORMS": "2",
        "participants-1-guest": guest.pk,
        "participants-1-role": "principal",
        "participants-1-position": "1",
    }
    response = officer_client.post(reverse("admin:visits_visit_change", args=[visit.pk]), data)
    assert response.status_code == 200
    assert "Roberto Gualtieri is already expected at “Rome reception”" in errors_of(response)
    assert not visit.participants.filter(guest=guest).exists()


def test_delegation_change_is_a_version_of_the_visit_in_its_history(officer_client, officer):
    visit = VisitFactory(starts_on=DAY)
    data = visit_change_form(visit)
    data |= {
        "participants-TOTAL_FORMS": "2",
        "participants-1-guest": GuestFactory(name="Lucia Bianchi").pk,
        "participants-1-role": "interpreter",
        "participants-1-position": "1",
    }
    response = officer_client.post(reverse("admin:visits_visit_change", args=[visit.pk]), data)
    assert response.status_code == 302, errors_of(response)
    latest = visit.history.first()
    assert (latest.history_change_reason, latest.history_user) == ("Delegation changed", officer)
    page = officer_client.get(reverse("admin:visits_visit_history", args=[visit.pk])).text
    assert "Delegation changed" in page


@pytest.mark.parametrize("count", [1, 3])
def test_visit_page_query_count_does_not_grow_with_its_programme(
    officer_client, officer, django_assert_num_queries, count
):
    visit = services.create_visit(
        by=officer,
        delegation=[(GuestFactory(), "principal")],
        kind="official_visit",
        occasion_fr="Visite",
        occasion_en="Visit",
        starts_on=DAY,
    )
    for number in range(count):
        book(visit, officer, at(8 + 2 * number), at(9 + 2 * number), venue=VenueFactory())
        services.move_visit(visit, ["under_review", "approved", "confirmed"][number], by=officer)
    url = reverse("admin:visits_visit_change", args=[visit.pk])
    officer_client.get(url)  # warms the content type cache
    # With its checklist (7 tasks whatever the programme: the tasks, and the staff to assign
    # them, counted and read once for every row) and the followers with their choices: 5 of 19.
    with django_assert_num_queries(19):
        page = officer_client.get(url).text
    assert page.count('<td class="field-title">') == count


def test_visit_with_a_confirmed_programme_is_not_deleted_and_says_why(officer_client, officer):
    visit = VisitFactory(starts_on=DAY)
    services.confirm_engagement(
        book(visit, officer, at(11), at(12), venue=VenueFactory()), by=officer
    )
    response = officer_client.get(
        reverse("admin:visits_visit_delete", args=[visit.pk]), follow=True
    )
    assert (
        "A visit whose programme went beyond tentative, or holds a ceremony, is cancelled, "
        "not deleted." in response.text
    )
    assert Visit.objects.filter(pk=visit.pk).exists()


def test_new_first_day_stranding_the_programme_is_a_form_error(officer_client, officer):
    visit = VisitFactory(starts_on=DAY)
    book(visit, officer, at(11), at(12), venue=VenueFactory())
    response = officer_client.post(
        reverse("admin:visits_visit_change", args=[visit.pk]),
        visit_change_form(visit, starts_on="2027-08-05"),
    )
    assert response.status_code == 200
    assert "1 engagement of the programme would fall outside these days" in errors_of(response)
    visit.refresh_from_db()
    assert visit.starts_on == DAY


def test_a_clash_already_in_the_data_does_not_block_cancelling_the_visit(officer_client, officer):
    from tests.factories import EngagementFactory

    guest = GuestFactory(name="Roberto Gualtieri")
    visit = VisitFactory(starts_on=DAY, principal=guest)
    for each in (visit, VisitFactory(starts_on=DAY, principal=guest)):  # imported, clashing
        EngagementFactory(visit=each, starts_at=at(10), ends_at=at(11))
    response = officer_client.post(
        reverse("admin:visits_visit_change", args=[visit.pk]),
        visit_change_form(visit, status="cancelled"),
    )
    assert response.status_code == 302, errors_of(response)
    assert set(visit.engagements.values_list("status", flat=True)) == {"cancelled"}


def test_final_visit_says_its_status_no_longer_changes(officer_client):
    visit = VisitFactory(status=VisitStatus.HELD)
    response = officer_client.post(
        reverse("admin:visits_visit_change", args=[visit.pk]),
        visit_change_form(visit, status="confirmed"),
    )
    assert errors_of(response) == "<li>A held visit is final: its status no longer changes.</li>"


def test_reader_opening_a_delete_page_is_refused_not_lectured(client, staff_member, officer):
    engagement = services.confirm_engagement(
        book(VisitFactory(starts_on=DAY), officer, at(11), at(12), venue=VenueFactory()),
        by=officer,
    )
    client.force_login(staff_member)
    response = client.get(reverse("admin:visits_engagement_delete", args=[engagement.pk]))
    assert response.status_code == 403


def test_history_reasons_are_shown_in_the_readers_language(officer_client, officer):
    engagement = book(VisitFactory(starts_on=DAY), officer, at(8), at(9), venue=VenueFactory())
    services.reschedule_engagement(engagement, by=officer, starts_at=at(10), ends_at=at(11))
    url = reverse("admin:visits_engagement_history", args=[engagement.pk])
    page = officer_client.get(url, HTTP_ACCEPT_LANGUAGE="fr").text
    assert "Déplacée" in page and "Création" in page
    assert engagement.history.first().history_change_reason == "Rescheduled"  # as stored
