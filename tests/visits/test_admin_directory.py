"""Guests, rooms and hosts edited in the admin are written by `visits.services.directory`, as
the API writes them: what calendars show of one moves the sequence of the engagements showing
it, and only of those still in feeds."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HostFactory,
    UserFactory,
    VenueFactory,
    VisitFactory,
)
from tests.visits.admin_forms import posted_back
from tests.visits.test_engagement_services import DAY, at, book
from visits import services
from visits.models import Engagement, Host, Venue
from visits.services.errors import RuleBroken

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def change(client, record, **changes):
    url = reverse(f"admin:visits_{record._meta.model_name}_change", args=[record.pk])
    return client.post(url, posted_back(client.get(url), **changes))


@pytest.fixture
def programme(officer):
    """A live engagement and one cancelled long ago, both showing the same guest, room and host."""
    guest, venue, host = GuestFactory(name="Roberto Gualtieri"), VenueFactory(), HostFactory()
    visit = VisitFactory(starts_on=DAY, principal=guest)
    live = book(visit, officer, at(10), at(11), venue=venue, hosts=[host])
    gone = services.cancel_engagement(
        book(visit, officer, at(14), at(15), venue=venue, hosts=[host]), by=officer
    )
    Engagement.objects.filter(pk=gone.pk).update(updated_at=timezone.now() - timedelta(days=40))
    return {"guest": guest, "venue": venue, "host": host, "live": live, "gone": gone}


def sequences(programme) -> tuple:
    return tuple(
        Engagement.objects.get(pk=programme[name].pk).sequence for name in ("live", "gone")
    )


@pytest.mark.parametrize(
    "record, shown",
    [
        ("guest", {"name": "Roberto Gualtieri (Rome)"}),
        ("guest", {"title_en": "Mayor of Roma Capitale"}),
        ("venue", {"name": "Salon des Arcades"}),
        ("venue", {"building": "Hôtel de Lauzun"}),
        ("host", {"office_en": "First Deputy Mayor"}),
        ("host", {"precedence": "2"}),
    ],
)
def test_what_calendars_show_changed_in_the_admin_moves_the_live_engagements_sequence(
    officer_client, programme, record, shown
):
    before = sequences(programme)
    response = change(officer_client, programme[record], **shown)
    assert response.status_code == 302
    assert sequences(programme) == (before[0] + 1, before[1])  # not what left the feeds


@pytest.mark.parametrize("record", ["guest", "venue", "host"])
def test_notes_changed_in_the_admin_leave_calendars_alone(officer_client, programme, record):
    field = "email" if record == "host" else "notes"
    value = "cabinet@paris.fr" if record == "host" else "Side entrance"
    before = sequences(programme)
    assert change(officer_client, programme[record], **{field: value}).status_code == 302
    assert sequences(programme) == before
    assert getattr(type(programme[record]).objects.get(pk=programme[record].pk), field) == value


def test_the_admin_and_the_api_move_the_sequence_alike(officer_client, officer, programme):
    """The same rename, once through the admin and once through the service the API calls."""
    change(officer_client, programme["venue"], name="Salle des Fêtes")
    twin = VisitFactory(starts_on=DAY)
    other = book(twin, officer, at(16), at(17), venue=VenueFactory(name="Salon Bleu"))
    services.update_record(other.venue, by=officer, name="Salle Bleue")
    other.refresh_from_db()
    assert Engagement.objects.get(pk=programme["live"].pk).sequence == other.sequence == 1


def test_a_hosts_account_is_set_in_the_admin(officer_client):
    host, account = HostFactory(), UserFactory(username="mayor")
    assert change(officer_client, host, user=str(account.pk)).status_code == 302
    assert Host.objects.get(pk=host.pk).user == account


def test_a_room_is_added_in_the_admin_through_the_service(officer_client):
    response = officer_client.post(
        reverse("admin:visits_venue_add"),
        {"name": "Salon Bertrand", "building": "Hôtel de Ville", "turnover_minutes": "15"}
        | {"gender": "m"},
    )
    assert response.status_code == 302
    assert Venue.objects.values_list("name", "turnover_minutes", "gender").get() == (
        "Salon Bertrand",
        15,
        "m",
    )


def test_an_unused_room_is_deleted_in_the_admin_through_the_service(officer_client):
    venue = VenueFactory()
    response = officer_client.post(
        reverse("admin:visits_venue_delete", args=[venue.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Venue.objects.exists()


def test_a_host_who_has_received_is_kept_with_the_models_reason():
    host = HostFactory()
    EngagementFactory().hosts.add(host)
    with pytest.raises(RuleBroken) as refused:
        services.delete_record(host, by=None)
    assert refused.value.messages == [
        "A host who has received cannot be deleted; mark them as no longer in office."
    ]
    assert Host.objects.filter(pk=host.pk).exists()
