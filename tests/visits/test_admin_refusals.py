"""A service's refusal of an admin save is a form error beside its field, never a server error,
and nothing of the page's save is kept."""

import pytest
from django.urls import reverse

from tests.factories import VisitFactory
from tests.visits.admin_forms import posted_back
from visits.models import Visit

pytestmark = pytest.mark.django_db


def test_a_visit_the_officer_would_no_longer_see_is_refused_beside_its_confidentiality(
    officer_client,
):
    visit = VisitFactory(occasion_en="Visit", lead_officer=None)
    url = reverse("admin:visits_visit_change", args=[visit.pk])
    data = posted_back(
        officer_client.get(url), confidentiality="confidential", occasion_en="Renamed"
    )
    response = officer_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "confidentiality": [
            "You could no longer see this visit: make yourself its lead officer, "
            "or ask an officer cleared for confidential visits."
        ]
    }
    visit = Visit.objects.get(pk=visit.pk)
    assert (visit.confidentiality, visit.occasion_en, visit.history.count()) == (
        "public",
        "Visit",
        1,
    )


def test_the_refused_page_can_be_corrected_and_saved(officer_client, officer):
    visit = VisitFactory(occasion_en="Visit", lead_officer=None)
    url = reverse("admin:visits_visit_change", args=[visit.pk])
    data = posted_back(officer_client.get(url), confidentiality="confidential")
    refused = officer_client.post(url, data)
    corrected = posted_back(refused, lead_officer=str(officer.pk))
    assert officer_client.post(url, corrected).status_code == 302
    visit = Visit.objects.get(pk=visit.pk)
    assert (visit.confidentiality, visit.lead_officer) == ("confidential", officer)
