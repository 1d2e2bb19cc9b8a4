"""Honours in the admin follow the rules of `visits.services.honours`, as the API does: the
status only moves forward, a ceremony is an honorary citizenship one, a vote stays on record."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import EngagementFactory, GuestFactory, HonoraryCitizenshipFactory
from visits.models import HonoraryCitizenship

pytestmark = pytest.mark.django_db

FORWARD_ONLY = "An honour only moves forward: proposed, voted, conferred."


@pytest.fixture(autouse=True)
def in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def honour_form(honour, **changes):
    """The change form as the page posts it back (the honoree, read only now, is ignored)."""
    data = {
        "honoree": honour.honoree_id,
        "status": honour.status,
        "voted_on": honour.voted_on.isoformat() if honour.voted_on else "",
        "voted_on_precision": honour.voted_on_precision,
        "ceremony": honour.ceremony_id or "",
        "proxy_name": honour.proxy_name,
        "citation_fr": honour.citation_fr,
        "citation_en": honour.citation_en,
        "notes": honour.notes,
    }
    return data | changes


def change(client, honour, **changes):
    url = reverse("admin:visits_honorarycitizenship_change", args=[honour.pk])
    return client.post(url, honour_form(honour, **changes))


def test_conferred_honour_cannot_go_back_to_proposed_in_the_admin(officer_client):
    honour = HonoraryCitizenshipFactory(status="conferred")
    response = change(officer_client, honour, status="proposed", notes="moved back")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"status": [FORWARD_ONLY]}
    honour.refresh_from_db()
    assert (honour.status, honour.notes) == ("conferred", "")


def test_honour_status_offers_only_the_steps_ahead(officer_client):
    honour = HonoraryCitizenshipFactory(status="voted")
    url = reverse("admin:visits_honorarycitizenship_change", args=[honour.pk])
    form = officer_client.get(url).context["adminform"].form
    assert [value for value, _label in form.fields["status"].choices] == ["voted", "conferred"]


def test_a_lunch_cannot_be_an_honours_ceremony_in_the_admin(officer_client):
    honour = HonoraryCitizenshipFactory(status="voted")
    lunch = EngagementFactory(kind="lunch", title_en="Lunch")
    response = change(officer_client, honour, status="conferred", ceremony=lunch.pk)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "ceremony": ["Choose an honorary citizenship ceremony."]
    }
    honour.refresh_from_db()
    assert (honour.status, honour.ceremony) == ("voted", None)


def test_a_new_honour_with_a_lunch_as_ceremony_is_refused_in_the_admin(officer_client):
    guest, lunch = GuestFactory(), EngagementFactory(kind="lunch")
    data = {
        "honoree": guest.pk,
        "status": "conferred",
        "voted_on": "2019-06-14",
        "voted_on_precision": "day",
        "ceremony": lunch.pk,
    }
    response = officer_client.post(reverse("admin:visits_honorarycitizenship_add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "ceremony": ["Choose an honorary citizenship ceremony."]
    }
    assert not HonoraryCitizenship.objects.exists()


def test_the_ceremony_is_recorded_in_the_admin_through_the_service(officer_client):
    honour = HonoraryCitizenshipFactory(status="voted")
    ceremony = EngagementFactory(kind="honorary_citizenship")
    response = change(officer_client, honour, status="conferred", ceremony=ceremony.pk)
    assert response.status_code == 302
    honour.refresh_from_db()
    assert (honour.status, honour.ceremony, honour.voted_on) == (
        "conferred",
        ceremony,
        date(2019, 6, 14),
    )


def test_a_voted_honour_is_not_deleted_in_the_admin(officer_client):
    honour = HonoraryCitizenshipFactory(status="voted")
    response = officer_client.post(
        reverse("admin:visits_honorarycitizenship_delete", args=[honour.pk]),
        {"post": "yes"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse(
        "admin:visits_honorarycitizenship_change", args=[honour.pk]
    )
    assert [str(message) for message in response.context["messages"]] == [
        "A voted or conferred honour stays in the record: only a proposal can be withdrawn."
    ]
    assert HonoraryCitizenship.objects.filter(pk=honour.pk).exists()


def test_a_proposal_is_withdrawn_in_the_admin(officer_client):
    honour = HonoraryCitizenshipFactory(status="proposed", voted_on=None)
    response = officer_client.post(
        reverse("admin:visits_honorarycitizenship_delete", args=[honour.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not HonoraryCitizenship.objects.exists()
