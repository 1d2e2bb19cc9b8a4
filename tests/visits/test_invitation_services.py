"""Invitations and replies through visits.services.invitations: places within the room's
capacity, the waiting list in the order the replies came, companions, representatives, the
reply deadline and the check-in at the door."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tests.factories import EngagementFactory, GuestFactory, VenueFactory
from visits.models import AddressCard, Invitation, Reception, Reply
from visits.models.invitations import Answer, ReplyState
from visits.services.errors import RuleBroken
from visits.services.invitations import check_in, invite, refuse_representative, reply
from visits.tasks import erase_needs_past_their_time


def reception(places=None, **invitation_fields):
    """An engagement in a room of `places`, and an invitation factory for it."""
    engagement = EngagementFactory(venue=VenueFactory(capacity=places))

    def invited(**fields):
        return invite(engagement, [GuestFactory()], by=None, **(invitation_fields | fields))[0]

    return engagement, invited


def states(*invitations):
    return [Invitation.objects.get(pk=one.pk).state for one in invitations]


def test_inviting_makes_one_invitation_per_guest_and_skips_those_invited(db, officer):
    engagement = EngagementFactory()
    ada, ben = GuestFactory(), GuestFactory()
    made = invite(engagement, [ada, ben, ada], by=officer, companion_allowed=True)
    assert [(one.guest, one.companion_allowed) for one in made] == [(ada, True), (ben, True)]
    assert invite(engagement, [ben], by=officer) == []
    assert engagement.invitations.count() == 2


def test_staff_may_not_invite(db, staff_member):
    with pytest.raises(PermissionDenied):
        invite(EngagementFactory(), [GuestFactory()], by=staff_member)
    assert not Invitation.objects.exists()


def test_an_acceptance_within_the_capacity_is_accepted_and_kept_with_its_time(db):
    _engagement, invited = reception(places=10)
    invitation = invited()
    at = timezone.now()
    answered = reply(invitation, answer=Answer.ACCEPT, now=at)
    assert (answered.state, answered.replied_at) == (ReplyState.ACCEPTED, at)
    assert list(Reply.objects.values_list("answer", "outcome", "at")) == [
        ("accept", "accepted", at)
    ]


def test_beyond_the_capacity_replies_wait_in_the_order_they_came(db):
    _engagement, invited = reception(places=1)
    first, second, third = invited(), invited(), invited()
    for one in (first, second, third):
        reply(one, answer=Answer.ACCEPT)
    waiting = Invitation.objects.filter(state=ReplyState.WAITING).order_by("queued")
    assert states(first, second, third) == ["accepted", "waiting", "waiting"]
    assert [(one.pk, one.queued) for one in waiting] == [(second.pk, 1), (third.pk, 2)]


def test_a_decline_gives_the_place_to_the_first_waiting_once(db):
    _engagement, invited = reception(places=1)
    first, second, third = invited(), invited(), invited()
    for one in (first, second, third):
        reply(one, answer=Answer.ACCEPT)
    reply(first, answer=Answer.DECLINE)
    reply(first, answer=Answer.DECLINE)  # posted twice: nothing more moves
    assert states(first, second, third) == ["declined", "accepted", "waiting"]
    assert Invitation.objects.get(pk=second.pk).queued is None
    assert Reply.objects.filter(invitation=first).count() == 2  # accept, then one decline


def test_the_same_reply_posted_twice_counts_once(db):
    _engagement, invited = reception(places=5, companion_allowed=True)
    invitation = invited()
    for _twice in range(2):
        reply(invitation, answer=Answer.ACCEPT, with_companion=True, companion_name="Léa Roux")
    assert Reply.objects.filter(invitation=invitation).count() == 1
    changed = reply(invitation, answer=Answer.ACCEPT)  # without the companion: a change
    assert (changed.with_companion, changed.companion_name) == (False, "")
    assert Reply.objects.filter(invitation=invitation).count() == 2


def test_a_companion_takes_a_place_and_only_where_allowed(db):
    _engagement, invited = reception(places=2, companion_allowed=True)
    alone = invite(_engagement, [GuestFactory()], by=None)[0]
    with pytest.raises(RuleBroken) as refused:
        reply(alone, answer=Answer.ACCEPT, with_companion=True)
    assert "with_companion" in refused.value.message_dict
    couple, single = invited(), invited()
    reply(couple, answer=Answer.ACCEPT, with_companion=True, companion_name="Léa Roux")
    reply(single, answer=Answer.ACCEPT)
    assert states(couple, single, alone) == ["accepted", "waiting", "no_reply"]


def test_an_accepted_invitee_adding_a_companion_without_room_is_refused_and_keeps_their_place(db):
    _engagement, invited = reception(places=1, companion_allowed=True)
    invitation = invited()
    reply(invitation, answer=Answer.ACCEPT)
    with pytest.raises(RuleBroken) as refused:
        reply(invitation, answer=Answer.ACCEPT, with_companion=True)
    assert refused.value.message_dict == {"with_companion": ["No place is left for a companion."]}
    kept = Invitation.objects.get(pk=invitation.pk)
    assert (kept.state, kept.with_companion) == ("accepted", False)


def test_a_newcomer_does_not_jump_the_line_for_a_place_too_small_for_the_first_waiting(db):
    engagement, invited = reception(places=2, companion_allowed=True)
    one, two = invited(), invited()
    reply(one, answer=Answer.ACCEPT)
    reply(two, answer=Answer.ACCEPT)
    couple = invited()
    reply(couple, answer=Answer.ACCEPT, with_companion=True)  # waits: needs 2
    reply(one, answer=Answer.DECLINE)  # 1 place free: too small for the couple
    newcomer = invited()
    reply(newcomer, answer=Answer.ACCEPT)
    assert states(couple, newcomer) == ["waiting", "waiting"]
    reply(two, answer=Answer.DECLINE)  # now 2: the couple, first in line
    assert states(couple, newcomer) == ["accepted", "waiting"]


def test_a_representative_only_where_the_invitation_is_transferable(db):
    _engagement, invited = reception(places=5)
    with pytest.raises(RuleBroken) as refused:
        reply(invited(), answer=Answer.REPRESENTED, representative_name="Paul Roy")
    assert "answer" in refused.value.message_dict
    transferable = invited(transferable=True)
    with pytest.raises(RuleBroken) as unnamed:
        reply(transferable, answer=Answer.REPRESENTED, representative_name="  ")
    assert "representative_name" in unnamed.value.message_dict
    answered = reply(transferable, answer=Answer.REPRESENTED, representative_name=" Paul  Roy ")
    assert (answered.state, answered.representative_name) == ("accepted", "Paul Roy")


def test_a_representative_the_office_refuses_frees_the_place_and_cannot_be_named_again(db, officer):
    _engagement, invited = reception(places=1, transferable=True)
    represented, waiting = invited(), invited()
    reply(represented, answer=Answer.REPRESENTED, representative_name="Paul Roy")
    reply(waiting, answer=Answer.ACCEPT)
    refuse_representative(represented, by=officer)
    assert states(represented, waiting) == ["no_reply", "accepted"]
    with pytest.raises(RuleBroken) as again:
        reply(represented, answer=Answer.REPRESENTED, representative_name="Paul Roy")
    assert "representative_name" in again.value.message_dict
    other = reply(represented, answer=Answer.REPRESENTED, representative_name="Anne Roy")
    assert (other.state, other.queued, other.representative_refused) == ("waiting", 1, False)


def test_no_reply_after_the_deadline_and_nothing_written(db):
    engagement, invited = reception(places=5)
    Reception.objects.create(engagement=engagement, reply_by=timezone.now() - timedelta(hours=1))
    invitation = invited()
    with pytest.raises(RuleBroken) as late:
        reply(invitation, answer=Answer.ACCEPT)
    assert late.value.message_dict == {"answer": ["The date to reply has passed."]}
    assert states(invitation) == ["no_reply"] and not Reply.objects.exists()


def test_an_unknown_answer_names_the_field(db):
    _engagement, invited = reception()
    with pytest.raises(RuleBroken) as refused:
        reply(invited(), answer="maybe")
    assert list(refused.value.message_dict) == ["answer"]


def test_a_room_without_a_capacity_accepts_everyone(db):
    _engagement, invited = reception(places=None)
    many = [invited() for _ in range(5)]
    for one in many:
        reply(one, answer=Answer.ACCEPT)
    assert set(states(*many)) == {"accepted"}


def test_checking_in_twice_records_one_arrival(db, staff_member):
    _engagement, invited = reception()
    invitation = invited()
    assert check_in(invitation, by=staff_member) is True
    first = Invitation.objects.get(pk=invitation.pk).arrived_at
    assert check_in(invitation, by=staff_member) is False
    kept = Invitation.objects.get(pk=invitation.pk)
    assert (kept.arrived_at, kept.arrived_by) == (first, staff_member)


def test_the_office_invites_and_staff_check_in(officer, staff_member):
    def rights(user):
        return {
            name
            for name in ("add", "change", "view", "check_in")
            if user.has_perm(f"visits.{name}_invitation")
        }

    assert rights(officer) == {"add", "change", "view", "check_in"}
    assert rights(staff_member) == {"view", "check_in"}


def test_the_needs_are_erased_once_past_their_day_and_kept_until_then(db):
    today = timezone.localdate()
    kept, past, undated = (
        AddressCard.objects.create(
            guest=GuestFactory(), dietary_needs="Halal", needs_kept_until=day
        )
        for day in (today, today - timedelta(days=1), None)
    )
    assert erase_needs_past_their_time() == 1  # the daily task, run in the test
    cards = {card.pk: card for card in AddressCard.objects.all()}
    assert (cards[past.pk].dietary_needs, cards[past.pk].needs_kept_until) == ("", None)
    assert cards[kept.pk].dietary_needs == cards[undated.pk].dietary_needs == "Halal"
