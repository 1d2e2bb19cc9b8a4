"""Fixtures of the staff pages' tests and of the leak properties."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.conftest import user_in
from tests.factories import HostFactory, UserFactory, VenueFactory
from tests.visits.leak_world import Viewer, World
from tests.visits.staff_pages import TUESDAY, agenda_url, engagement, signed_in, utc, visit_of
from visits.roles import PROTOCOL_OFFICE


@pytest.fixture
def staff_client(staff_member):
    return signed_in(staff_member)


@pytest.fixture
def cleared_client(cleared_officer):
    return signed_in(cleared_officer)


@pytest.fixture(params=["agenda", "run_sheet"])
def staff_page(request):
    if request.param == "agenda":
        return agenda_url()
    return reverse("staff:run_sheet", args=[visit_of("Roberto Gualtieri").reference])


@pytest.fixture
def secret_talks():
    secret = visit_of("Ms Secret", confidentiality="confidential")
    return engagement(
        secret,
        utc(TUESDAY, 12),
        hosts=[HostFactory(name="Anne Hidalgo")],
        venue=VenueFactory(name="Salon Jaune"),
        title_fr="Entretien secret",
        title_en="Secret talks",
        notes="Side door",
    )


@pytest.fixture
def world(staff_member, officer, cleared_officer):
    lead = user_in(PROTOCOL_OFFICE, "lead")
    gone = user_in(PROTOCOL_OFFICE, "gone", "view_confidential_visits")
    gone.is_active = False
    gone.save()
    viewers = [
        Viewer("anonymous", AnonymousUser()),
        Viewer("staff", staff_member, staff=True),
        Viewer("officer", officer, staff=True),
        Viewer("lead", lead, staff=True, leads=True),
        Viewer("cleared", cleared_officer, staff=True, cleared=True),
        # Every right, but the account is switched off: sees nothing.
        Viewer("inactive", gone, staff=True, cleared=True, active=False),
        # Signed in, active, in no group: what the public sees, nothing more (issue 14).
        Viewer("nogroup", UserFactory(username="nogroup")),
    ]
    clients = {}
    for viewer in viewers:
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        if viewer.user.is_authenticated:
            client.force_login(viewer.user)
        clients[viewer.name] = client
    today = timezone.localdate()
    return World(
        viewers=viewers,
        clients=clients,
        lead=lead,
        venue=VenueFactory(name="Salon Commun"),
        mayor=HostFactory(name="Maire Commune"),
        monday=today + timedelta(days=21 - today.weekday()),
    )
