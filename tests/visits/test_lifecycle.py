"""A visit moves along explicit steps, each recorded with its time and author."""

from datetime import date

import pytest

from tests.factories import GuestFactory, HostFactory, VenueFactory, VisitFactory
from tests.visits.test_engagement_services import DAY, at, book
from visits import services
from visits.models.choices import DelegationRole, EngagementStatus, VisitStatus

S = VisitStatus


@pytest.fixture
def visit(officer):
    return services.create_visit(
        by=officer,
        delegation=[(GuestFactory(name="Roberto Gualtieri"), DelegationRole.PRINCIPAL)],
        hosts=[HostFactory()],
        kind="official_visit",
        occasion_fr="Visite du maire de Rome",
        occasion_en="Visit of the Mayor of Rome",
        starts_on=DAY,
    )


def test_new_visit_is_requested_and_its_creation_is_recorded(visit, officer):
    assert visit.status == S.REQUESTED
    [step] = visit.transitions.all()
    assert (step.from_status, step.to_status, step.by) == ("", S.REQUESTED, officer)
    assert visit.history.get().history_user == officer


def test_visit_needs_a_principal_guest(officer):
    with pytest.raises(services.RuleBroken) as refused:
        services.create_visit(
            by=officer,
            delegation=[(GuestFactory(), DelegationRole.INTERPRETER)],
            kind="official_visit",
            occasion_fr="Visite",
            occasion_en="Visit",
            starts_on=DAY,
        )
    assert refused.value.message_dict == {
        "delegation": ["A visit needs at least one principal guest."]
    }


def test_visit_goes_from_request_to_held_with_each_step_recorded(visit, officer, cleared_officer):
    book(visit, officer, at(10), at(11), venue=VenueFactory())  # a visit confirms a programme
    for step in [S.UNDER_REVIEW, S.APPROVED, S.CONFIRMED]:
        services.move_visit(visit, step, by=officer, note=f"to {step}")
    services.move_visit(visit, S.HELD, by=cleared_officer, today=DAY)
    visit.refresh_from_db()
    assert visit.status == S.HELD
    steps = [(t.from_status, t.to_status, t.by.username) for t in visit.transitions.all()]
    assert steps == [
        ("", S.REQUESTED, "officer"),
        (S.REQUESTED, S.UNDER_REVIEW, "officer"),
        (S.UNDER_REVIEW, S.APPROVED, "officer"),
        (S.APPROVED, S.CONFIRMED, "officer"),
        (S.CONFIRMED, S.HELD, "cleared"),
    ]
    assert visit.transitions.last().at is not None
    assert visit.history.first().history_change_reason == "Held"


def test_illegal_move_is_refused_naming_the_allowed_ones(visit, officer):
    with pytest.raises(services.TransitionRefused) as refused:
        services.move_visit(visit, S.CONFIRMED, by=officer)
    assert refused.value.message_dict == {
        "status": ["A requested visit can become: under review, declined, cancelled."]
    }
    visit.refresh_from_db()
    assert (visit.status, visit.transitions.count()) == (S.REQUESTED, 1)


def test_final_status_is_final(visit, officer):
    services.move_visit(visit, S.DECLINED, by=officer)
    with pytest.raises(services.TransitionRefused) as refused:
        services.move_visit(visit, S.UNDER_REVIEW, by=officer)
    assert refused.value.message_dict == {
        "status": ["A declined visit is final: it cannot become under review."]
    }


def test_visit_is_held_only_once_its_day_has_come(visit, officer):
    book(visit, officer, at(10), at(11), venue=VenueFactory())  # a visit confirms a programme
    for step in [S.UNDER_REVIEW, S.APPROVED, S.CONFIRMED]:
        services.move_visit(visit, step, by=officer)
    with pytest.raises(services.TransitionRefused) as refused:
        services.move_visit(visit, S.HELD, by=officer, today=date(2027, 7, 5))
    assert refused.value.message_dict == {
        "status": ["A visit is marked as held once its first day has come."]
    }


def test_cancelling_a_visit_cancels_its_engagements_and_bumps_their_sequence(visit, officer):
    room = VenueFactory()
    first = book(visit, officer, at(10), at(11), venue=room)
    second = services.confirm_engagement(
        book(visit, officer, at(11), at(12), venue=room), by=officer
    )
    services.move_visit(visit, S.CANCELLED, by=officer, note="Voyage annulé")
    first.refresh_from_db()
    second.refresh_from_db()
    assert [(e.status, e.sequence) for e in (first, second)] == [
        (EngagementStatus.CANCELLED, 1),
        (EngagementStatus.CANCELLED, 2),
    ]
    assert visit.transitions.last().note == "Voyage annulé"
    # The room is free again for another visit.
    other = services.create_visit(
        by=officer,
        delegation=[(GuestFactory(), DelegationRole.PRINCIPAL)],
        kind="reception",
        occasion_fr="Réception",
        occasion_en="Reception",
        starts_on=DAY,
    )
    assert book(other, officer, at(10), at(11), venue=room).pk


def test_postponing_a_visit_postpones_its_live_engagements(visit, officer):
    engagement = book(visit, officer, at(10), at(11), venue=VenueFactory())
    services.move_visit(visit, S.UNDER_REVIEW, by=officer)
    services.move_visit(visit, S.POSTPONED, by=officer)
    engagement.refresh_from_db()
    assert engagement.status == EngagementStatus.POSTPONED
    with pytest.raises(services.RuleBroken) as refused:
        services.update_engagement(engagement, by=officer, status=EngagementStatus.TENTATIVE)
    assert refused.value.message_dict == {
        "status": ["The visit is postponed: its programme takes no tentative or confirmed item."]
    }
    services.move_visit(visit, S.UNDER_REVIEW, by=officer)
    services.update_engagement(engagement, by=officer, status=EngagementStatus.TENTATIVE)


def test_visit_edit_is_validated_and_attributed(visit, officer):
    with pytest.raises(services.RuleBroken) as refused:
        services.update_visit(visit, by=officer, ends_on=date(2027, 7, 1))
    assert refused.value.message_dict == {
        "__all__": ["The last day cannot be before the first day."]
    }
    with pytest.raises(services.RuleBroken) as refused:
        services.update_visit(visit, by=officer, embargo_until=at(9))
    assert refused.value.message_dict == {
        "embargo_until": ["An embargo only applies to a public visit."]
    }
    services.update_visit(visit, by=officer, notes="Drapeaux italiens")
    assert visit.history.first().history_change_reason == "Edited"


def test_status_moves_only_through_the_lifecycle(visit, officer):
    with pytest.raises(TypeError):
        services.update_visit(visit, by=officer, status=S.CONFIRMED)


def test_new_occasion_bumps_the_sequence_of_the_visits_engagements(visit, officer):
    engagement = book(visit, officer, at(10), at(11), venue=VenueFactory())
    services.update_visit(visit, by=officer, notes="Internal only")
    engagement.refresh_from_db()
    assert engagement.sequence == 0
    services.update_visit(visit, by=officer, occasion_en="Official visit of the Mayor of Rome")
    engagement.refresh_from_db()
    assert engagement.sequence == 1


def test_only_a_visit_with_a_tentative_programme_is_deleted(visit, officer):
    engagement = book(visit, officer, at(10), at(11), venue=VenueFactory())
    services.confirm_engagement(engagement, by=officer)
    with pytest.raises(services.RuleBroken) as refused:
        services.delete_visit(visit, by=officer)
    assert refused.value.messages == [
        "A visit whose programme went beyond tentative, or holds a ceremony, is cancelled, "
        "not deleted."
    ]
    other = services.create_visit(
        by=officer,
        delegation=[(GuestFactory(), DelegationRole.PRINCIPAL)],
        kind="reception",
        occasion_fr="Réception",
        occasion_en="Reception",
        starts_on=DAY,
    )
    book(other, officer, at(14), at(15), venue=VenueFactory())
    services.delete_visit(other, by=officer)
    deleted = other.history.first()
    assert (deleted.history_type, deleted.history_user) == ("-", officer)


def test_confirmed_visits_whose_last_day_is_over_become_held_daily(officer):
    from visits.tasks import mark_held_visits

    over = VisitFactory(status=S.CONFIRMED, starts_on=date(2020, 5, 4), ends_on=date(2020, 5, 6))
    running = VisitFactory(status=S.CONFIRMED, starts_on=date(2020, 5, 4), ends_on=date(2099, 1, 1))
    approved = VisitFactory(status=S.APPROVED, starts_on=date(2020, 5, 4))
    assert mark_held_visits.apply().get() == 1
    states = [
        (v.status, v.transitions.count())
        for v in (over, running, approved)
        if not v.refresh_from_db()
    ]
    assert states == [(S.HELD, 1), (S.CONFIRMED, 0), (S.APPROVED, 0)]
    assert over.transitions.get().by is None  # the system


def test_daily_held_run_skips_a_visit_moved_meanwhile(officer, monkeypatch):
    from visits.services import lifecycle

    first = VisitFactory(status=S.CONFIRMED, starts_on=date(2020, 5, 4))
    second = VisitFactory(status=S.CONFIRMED, starts_on=date(2020, 5, 5))
    real_move = lifecycle.move_visit

    def postponed_meanwhile(visit, to_status, **kwargs):
        if visit.pk == first.pk:  # another officer postponed it after the run listed it
            real_move(visit, S.POSTPONED, by=officer)
        return real_move(visit, to_status, **kwargs)

    monkeypatch.setattr(lifecycle, "move_visit", postponed_meanwhile)
    assert lifecycle.mark_past_visits_held(today=date(2020, 6, 1)) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (S.POSTPONED, S.HELD)


def test_new_dates_that_would_strand_the_programme_are_refused(visit, officer):
    book(visit, officer, at(10), at(11), venue=VenueFactory())
    with pytest.raises(services.RuleBroken) as refused:
        services.update_visit(visit, by=officer, starts_on=date(2027, 8, 5))
    assert refused.value.message_dict == {
        "starts_on": [
            "1 engagement of the programme would fall outside these days: move or cancel it first."
        ]
    }
    services.update_visit(visit, by=officer, ends_on=date(2027, 7, 8))  # longer is fine
