from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError

from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    VenueFactory,
    VisitFactory,
)
from visits.models import Engagement, HonoraryCitizenship, Visit, VisitGuest
from visits.models.references import next_visit_reference

pytestmark = pytest.mark.django_db


def test_engagement_ending_before_it_starts_is_refused_by_the_database():
    engagement = EngagementFactory()
    engagement.ends_at = engagement.starts_at - timedelta(minutes=5)
    with (
        pytest.raises(IntegrityError, match="engagement_ends_after_it_starts"),
        transaction.atomic(),
    ):
        engagement.save()


def test_engagement_ending_before_it_starts_fails_validation_with_a_message():
    engagement = EngagementFactory.build(visit=VisitFactory(), venue=VenueFactory())
    engagement.ends_at = engagement.starts_at
    with pytest.raises(ValidationError) as refused:
        engagement.full_clean()
    assert refused.value.messages == ["The end must be after the start."]


def test_visit_last_day_before_first_day_is_refused_by_the_database():
    visit = VisitFactory()
    visit.ends_on = visit.starts_on - timedelta(days=1)
    with pytest.raises(IntegrityError, match="visit_ends_after_it_starts"), transaction.atomic():
        visit.save()


def test_visit_reference_is_readable_and_sequential_within_its_year():
    first = VisitFactory(starts_on=date(2031, 5, 1))
    second = VisitFactory(starts_on=date(2031, 9, 1))
    other_year = VisitFactory(starts_on=date(2032, 1, 2))
    assert [first.reference, second.reference, other_year.reference] == [
        "V-2031-001",
        "V-2031-002",
        "V-2032-001",
    ]


def test_visit_reference_does_not_change_when_the_visit_moves():
    visit = VisitFactory(starts_on=date(2031, 5, 1))
    visit.starts_on = date(2032, 5, 1)
    visit.save()
    visit.refresh_from_db()
    assert visit.reference == "V-2031-001"


def test_visit_references_are_unique_in_the_database():
    VisitFactory(starts_on=date(2031, 5, 1))
    clash = Visit(
        reference="V-2031-001",
        kind="other",
        occasion_fr="x",
        occasion_en="x",
        starts_on=date(2031, 6, 1),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        clash.save()


@pytest.mark.django_db(transaction=True)
def test_concurrent_reference_requests_never_get_the_same_code():
    def take(_):
        try:
            return next_visit_reference(2040)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(take, range(40)))
    assert sorted(codes) == [f"V-2040-{n:03d}" for n in range(1, 41)]


def test_a_guest_cannot_be_listed_twice_in_one_visit():
    visit = VisitFactory()
    guest = visit.guests.get()
    with pytest.raises(IntegrityError, match="visit_guest_once"), transaction.atomic():
        VisitGuest.objects.create(visit=visit, guest=guest, role="member")


def test_deleting_a_received_guest_is_prevented():
    visit = VisitFactory()
    with pytest.raises(ProtectedError):
        visit.guests.get().delete()


def test_deleting_a_venue_with_engagements_is_prevented():
    engagement = EngagementFactory()
    with pytest.raises(ProtectedError):
        engagement.venue.delete()


def test_deleting_a_ceremony_that_conferred_an_honour_is_prevented():
    ceremony = EngagementFactory()
    HonoraryCitizenshipFactory(ceremony=ceremony, status="conferred")
    with pytest.raises(ProtectedError):
        ceremony.delete()


def test_deleting_a_visit_removes_its_programme():
    engagement = EngagementFactory()
    engagement.visit.delete()
    assert not Engagement.objects.filter(pk=engagement.pk).exists()


def test_voted_honour_without_vote_date_is_refused():
    honour = HonoraryCitizenship(honoree=GuestFactory(), status="voted", voted_on=None)
    with pytest.raises(ValidationError) as refused:
        honour.full_clean()
    assert "A voted or conferred honour needs its vote date." in refused.value.messages
    with pytest.raises(IntegrityError, match="honour_voted_has_vote_date"), transaction.atomic():
        honour.save()


def test_proxy_name_without_proxy_is_refused():
    honour = HonoraryCitizenshipFactory.build(
        honoree=GuestFactory(), received_by_proxy=False, proxy_name="Lina al-Hathloul"
    )
    with (
        pytest.raises(IntegrityError, match="honour_proxy_name_only_by_proxy"),
        transaction.atomic(),
    ):
        honour.save()


def test_engagement_uids_are_distinct_and_stable():
    first, second = EngagementFactory(), EngagementFactory()
    uid = first.uid
    first.title_fr = "Réception modifiée"
    first.save()
    first.refresh_from_db()
    assert first.uid == uid != second.uid


def test_bilingual_texts_follow_the_active_language():
    from django.utils import translation

    engagement = EngagementFactory(title_fr="Déjeuner", title_en="Lunch")
    with translation.override("fr"):
        assert engagement.title == "Déjeuner"
    with translation.override("en"):
        assert engagement.title == "Lunch"
    engagement.title_en = ""
    with translation.override("en"):
        assert engagement.title == "Déjeuner"


def test_embargo_on_a_visit_that_is_not_public_fails_validation():
    visit = VisitFactory.build(confidentiality="restricted", embargo_until="2031-01-01T10:00Z")
    with pytest.raises(ValidationError) as refused:
        visit.full_clean(exclude=["reference"])
    assert refused.value.message_dict["embargo_until"] == [
        "An embargo only applies to a public visit."
    ]


def test_deleting_a_host_who_has_received_is_refused_outside_the_admin_too():
    from tests.factories import HostFactory
    from visits.models import Host

    engagement = EngagementFactory()
    host = HostFactory()
    engagement.hosts.add(host)
    with pytest.raises(ProtectedError), transaction.atomic():
        host.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        Host.objects.filter(pk=host.pk).delete()
    assert list(engagement.hosts.all()) == [host]
    unused = HostFactory()
    unused.delete()
    assert not Host.objects.filter(pk=unused.pk).exists()
