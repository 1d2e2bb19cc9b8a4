"""One-line fields hold no line break and no control character, and texts no control character
but line breaks and tabs: the model says so, so the API, the admin and the demo import agree.
(The admin's form errors are in test_bad_admin_input.py.)"""

import csv
import shutil

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import translation
from simple_history.models import HistoricalChanges

from tests.factories import EngagementFactory, GuestFactory, HostFactory
from visits.demo import reference_data
from visits.demo.seed import seed_demo
from visits.models import ApiToken, Engagement, Guest, Host, Venue, Visit
from visits.models.text import validate_one_line, validate_text

LINE_BREAK = "Write this on one line: a line break is not allowed here."
TAB = "A tab is not allowed here: use a space."


def control(code_point: str) -> str:
    return f"This text holds an invisible control character ({code_point}): remove it."


def fields_of_the_models():
    """Every field of the visits app's models, but the history's copies (written by the
    history alone, from the rows checked here)."""
    for model in apps.get_app_config("visits").get_models():
        if issubclass(model, HistoricalChanges):
            continue
        for field in model._meta.get_fields():
            if field.concrete and not field.is_relation:
                yield model, field


def test_every_one_line_field_of_every_model_refuses_control_characters():
    one_line = [
        (model, field)
        for model, field in fields_of_the_models()
        if isinstance(field, models.CharField) and not field.choices  # choices refuse the rest
    ]
    assert len(one_line) > 30  # the walk found the fields
    missing = [
        f"{model.__name__}.{field.name}"
        for model, field in one_line
        if validate_one_line not in field.validators
    ]
    assert missing == []


def test_every_text_field_of_every_model_refuses_control_characters_but_line_breaks():
    texts = [
        (model, field)
        for model, field in fields_of_the_models()
        if isinstance(field, models.TextField)
    ]
    assert len(texts) >= 6
    missing = [
        f"{model.__name__}.{field.name}"
        for model, field in texts
        if validate_text not in field.validators
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Séance\r\nBcc: x@example.org", LINE_BREAK),
        ("Séance\n", LINE_BREAK),
        ("Séance\u2028suite", LINE_BREAK),
        ("Séance\x85suite", LINE_BREAK),
        ("Séance\tsuite", TAB),
        ("Séance\x00", control("U+0000")),
        ("Séance\x1b[31m", control("U+001B")),
        ("Séance\x7f", control("U+007F")),
    ],
)
def test_a_one_line_value_with_a_line_break_or_a_control_character_is_refused(value, message):
    with pytest.raises(ValidationError) as refused:
        validate_one_line(value)
    assert refused.value.messages == [message]


@pytest.mark.parametrize(
    "value",
    [
        "Salle des Fêtes",
        "Son Altesse Royale\u00a0Felipe VI",  # no-break space
        "لجين الهذلول\u200f",  # right-to-left mark
        "Prix 2027 – « Mécénat » ✓",
        "",
    ],
)
def test_a_one_line_value_of_printable_text_is_accepted(value):
    validate_one_line(value)


def test_a_text_keeps_line_breaks_and_tabs_but_refuses_other_control_characters():
    validate_text("Première ligne\r\nSeconde ligne\n\tretrait")
    for value, code_point in [("a\x00b", "U+0000"), ("a\x0bb", "U+000B"), ("a\x9bb", "U+009B")]:
        with pytest.raises(ValidationError) as refused:
            validate_text(value)
        assert refused.value.messages == [control(code_point)]


FRENCH = {
    "a\nb": "Écrivez ce texte sur une seule ligne\u00a0: le saut de ligne n’y est pas admis.",
    "a\tb": "La tabulation n’est pas admise ici\u00a0: mettez une espace.",
    "a\x07b": "Ce texte contient un caractère de contrôle invisible (U+0007)\u00a0: supprimez-le.",
}


@pytest.mark.parametrize("value", FRENCH)
def test_the_refusals_read_in_french(value):
    with translation.override("fr"):
        with pytest.raises(ValidationError) as refused:
            validate_one_line(value)
        assert refused.value.messages == [FRENCH[value]]


@pytest.mark.django_db
def test_full_clean_names_the_field_that_holds_a_line_break():
    engagement = EngagementFactory()
    engagement.title_fr = "Séance\r\nBcc: x@example.org"
    engagement.notes = "Deux\nlignes"  # a text may
    with pytest.raises(ValidationError) as refused:
        engagement.full_clean()
    assert refused.value.message_dict == {"title_fr": [LINE_BREAK]}


# The API: 400 naming the field, nothing written.


@pytest.fixture
def api(client, officer):
    _token, raw = ApiToken.issue(officer, "tests")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def send(api, method, url, body):
    return getattr(api, method)(url, body, content_type="application/json", HTTP_IF_MATCH="*")


def refusal(response) -> dict:
    assert response.status_code == 400, response.content
    return response.json()["fields"]


@pytest.mark.django_db
def test_api_refuses_a_visit_whose_occasion_breaks_the_line(api):
    body = {
        "kind": "official_visit",
        "occasion_fr": "Séance\r\nBcc: x@example.org",
        "occasion_en": "Session",
        "starts_on": "2027-07-06",
        "delegation": [{"guest": GuestFactory().pk, "role": "principal"}],
    }
    response = send(api, "post", reverse("api:create_visit"), body)
    assert refusal(response) == {"occasion_fr": [LINE_BREAK]}
    assert not Visit.objects.exists()


@pytest.mark.django_db
def test_api_refuses_a_visit_change_with_a_control_character_in_its_notes(api, officer):
    # (NUL itself is refused as the body is read: PostgreSQL cannot store it.)
    engagement = EngagementFactory(visit__lead_officer=officer, visit__notes="Kept")
    url = reverse("api:change_visit", args=[engagement.visit.reference])
    response = send(api, "patch", url, {"notes": "Kept\n\x07"})
    assert refusal(response) == {"notes": [control("U+0007")]}
    assert Visit.objects.get(pk=engagement.visit_id).notes == "Kept"


@pytest.mark.django_db
def test_api_refuses_an_engagement_whose_title_breaks_the_line(api, officer):
    existing = EngagementFactory(visit__lead_officer=officer)
    visit = existing.visit
    body = {
        "visit": visit.reference,
        "kind": "reception",
        "title_fr": "Séance\r\nBcc: x@example.org",
        "title_en": "Session",
        "starts_at": existing.ends_at.isoformat(),
        "ends_at": (existing.ends_at + (existing.ends_at - existing.starts_at)).isoformat(),
        "location": "Parvis",
    }
    response = send(api, "post", reverse("api:create_engagement"), body)
    assert refusal(response) == {"title_fr": [LINE_BREAK]}
    assert list(Engagement.objects.values_list("pk", flat=True)) == [existing.pk]


@pytest.mark.django_db
def test_api_refuses_an_engagement_change_with_a_tab_in_its_title(api, officer):
    engagement = EngagementFactory(visit__lead_officer=officer, title_en="Reception")
    url = reverse("api:change_engagement", args=[engagement.uid])
    response = send(api, "patch", url, {"title_en": "Reception\tand lunch"})
    assert refusal(response) == {"title_en": [TAB]}
    kept = Engagement.objects.get(pk=engagement.pk)
    assert (kept.title_en, kept.sequence) == ("Reception", engagement.sequence)


@pytest.mark.django_db
def test_api_refuses_a_guest_whose_name_holds_an_escape_character(api):
    body = {"name": "Roberto\x1b[2JGualtieri", "category": "mayor", "country": "IT"}
    response = send(api, "post", reverse("api:create_guest"), body)
    assert refusal(response) == {"name": [control("U+001B")]}
    assert not Guest.objects.exists()


@pytest.mark.django_db
def test_api_refuses_a_host_change_whose_office_breaks_the_line(api):
    host = HostFactory(office_en="Mayor of Paris")
    url = reverse("api:change_host", args=[host.pk])
    response = send(api, "patch", url, {"office_en": "Mayor\nof Paris"})
    assert refusal(response) == {"office_en": [LINE_BREAK]}
    assert Host.objects.get(pk=host.pk).office_en == "Mayor of Paris"


@pytest.mark.django_db
def test_api_refuses_a_venue_whose_name_breaks_the_line(api):
    response = send(api, "post", reverse("api:create_venue"), {"name": "Salon\r\ndes Arcades"})
    assert refusal(response) == {"name": [LINE_BREAK]}
    assert not Venue.objects.exists()


# The demo import.


@pytest.fixture
def fixtures_with(tmp_path, monkeypatch):
    """The demo's fixtures, copied, with one cell changed."""

    def change(name, column, value):
        folder = tmp_path / "demo"
        shutil.copytree(reference_data.FIXTURES, folder)
        with open(folder / name, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        rows[0][column] = value
        with open(folder / name, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        monkeypatch.setattr(reference_data, "FIXTURES", folder)

    return change


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "column", "fields"),
    [
        ("hosts.csv", "office_en", ["office_en"]),
        ("venues.csv", "name", ["name"]),
        ("distinguished_guests.csv", "occasion_fr", ["occasion_fr"]),
        # a guest's sort name is their name until one is given
        ("distinguished_guests.csv", "guest", ["name", "sort_name"]),
        ("honorary_citizens.csv", "honoree", ["name", "sort_name"]),
    ],
)
def test_the_demo_import_refuses_a_line_break_naming_the_field_and_writes_nothing(
    fixtures_with, name, column, fields
):
    fixtures_with(name, column, "Salle\r\nBcc: x@example.org")
    with pytest.raises(ValidationError) as refused:
        seed_demo(admin_password="x")
    assert refused.value.message_dict == {field: [LINE_BREAK] for field in fields}
    assert (Host.objects.count(), Visit.objects.count(), Guest.objects.count()) == (0, 0, 0)
