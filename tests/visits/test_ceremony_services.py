"""The office's writes to a ceremony (visits.services.ceremony) and the read that ranks and
seats from them (visits.queries.ceremony_plan), on the real database and the seeded lists."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import EngagementFactory, GuestFactory, HostFactory, VisitFactory
from visits.models import Attendance, Ceremony, Office, OfficeHolding, SeatingPair, VisitGuest
from visits.models.ceremony_choices import AttendanceRole, Capacity, Layout
from visits.models.choices import DelegationRole, GuestCategory
from visits.models.invitations import Answer
from visits.queries.ceremony import ceremony_engagements, ceremony_rows
from visits.queries.ceremony_plan import ceremony_plan
from visits.services import ceremony as rules
from visits.services.errors import RuleBroken
from visits.services.invitations import invite, reply


def person(name, *offices, **fields):
    guest = GuestFactory(name=name, sort_name=name, **fields)
    for code in offices:
        OfficeHolding.objects.create(guest=guest, office=Office.objects.get(code=code))
    return guest


@pytest.fixture
def engagement(db):
    return EngagementFactory(visit=VisitFactory())


def plan_of(engagement, viewer=None):
    found = ceremony_engagements(viewer).get(pk=engagement.pk) if viewer else engagement
    return ceremony_plan(ceremony_rows(found))


def names_in_order(plan):
    return [placed.attendee.name for placed in plan.ranking.placed]


def test_gather_attendance_adds_the_hosts_and_the_delegation_once(engagement):
    mayor = person("Anne Maire", "mayor_of_paris", gender="f")
    engagement.hosts.add(HostFactory(person=mayor, precedence=1))
    president = GuestFactory(name="Président invité", category=GuestCategory.HEAD_OF_STATE)
    VisitGuest.objects.create(
        visit=engagement.visit, guest=president, role=DelegationRole.PRINCIPAL
    )
    added = rules.gather_attendance(engagement, by=None)
    again = rules.gather_attendance(engagement, by=None)
    rows = {a.guest.name: a for a in Attendance.objects.filter(engagement=engagement)}
    delegation = set(engagement.visit.participants.values_list("guest__name", flat=True))
    assert set(rows) == delegation | {"Anne Maire"}
    assert (len(added), again) == (len(rows), [])
    assert (rows["Anne Maire"].role, rows["Anne Maire"].inviting) == (AttendanceRole.HOST, True)
    assert rows["Président invité"].role == AttendanceRole.GUEST_OF_HONOUR
    assert Ceremony.objects.get(engagement=engagement).revision == 1


def test_plan_ranks_the_mayor_after_a_minister_and_explains_it(engagement):
    mayor = person("Anne Maire", "mayor_of_paris", gender="f")
    minister = person("Paul Ministre", "minister", gender="m")
    for guest in (mayor, minister):
        rules.add_attendee(engagement, guest, by=None)
    plan = plan_of(engagement)
    assert names_in_order(plan) == ["Paul Ministre", "Anne Maire"]
    keys = [p.attendee.key for p in plan.ranking.placed]
    assert plan.ranking.why(keys[1], keys[0]).rule.startswith("D art. 2")


def test_an_unlisted_guest_is_shown_unplaced_until_the_office_places_them(engagement):
    figure = GuestFactory(name="Figure sans rang", category=GuestCategory.PROMINENT_FIGURE)
    attendance = rules.add_attendee(engagement, figure, by=None)
    assert [u.attendee.name for u in plan_of(engagement).ranking.unplaced] == ["Figure sans rang"]
    rules.change_attendee(
        attendance, by=None, place_after=0, place_after_reason="Invitée d'honneur du Maire"
    )
    plan = plan_of(engagement)
    assert (names_in_order(plan), plan.ranking.unplaced) == (["Figure sans rang"], ())
    assert "Invitée d'honneur du Maire" in plan.ranking.placed[0].basis.text


def test_place_after_without_a_reason_is_refused_and_nothing_written(engagement):
    attendance = rules.add_attendee(engagement, GuestFactory(), by=None)
    with pytest.raises(RuleBroken) as refused:
        rules.change_attendee(attendance, by=None, place_after=3)
    assert "place_after_reason" in refused.value.message_dict
    assert Attendance.objects.get(pk=attendance.pk).place_after is None


def test_kept_places_then_a_swap_says_which_rule_it_breaks(engagement):
    rules.change_options(engagement, by=None, layout=Layout.FRENCH)
    guests = [
        person("Anne Maire", "mayor_of_paris", gender="f"),
        person("Paul Ministre", "minister", gender="m"),
        person("Jean Député", "deputy", gender="m"),
        person("Lucie Conseillère", "councillor_of_paris", gender="f"),
    ]
    rows = [rules.add_attendee(engagement, g, by=None) for g in guests]
    rules.change_attendee(rows[0], by=None, inviting=True)
    proposal = plan_of(engagement).seating
    rules.keep_places(
        engagement, {int(s.key): (s.table, s.number) for s in proposal.seats if s.key}, by=None
    )
    kept = plan_of(engagement)
    assert kept.seating_saved and kept.broken == ()
    minister, councillor = (
        kept.seating.seat_of(str(rows[1].pk)),
        kept.seating.seat_of(str(rows[3].pk)),
    )
    rules.keep_places(
        engagement,
        {
            rows[1].pk: (councillor.table, councillor.number),
            rows[3].pk: (minister.table, minister.number),
        },
        by=None,
    )
    assert plan_of(engagement).broken  # the councillor now sits in a more honoured place


def test_two_attendees_cannot_be_given_one_place(engagement):
    first, second = (rules.add_attendee(engagement, GuestFactory(), by=None) for _ in range(2))
    with pytest.raises(RuleBroken):
        rules.keep_places(engagement, {first.pk: (1, 1), second.pk: (1, 1)}, by=None)
    assert not Attendance.objects.filter(table__isnull=False).exists()


def test_a_stale_revision_is_refused_before_anything_is_written(engagement):
    def stale(current):
        raise RuleBroken({"revision": ["changed"]})

    with pytest.raises(RuleBroken):
        rules.add_attendee(engagement, GuestFactory(), by=None, precondition=stale)
    assert not Attendance.objects.exists()


def test_staff_without_the_office_right_cannot_change_a_ceremony(engagement, staff_member):
    with pytest.raises(PermissionDenied):
        rules.add_attendee(engagement, GuestFactory(), by=staff_member)


def test_the_office_changes_a_ceremony(engagement, officer):
    attendance = rules.add_attendee(engagement, GuestFactory(), by=officer)
    assert attendance.pk and Ceremony.objects.get(engagement=engagement).revision == 1


def test_an_adjoint_representing_the_mayor_ranks_where_the_mayor_would(engagement):
    adjoint = person("Adjoint", "councillor_of_paris", gender="m")
    rules.add_attendee(
        engagement,
        adjoint,
        by=None,
        capacity=Capacity.ADJOINT_FOR_MAYOR,
        represents_office=Office.objects.get(code="mayor_of_paris"),
    )
    rules.add_attendee(engagement, person("Députée", "deputy", gender="f"), by=None)
    rules.add_attendee(engagement, person("Conseiller", "councillor_of_paris"), by=None)
    # In the Paris list the Mayor comes after the deputies and before the councillors of Paris:
    # her adjoint, a councillor himself, takes her rank (art. 14), ahead of his colleague.
    assert names_in_order(plan_of(engagement)) == ["Députée", "Adjoint", "Conseiller"]


def test_the_paris_list_in_force_on_the_day_ranks_by_default(engagement):
    rows = ceremony_rows(engagement)
    assert rows.precedence_list.scope == "paris"
    assert rows.precedence_list.effective_from <= rows.day


def test_an_engagement_before_any_list_took_effect_has_none(db):
    old = EngagementFactory(visit=VisitFactory(starts_on=date(1950, 1, 2)))
    old.starts_at = old.starts_at.replace(year=1950)
    old.ends_at = old.ends_at.replace(year=1950)
    assert ceremony_rows(old).precedence_list is None


def test_art_19_nobody_speaks_after_the_minister_representing_the_state(engagement):
    mayor = rules.add_attendee(
        engagement, person("Anne Maire", "mayor_of_paris", gender="f"), by=None, speaks=True
    )
    rules.change_attendee(mayor, by=None, inviting=True)
    for name, code in (("Paul Ministre", "minister"), ("Le Préfet", "prefect_of_paris")):
        rules.add_attendee(engagement, person(name, code, gender="m"), by=None, speaks=True)
    speakers = [s.attendee.name for s in plan_of(engagement).speakers]
    assert speakers == ["Anne Maire", "Le Préfet", "Paul Ministre"]


def test_a_former_prefect_does_not_close_the_speeches(engagement):
    former = person("Ancien Préfet", gender="m")
    OfficeHolding.objects.create(
        guest=former,
        office=Office.objects.get(code="prefect_of_paris"),
        left_office_on=date(2020, 1, 1),
    )
    rules.add_attendee(engagement, former, by=None, speaks=True)
    rules.add_attendee(engagement, person("Député", "deputy", gender="m"), by=None, speaks=True)
    speakers = [s.attendee.name for s in plan_of(engagement).speakers]
    assert speakers == ["Ancien Préfet", "Député"]  # reverse precedence, the deputy last


def test_a_place_held_by_someone_not_moved_is_refused_and_nothing_written(engagement):
    first, second = (rules.add_attendee(engagement, GuestFactory(), by=None) for _ in range(2))
    rules.keep_places(engagement, {first.pk: (1, 1), second.pk: (1, 2)}, by=None)
    with pytest.raises(RuleBroken) as refused:
        rules.keep_places(engagement, {first.pk: (1, 2)}, by=None)
    assert "another attendee" in refused.value.message_dict["places"][0]
    assert Attendance.objects.get(pk=first.pk).seat == 1


def test_kept_places_the_layout_no_longer_has_are_named(engagement):
    rows = [rules.add_attendee(engagement, person(n, "deputy"), by=None) for n in "AB"]
    rules.keep_places(engagement, {rows[0].pk: (9, 40), rows[1].pk: (1, 1)}, by=None)
    broken = plan_of(engagement).broken
    assert any("A" in line and "no longer has" in line for line in broken)


def test_forms_of_address_never_use_a_lists_plural_label(engagement):
    guest = person("Rachida Dati", "minister", gender="f", title_fr="", title_en="")
    rules.add_attendee(engagement, guest, by=None)
    plan = plan_of(engagement)
    [forms] = plan.forms.values()
    assert "Membres" not in forms.suscription and "Members" not in forms.suscription


def test_the_office_ranks_on_another_day_with_the_list_and_offices_of_that_day(engagement):
    deputy = person("Ancienne Députée", gender="f")
    OfficeHolding.objects.create(
        guest=deputy,
        office=Office.objects.get(code="deputy"),
        left_office_on=date(2026, 6, 30),
    )
    rules.add_attendee(engagement, deputy, by=None)
    rules.add_attendee(engagement, person("Conseiller", "councillor_of_paris"), by=None)
    assert engagement.starts_at.date() > date(2026, 6, 30)
    before = plan_of(engagement).ranking.placed[0]
    assert "former" in before.basis.text.lower()  # on the engagement's day she has left
    rules.change_options(engagement, by=None, ranked_on=date(2026, 1, 15))
    rows = ceremony_rows(engagement)
    assert rows.day == date(2026, 1, 15)
    # On that day she still sat in the Assembly: a serving deputy, before the councillor.
    first = plan_of(engagement).ranking.placed[0]
    assert (first.attendee.name, first.basis.rule) == ("Ancienne Députée", "D art. 2")


def test_a_second_seating_rule_for_the_same_two_is_refused(engagement):
    first, second = (rules.add_attendee(engagement, GuestFactory(), by=None) for _ in range(2))
    rules.add_pair(engagement, first, second, "apart", by=None)
    with pytest.raises(RuleBroken) as refused:
        rules.add_pair(engagement, second, first, "together", by=None)
    assert "already" in refused.value.message_dict["second"][0]
    assert SeatingPair.objects.count() == 1


def test_someone_the_rules_cannot_place_seated_by_hand_is_named_on_the_plan(engagement):
    placed = rules.add_attendee(engagement, person("Députée", "deputy", gender="f"), by=None)
    nobody = rules.add_attendee(engagement, GuestFactory(name="Sans Rang"), by=None)
    rules.change_options(engagement, by=None, seats_per_table=10)
    rules.keep_places(engagement, {placed.pk: (1, 1), nobody.pk: (1, 2)}, by=None)
    plan = plan_of(engagement)
    assert ("Sans Rang", 1, 2) in plan.seating_list
    assert "Sans Rang" in plan.seating_svg


def test_a_ceremony_of_more_tables_than_a_plan_can_draw_is_refused(engagement):
    with pytest.raises(RuleBroken) as refused:
        rules.change_options(engagement, by=None, tables=32767)
    assert "tables" in refused.value.message_dict


def test_gather_attendance_adds_the_invitees_who_accepted_in_person(engagement):
    guests = [GuestFactory(name=name) for name in ("Vient", "Représentée", "Décline", "Muet")]
    came, represented, declined, _silent = invite(engagement, guests, by=None, transferable=True)
    reply(came, answer=Answer.ACCEPT)
    reply(represented, answer=Answer.REPRESENTED, representative_name="Paul Roy")
    reply(declined, answer=Answer.DECLINE)
    rules.gather_attendance(engagement, by=None)
    rows = Attendance.objects.filter(engagement=engagement).select_related("guest")
    invitees = {row.guest.name: row.role for row in rows if row.guest in guests}
    assert invitees == {"Vient": AttendanceRole.AUTHORITY}
