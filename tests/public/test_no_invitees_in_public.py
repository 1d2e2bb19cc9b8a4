"""Invitations stay inside (issue 17): a guest's public page, the list of distinguished guests,
its open data, the public API and the public calendar name the guests received, never those
invited to their engagements, their addresses, needs or representatives; not even when the
guest received is themselves an invitee."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import EngagementFactory, GuestFactory
from tests.public.test_guests_page import data_url, received, url
from visits.models import AddressCard
from visits.models.invitations import Answer
from visits.services.invitations import invite, reply

pytestmark = pytest.mark.django_db

# Everything an invitation knows that the public must not read.
PRIVATE = (
    "Inès Invitée",
    "ines@example.fr",
    "12 rue des Invités",
    "Sans gluten",
    "Fauteuil roulant",
    "Paul Représentant",
    "Premier adjoint",
)


def invitations_to(engagement, received_guest) -> None:
    """Ines invited with her card and needs; the received guest invited too, represented."""
    ines = GuestFactory(name="Inès Invitée")
    AddressCard.objects.create(
        guest=ines, email="ines@example.fr", postal_address="12 rue des Invités"
    )
    ines_invited, own = invite(engagement, [ines, received_guest], by=None, transferable=True)
    before = engagement.starts_at - timedelta(days=1)  # replies came before it
    reply(
        ines_invited,
        answer=Answer.ACCEPT,
        dietary_needs="Sans gluten",
        accessibility_needs="Fauteuil roulant",
        now=before,
    )
    reply(
        own,
        answer=Answer.REPRESENTED,
        representative_name="Paul Représentant",
        representative_title="Premier adjoint",
        now=before,
    )


def public_reads(client, guest) -> dict[str, str]:
    reads = {}
    for language in ("en", "fr"):
        with translation.override(language):
            reads[f"guest page ({language})"] = reverse("public:guest", args=[guest.pk, guest.slug])
        reads[f"list ({language})"] = url(language)
    reads["open data (csv)"] = data_url("csv")
    reads["open data (json)"] = data_url("json")
    reads["public API"] = reverse("api:distinguished_guests")
    return {name: client.get(path).content.decode("utf-8-sig") for name, path in reads.items()}


def test_a_received_guests_public_pages_never_show_the_invitees(client):
    visit = received("Roberto Gualtieri")
    guest = visit.guests.get()
    invitations_to(EngagementFactory(visit=visit), guest)
    for name, text in public_reads(client, guest).items():
        assert "Roberto Gualtieri" in text, name  # the page is the guest's: it can fail
        for private in PRIVATE:
            assert private not in text, f"{private} in {name}"


def test_the_public_calendar_never_shows_the_invitees(client):
    visit = received(
        "Roberto Gualtieri", on=timezone.localdate() + timedelta(days=5), status="confirmed"
    )
    engagement = EngagementFactory(visit=visit, status="confirmed")
    invitations_to(engagement, visit.guests.get())
    for language in ("en", "fr"):
        text = client.get(f"/calendars/public.ics?lang={language}").content.decode()
        text = text.replace("\r\n ", "")
        assert "Roberto Gualtieri" in text  # the engagement is in the feed
        for private in PRIVATE:
            assert private not in text, f"{private} in public.ics ({language})"
