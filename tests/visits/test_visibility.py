"""The one door (DESIGN.md, decision 1), as the foundation's outputs use it."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    UserFactory,
    VisitFactory,
)
from visits.models import Engagement, Guest, Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def visits():
    return {
        "public": VisitFactory(confidentiality="public", status="held"),
        "public_requested": VisitFactory(confidentiality="public", status="requested"),
        "embargoed": VisitFactory(
            confidentiality="public", embargo_until=timezone.now() + timedelta(days=1)
        ),
        "embargo_over": VisitFactory(
            confidentiality="public", embargo_until=timezone.now() - timedelta(minutes=1)
        ),
        "restricted": VisitFactory(confidentiality="restricted"),
        "confidential": VisitFactory(confidentiality="confidential"),
    }


def visible(viewer, visits):
    seen = set(Visit.objects.visible_to(viewer).values_list("pk", flat=True))
    return {name for name, visit in visits.items() if visit.pk in seen}


def test_public_sees_only_published_public_visits_past_their_embargo(visits):
    assert visible(None, visits) == {"public", "embargo_over"}
    assert visible(AnonymousUser(), visits) == {"public", "embargo_over"}


def test_staff_see_public_and_restricted_but_not_confidential(visits, staff_member):
    assert visible(staff_member, visits) == set(visits) - {"confidential"}


def test_officer_without_clearance_does_not_see_confidential(visits, officer):
    assert "confidential" not in visible(officer, visits)


def test_cleared_officer_sees_everything(visits, cleared_officer):
    assert visible(cleared_officer, visits) == set(visits)


def test_lead_officer_sees_the_confidential_visit_they_lead(visits, officer):
    visits["confidential"].lead_officer = officer
    visits["confidential"].save()
    assert "confidential" in visible(officer, visits)


def test_deactivated_user_sees_nothing(visits, cleared_officer):
    cleared_officer.is_active = False
    cleared_officer.save()
    assert visible(cleared_officer, visits) == set()


def test_logged_in_user_without_a_role_sees_what_the_public_sees(visits):
    assert visible(UserFactory(is_staff=False), visits) == {"public", "embargo_over"}


def test_engagements_follow_their_visit(visits, staff_member):
    shown = EngagementFactory(visit=visits["restricted"])
    hidden = EngagementFactory(visit=visits["confidential"])
    seen = set(Engagement.objects.visible_to(staff_member))
    assert shown in seen and hidden not in seen


def test_guest_known_only_from_a_confidential_visit_stays_hidden(visits, staff_member):
    secret_guest = visits["confidential"].guests.get()
    open_guest = visits["restricted"].guests.get()
    unattached = GuestFactory()
    seen = set(Guest.objects.visible_to(staff_member))
    assert secret_guest not in seen
    assert {open_guest, unattached} <= seen


def test_public_sees_guests_of_released_visits_and_voted_honorees(visits):
    honoree = HonoraryCitizenshipFactory(status="voted").honoree
    proposed = HonoraryCitizenshipFactory(status="proposed", voted_on=None).honoree
    seen = set(Guest.objects.visible_to(None))
    assert visits["public"].guests.get() in seen and honoree in seen
    assert proposed not in seen
    assert visits["restricted"].guests.get() not in seen


def test_a_visit_withdrawn_under_embargo_is_never_shown_as_withdrawn():
    """The public saw a withdrawn visit only if one of its public, announced versions held
    while its own embargo had lifted (calendar feeds then keep it, marked cancelled)."""
    from visits import services  # a write, through the service, as in production

    now = timezone.now()
    unseen = VisitFactory(embargo_until=now + timedelta(minutes=5))
    seen = VisitFactory(embargo_until=None)
    for visit in (unseen, seen):
        EngagementFactory(visit=visit)
        services.move_visit(visit, "cancelled", by=None)
    an_hour_later = now + timedelta(hours=1)  # the embargo lifted after the cancellation

    def shown(moment):
        engagements = Engagement.objects.visible_to(None, moment, withdrawn=True)
        return set(engagements.values_list("visit_id", flat=True)) & {unseen.pk, seen.pk}

    assert shown(an_hour_later) == {seen.pk}
