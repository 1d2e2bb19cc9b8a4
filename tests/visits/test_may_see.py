"""`may_see(viewer, record)`: the door's answer for one record, the same as its `visible_to`,
for each kind of record the services check and each kind of viewer."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    ReminderFactory,
    UserFactory,
    VisitFactory,
)
from visits.models import Engagement, Guest, HonoraryCitizenship, Reminder, Visit
from visits.queries.door import may_see

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewers(staff_member, officer, cleared_officer):
    lead = UserFactory(username="lead")
    lead.groups.set(officer.groups.all())
    return {
        "public": None,
        "anonymous": AnonymousUser(),
        "no group": UserFactory(username="nogroup"),
        "staff": staff_member,
        "officer": officer,
        "cleared": cleared_officer,
        "lead officer": lead,
    }


@pytest.fixture
def records(viewers):
    """Of each kind, one for each way the door decides: public, embargoed, requested,
    restricted, confidential (led by `lead officer`), and a guest and honour of each."""
    visits = [
        VisitFactory(confidentiality="public", status="held"),
        VisitFactory(confidentiality="public", embargo_until=timezone.now() + timedelta(days=1)),
        VisitFactory(confidentiality="public", status="requested"),
        VisitFactory(confidentiality="restricted"),
        VisitFactory(confidentiality="confidential", lead_officer=viewers["lead officer"]),
    ]
    engagements = [EngagementFactory(visit=visit) for visit in visits]
    guests = [participant.guest for visit in visits for participant in visit.participants.all()]
    guests.append(GuestFactory())  # in no visit: staff see them
    honours = [
        HonoraryCitizenshipFactory(honoree=guests[0], status="conferred"),
        HonoraryCitizenshipFactory(honoree=guests[3], status="proposed"),
        HonoraryCitizenshipFactory(honoree=guests[4], status="voted"),
    ]
    reminders = [ReminderFactory(engagement=engagement) for engagement in engagements]
    reminders.append(ReminderFactory(engagement=None, kind="agenda"))
    return {
        Visit: visits,
        Engagement: engagements,
        Guest: guests,
        HonoraryCitizenship: honours,
        Reminder: reminders,
    }


@pytest.mark.parametrize("model", [Visit, Engagement, Guest, HonoraryCitizenship, Reminder])
@pytest.mark.parametrize(
    "name", ["public", "anonymous", "no group", "staff", "officer", "cleared", "lead officer"]
)
def test_may_see_answers_as_visible_to_for_each_kind_and_viewer(records, viewers, model, name):
    viewer = viewers[name]
    seen = set(model.objects.visible_to(viewer).values_list("pk", flat=True))
    answers = {record.pk: may_see(viewer, record) for record in records[model]}
    assert answers == {record.pk: record.pk in seen for record in records[model]}
    # Not everything nor nothing for every viewer: the records tell the viewers apart.
    if name in ("staff", "cleared", "lead officer"):
        assert any(answers.values())
    if model is Reminder and name in ("public", "anonymous"):
        assert not any(answers.values())  # the staff's own mail


def test_may_see_takes_a_record_known_only_by_its_key(records, viewers):
    confidential = records[Visit][4]
    assert may_see(viewers["lead officer"], Visit(pk=confidential.pk)) is True
    assert may_see(viewers["officer"], Visit(pk=confidential.pk)) is False
    assert may_see(viewers["cleared"], Engagement(pk=records[Engagement][4].pk)) is True


def test_may_see_asks_one_query(records, viewers, django_assert_num_queries):
    staff = viewers["staff"]
    staff.has_perm("visits.view_visit")  # its permissions are read once, then cached
    with django_assert_num_queries(1):
        assert may_see(staff, records[Visit][3]) is True
