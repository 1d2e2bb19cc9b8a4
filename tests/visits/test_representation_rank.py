"""The rank a representative named in a reply takes (D art. 13-14), as the ceremony engine
gives it on the engagement's list (visits/queries/representation.py): the office's page shows
it beside each representation; the capacities offered follow the invitee's offices, and one
their offices do not allow is refused with nothing written."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.ceremony_factories import holder, office, seeded_precedence
from tests.factories import EngagementFactory, GuestFactory, VenueFactory, VisitFactory
from tests.visits.staff_pages import signed_in
from visits.models import Invitation
from visits.models.ceremony_choices import Capacity
from visits.models.invitations import Answer
from visits.queries.invitation_lists import representations
from visits.queries.representation import capacities_open_to
from visits.services.errors import RuleBroken
from visits.services.invitations import invite, reply


@pytest.fixture
def reception(db):
    seeded_precedence()
    return EngagementFactory(venue=VenueFactory(capacity=50))


def represented_by(reception, invitee, capacity, representative_office=""):
    (invitation,) = invite(reception, [invitee], by=None, transferable=True)
    return reply(
        invitation,
        answer=Answer.REPRESENTED,
        representative_name="Paul Roy",
        representative_title="Premier adjoint",
        representative_office=office(representative_office) if representative_office else None,
        representative_capacity=capacity,
    )


def page_of(reception) -> str:
    return reverse("staff:invitations", args=[reception.uid])


def rank_shown(reception, viewer):
    with translation.override("en"):
        (row,) = representations(reception, viewer)
    return row.rank


def test_an_adjoint_representing_the_mayor_takes_the_mayors_rank(reception, officer):
    mayor = holder("mayor_of_paris", "Anne Hidalgo")
    represented_by(reception, mayor, Capacity.ADJOINT_FOR_MAYOR, "adjoint_au_maire")
    rank = rank_shown(reception, officer)
    assert rank.where == "22: Mayor of Paris (represented)"
    assert rank.why == "D art. 14: an adjoint representing the mayor takes the mayor's rank"


def test_any_other_representative_keeps_their_own_rank(reception, officer):
    mayor = holder("mayor_of_paris", "Anne Hidalgo")
    represented_by(reception, mayor, Capacity.REPRESENTS, "senator")
    rank = rank_shown(reception, officer)
    assert rank.where == "13: Senators"
    assert rank.why == (
        "D art. 13: represents Anne Hidalgo but keeps their own rank (13: Senators)"
    )


def test_a_representative_with_no_listed_office_is_not_placed_and_the_page_says_why(
    reception, officer
):
    mayor = holder("mayor_of_paris", "Anne Hidalgo")
    represented_by(reception, mayor, Capacity.REPRESENTS)
    rank = rank_shown(reception, officer)
    assert rank.where == ""
    assert rank.why == "not on the list: set “place after rank”"


def test_an_interim_holder_takes_the_offices_rank(reception, officer):
    deputy = holder("deputy", "Jean Martin")
    represented_by(reception, deputy, Capacity.INTERIM)
    assert rank_shown(reception, officer).where == "12: Deputies (represented)"


def test_a_suppleant_has_no_rank(reception, officer):
    deputy = holder("deputy", "Jean Martin")
    represented_by(reception, deputy, Capacity.SUBSTITUTE, "suppleant")
    rank = rank_shown(reception, officer)
    assert rank.where == ""
    assert "a parliamentary substitute has no rank (Q 16-2448)" in rank.why


def test_the_capacities_offered_follow_the_invitees_offices(reception):
    mayor, deputy = holder("mayor_of_paris", "A"), holder("deputy", "B")
    assert capacities_open_to(reception, mayor.pk) == [
        "represents", "interim", "adjoint_for_mayor"
    ]  # fmt: skip
    assert capacities_open_to(reception, deputy.pk) == ["represents", "interim", "substitute"]
    assert capacities_open_to(reception, GuestFactory().pk) == ["represents", "interim"]


def test_a_capacity_the_invitees_offices_do_not_allow_is_refused_and_nothing_written(
    reception,
):
    deputy = holder("deputy", "Jean Martin")
    (invitation,) = invite(reception, [deputy], by=None, transferable=True)
    with pytest.raises(RuleBroken) as refused:
        reply(
            invitation,
            answer=Answer.REPRESENTED,
            representative_name="Paul Roy",
            representative_capacity=Capacity.ADJOINT_FOR_MAYOR,
        )
    assert list(refused.value.message_dict) == ["representative_capacity"]
    assert Invitation.objects.get(pk=invitation.pk).state == "no_reply"
    assert not invitation.replies.exists()


def test_accepting_in_person_clears_the_representative(reception):
    mayor = holder("mayor_of_paris", "Anne Hidalgo")
    invitation = represented_by(reception, mayor, Capacity.ADJOINT_FOR_MAYOR, "adjoint_au_maire")
    answered = reply(invitation, answer=Answer.ACCEPT)
    assert (
        answered.representative_name,
        answered.representative_title,
        answered.representative_office,
        answered.representative_capacity,
    ) == ("", "", None, "")


def test_a_hidden_invitees_representative_and_rank_are_not_shown(reception, staff_member):
    mayor = holder("mayor_of_paris", "Anne Hidalgo")
    VisitFactory(confidentiality="confidential", principal=mayor)
    represented_by(reception, mayor, Capacity.ADJOINT_FOR_MAYOR, "adjoint_au_maire")
    with translation.override("en"):
        (row,) = representations(reception, staff_member)
    assert (row.name, row.representative_name, row.representative_title) == (
        "Confidential guest", "", ""
    )  # fmt: skip
    assert row.rank is None
    page = signed_in(staff_member).get(page_of(reception))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Paul Roy" not in text and "Mayor of Paris" not in text


def test_the_office_reads_the_rank_on_its_page_in_both_languages(reception, officer):
    mayor = holder("mayor_of_paris", "Anne Hidalgo")
    represented_by(reception, mayor, Capacity.ADJOINT_FOR_MAYOR, "adjoint_au_maire")
    english = signed_in(officer).get(page_of(reception)).content.decode()
    assert "Rank 22: Mayor of Paris (represented)" in english
    assert "an adjoint representing the mayor takes the mayor&#x27;s rank" in english
    french = signed_in(officer, "fr").get(page_of(reception)).content.decode()
    assert "Rang 22\u00a0: Maire de Paris (par représentation)" in french
    rule = "D art.\u00a014\u00a0: l’adjoint qui représente le maire prend le rang du maire"
    assert rule in french


def test_a_representative_named_by_their_listed_office_alone_is_shown_by_it(reception, officer):
    mayor = holder("mayor_of_paris", "Anne Hidalgo")
    (invitation,) = invite(reception, [mayor], by=None, transferable=True)
    reply(
        invitation,
        answer=Answer.REPRESENTED,
        representative_name="Paul Roy",
        representative_office=office("senator"),
    )
    page = signed_in(officer).get(page_of(reception))
    assert page.status_code == 200
    assert 'Paul Roy <span class="muted">(Senators)</span>' in page.content.decode()
