"""A record's history reads as sentences in the reader's language: labels instead of codes,
full names, a translated heading; a past version is shown read only and says so."""

import re

import pytest
from django.urls import reverse

from tests.factories import GuestFactory, HostFactory, VenueFactory
from tests.visits.test_engagement_services import DAY, at, book
from visits import services
from visits.models.choices import DelegationRole

pytestmark = pytest.mark.django_db

LONG_ROOM = "Salon des Tapisseries et des Arcades du premier étage"


@pytest.fixture
def visit(officer):
    visit = services.create_visit(
        by=officer,
        delegation=[(GuestFactory(name="Roberto Gualtieri"), DelegationRole.PRINCIPAL)],
        hosts=[HostFactory(name="Anne Hidalgo")],
        kind="official_visit",
        occasion_fr="Visite du maire de Rome",
        occasion_en="Visit of the Mayor of Rome",
        starts_on=DAY,
    )
    services.move_visit(visit, "under_review", by=officer)
    services.move_visit(visit, "approved", by=officer)
    return services.update_visit(visit, by=officer, confidentiality="public")


def history(client, model, record, language):
    url = reverse(f"admin:visits_{model}_history", args=[record.pk])
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language).text


def changes(page: str) -> list[str]:
    lines = re.findall(r'<ul class="history-changes">(.*?)</ul>', page, re.S)
    return [
        re.sub(r"[ \n]+", " ", item.strip())  # (keeps the no-break spaces)
        for block in lines
        for item in re.findall(r"<li>(.*?)</li>", block, re.S)
    ]


def test_visit_history_reads_as_sentences_in_french(officer_client, visit):
    page = history(officer_client, "visit", visit, "fr")
    assert changes(page)[:3] == [
        "Confidentialité\u00a0: Restreinte (personnel de l&#x27;Hôtel de Ville) → Publique",
        "Statut\u00a0: À l&#x27;étude → Approuvée",
        "Statut\u00a0: Demandée → À l&#x27;étude",
    ]
    assert "<h1>Historique de V-" in page
    assert "› Historique" in " ".join(page.split()).replace("&rsaquo;", "›")


def test_visit_history_reads_as_sentences_in_english(officer_client, visit):
    page = history(officer_client, "visit", visit, "en")
    assert changes(page)[:2] == [
        "Confidentiality: Restricted (City Hall staff) → Public",
        "Status: Under review → Approved",
    ]
    assert "<h1>History of V-" in page


def test_history_writes_names_in_full(officer_client, officer, visit):
    engagement = book(visit, officer, at(10), at(11), venue=VenueFactory(name="Salon 1"))
    services.update_engagement(engagement, by=officer, venue=VenueFactory(name=LONG_ROOM))
    page = history(officer_client, "engagement", engagement, "en")
    assert f"Venue: Salon 1 → {LONG_ROOM}" in changes(page)
    assert "chars]" not in page


def test_history_names_who_changed_and_the_system(officer_client, officer, visit):
    engagement = book(visit, officer, at(10), at(11), venue=VenueFactory())
    engagement.history.update(history_user=None)  # as the daily "held" run writes it
    services.update_engagement(engagement, by=officer, notes="Flags")
    page = history(officer_client, "engagement", engagement, "en")
    who = re.findall(r"</th>\s*<td>\s*(.*?)\s*</td>", page, re.S)
    assert [re.sub(r"<[^>]+>", "", name).strip() for name in who] == ["officer", "the system"]


def snapshot_url(record):
    model = type(record)._meta.model_name
    version = record.history.earliest().history_id
    return reverse(f"admin:visits_{model}_simple_history", args=[record.pk, version])


def test_a_past_version_is_read_only_and_says_so(officer_client, visit):
    page = officer_client.get(snapshot_url(visit), HTTP_ACCEPT_LANGUAGE="en").text
    assert "A past version, read only." in page
    assert "<h1>V-" in page and ", a past version</h1>" in page
    form = page[page.index('<div id="content-main">') :]
    assert re.findall(r"<(?:input|select|textarea)\b(?![^>]*type=\"hidden\")", form) == []
    assert 'type="submit"' not in form
    assert "Back to the history" in page
    assert "Requested" in page  # the status as it was, not as it is (approved)


def test_a_past_version_is_said_in_french(officer_client, visit):
    page = officer_client.get(snapshot_url(visit), HTTP_ACCEPT_LANGUAGE="fr").text
    assert "Version passée, en lecture seule." in page
    assert "Retour à l’historique" in page


def test_a_past_version_posted_to_changes_nothing(officer_client, visit):
    response = officer_client.post(snapshot_url(visit), {"occasion_en": "Replayed"})
    assert response.status_code == 403
    visit.refresh_from_db()
    assert visit.occasion_en == "Visit of the Mayor of Rome"
