"""Fixtures of the staff pages' tests."""

import pytest
from django.urls import reverse

from tests.factories import HostFactory, VenueFactory
from tests.visits.staff_pages import TUESDAY, agenda_url, engagement, signed_in, utc, visit_of


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
