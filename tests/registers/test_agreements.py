"""Agreements with partner cities (issue 18): written through visits.services.agreements with
their texts (PDFs that run nothing) and the actions under them, reminders before the renewal
date planned again when it moves, the public page with its map, a page per agreement with the
actions and visits exchanged, open data, the texts served to those who may read them; the
history of a suspended agreement kept."""

import csv
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tests.conftest import user_in
from tests.factories import VisitFactory
from tests.public.test_guests_page import received
from tests.registers.images import pdf_bytes, pdf_with_hidden_script
from visits.models import Agreement, AgreementAction, Reminder, ReminderKind
from visits.roles import PROTOCOL_OFFICE
from visits.services.agreements import (
    add_action,
    add_text,
    change_action,
    create_agreement,
    remove_action,
    update_agreement,
)
from visits.services.errors import RuleBroken
from visits.services.messages import compose
from visits.views.action_dates import when_it_runs

pytestmark = pytest.mark.django_db

ROME = {
    "partner_city_fr": "Rome",
    "partner_city_en": "Rome",
    "country": "IT",
    "latitude": Decimal("41.9028"),
    "longitude": Decimal("12.4964"),
    "kind": "twinning",
    "signed_on": date(1956, 1, 30),
    "signed_at": "Paris",
    "signatories_text": "Jacques Féron, Salvatore Rebecchini",
    "source": "Le Monde, 1 February 1956",
    "published": True,
}


def agreement(**fields) -> Agreement:
    return create_agreement(by=None, **(ROME | fields))


def page(name="public:partner_cities", *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def test_reminders_go_to_the_office_before_the_renewal_and_move_with_it(officer):
    other = user_in(PROTOCOL_OFFICE, "second")
    renewal = date(2031, 6, 30)
    made = agreement(kind="cooperation_agreement", renewal_on=renewal, term_years=5)
    rows = Reminder.objects.filter(kind=ReminderKind.RENEWAL).order_by("recipient_id")
    assert [(r.recipient, r.due_at) for r in rows] == [
        (user, datetime(2031, 4, 1, 7, 0, tzinfo=UTC)) for user in (officer, other)
    ]  # 90 days before, at nine in Paris (summer time)
    message = compose(rows[0])
    # In the office member's language: French unless they chose English.
    assert (
        message.subject == "À renouveler avant le 30 juin 2031\u00a0: Rome (Accord de coopération)"
    )
    assert f"/admin/visits/agreement/{made.pk}/change/" in message.body
    moved = update_agreement(made, by=officer, renewal_on=date(2032, 6, 30))
    assert compose(Reminder(kind=ReminderKind.RENEWAL, recipient=officer, details={
        "agreement": moved.pk, "renewal_on": renewal.isoformat()})) is None  # fmt: skip
    assert {r.details["renewal_on"] for r in rows.all()} == {"2032-06-30"}
    update_agreement(moved, by=officer, status="suspended")
    assert not rows.all().exists()


def test_a_suspended_agreement_keeps_its_history(officer):
    made = agreement(kind="friendship_pact", partner_city_en="Moscow", partner_city_fr="Moscou")
    update_agreement(made, by=officer, status="suspended")
    statuses = list(made.history.order_by("history_date").values_list("status", flat=True))
    assert statuses == ["in_force", "suspended"]


def test_a_bad_agreement_is_refused_naming_its_field(officer):
    with pytest.raises(RuleBroken) as refused:
        create_agreement(by=officer, **(ROME | {"kind": "alliance"}))
    assert list(refused.value.message_dict) == ["kind"]
    assert not Agreement.objects.exists()


def test_the_partner_cities_page_draws_the_cities_in_force_and_lists_the_others(client):
    rome = agreement()
    agreement(partner_city_en="Rabat", partner_city_fr="Rabat", country="MA",
              latitude=Decimal("34.0209"), longitude=Decimal("-6.8416"), kind="friendship_pact",
              signed_on=date(2004, 1, 1), signed_on_precision="year", status="expired")  # fmt: skip
    agreement(partner_city_en="Hidden", partner_city_fr="Cachée", published=False)
    english = client.get(page()).content.decode()
    assert english.count("<circle") == 1  # Rome: the only one in force and published
    assert f'<a href="{rome.public_path}" aria-label="Rome">' in english
    assert "30 January 1956" in english and "Rabat" in english and "2004" in english
    assert "Hidden" not in english
    french = client.get(page(language="fr")).content.decode()
    assert page(language="fr") == "/fr/villes-partenaires/"
    assert "Jumelage" in french and "30 janvier 1956" in french


def test_an_agreement_s_page_lists_the_visits_exchanged_the_public_may_see(client):
    public = received("Roberto Gualtieri", on=date(2026, 1, 30))
    secret = VisitFactory(confidentiality="confidential", starts_on=date(2025, 5, 2))
    rome = create_agreement(by=None, visits=[public, secret], **ROME)
    text = client.get(rome.public_path).content.decode()
    assert "Paris and Rome" in text and "Roberto Gualtieri" in text and "30 January 2026" in text
    assert secret.reference not in text and "2 May 2025" not in text
    with translation.override("en"):
        wrong = reverse("public:partner", args=[rome.pk, "paris"])
    assert client.get(wrong)["Location"] == rome.public_path
    hidden = agreement(published=False)
    assert client.get(hidden.public_path).status_code == 404


def test_the_partner_cities_as_open_data(client):
    agreement(signed_on=date(1982, 1, 1), signed_on_precision="year", kind="friendship_pact",
              partner_city_en="Tokyo", partner_city_fr="Tokyo", country="JP")  # fmt: skip
    response = client.get(page("public:partners_data", "csv"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["partner_city_en"], r["signed_on"], r["kind"]) for r in rows] == [
        ("Tokyo", "1982", "friendship_pact")
    ]
    data = client.get(page("public:partners_data", "json")).json()
    assert data["license"]["id"] == "etalab-2.0"
    assert data["agreements"][0]["latitude"] == 41.9028


@pytest.mark.parametrize("count", [1, 3])
def test_the_page_reads_in_the_same_number_of_queries_for_1_and_3(
    client, django_assert_num_queries, count
):
    for n in range(count):
        agreement(partner_city_en=f"City {n}", signed_on=date(1990 + n, 1, 1))
    # The public state (the page's key); the agreements, their texts and signatories.
    with django_assert_num_queries(5):
        client.get(page())


def test_a_text_is_a_pdf_that_runs_nothing_and_goes_to_those_who_may_read_it(
    client, staff_member, officer
):
    rome = agreement()
    text = add_text(
        rome, by=officer, language="it", upload=SimpleUploadedFile("a.pdf", pdf_bytes())
    )
    response = client.get(reverse("agreement_text", args=[text.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="rome-it.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    with translation.override("en"):
        rome_page = rome.public_path
    assert "The text in “it” (PDF)" in client.get(rome_page).content.decode()
    for bad in (pdf_with_hidden_script(), pdf_bytes(b"<< /S /Launch /F (calc.exe) >>"), b"MZ"):
        with pytest.raises(RuleBroken) as refused:
            add_text(rome, by=officer, language="fr", upload=SimpleUploadedFile("b.pdf", bad))
        assert list(refused.value.message_dict) == ["document"]
    update_agreement(rome, by=officer, published=False)
    assert client.get(reverse("agreement_text", args=[text.pk])).status_code == 404
    client.force_login(staff_member)
    assert client.get(reverse("agreement_text", args=[text.pk])).status_code == 200


def test_reminders_are_planned_only_for_an_agreement_in_force_with_a_date_to_come(officer):
    agreement(renewal_on=date(2020, 1, 1))  # passed
    agreement(renewal_on=date(2031, 1, 1), status="expired")
    agreement()  # no date
    assert not Reminder.objects.filter(kind=ReminderKind.RENEWAL).exists()
    soon = agreement(renewal_on=date.today() + timedelta(days=10))
    (row,) = Reminder.objects.filter(kind=ReminderKind.RENEWAL, details__agreement=soon.pk)
    assert row.due_at <= datetime.now(UTC)  # the notice period has begun: at once


def test_the_office_records_an_agreement_and_its_text_in_the_admin(officer):
    from tests.visits.staff_pages import signed_in

    office = signed_in(officer)
    form = {
        "partner_city_fr": "Kyiv", "partner_city_en": "Kyiv", "country": "UA",
        "latitude": "50.4501", "longitude": "30.5234", "kind": "friendship_pact",
        "signed_on": "2022-04-14", "signed_on_precision": "day", "signed_at": "Kyiv",
        "signatories_text": "Anne Hidalgo, Vitali Klitschko", "status": "in_force",
        "source": "Europe 1, 14 April 2022", "published": "on",
        "texts-TOTAL_FORMS": "1", "texts-INITIAL_FORMS": "0",
        "texts-MIN_NUM_FORMS": "0", "texts-MAX_NUM_FORMS": "1000", "texts-0-language": "uk",
        **ACTIONS_FORM, "actions-TOTAL_FORMS": "1", "actions-0-theme": "culture",
        "actions-0-title_fr": "Nuit Blanche à Kyiv", "actions-0-title_en": "Nuit Blanche in Kyiv",
        "actions-0-started_on": "2023-10-07", "actions-0-started_on_precision": "day",
    }  # fmt: skip
    url = reverse("admin:visits_agreement_add")
    script = SimpleUploadedFile("pact.pdf", pdf_with_hidden_script(), "application/pdf")
    refused = office.post(url, {**form, "texts-0-document": script})
    assert refused.status_code == 200
    assert "This PDF holds a script" in refused.content.decode()
    assert not Agreement.objects.exists()
    text = SimpleUploadedFile("pact.pdf", pdf_bytes(), "application/pdf")
    added = office.post(url, {**form, "texts-0-document": text})
    assert added.status_code == 302, added.content.decode()[:2000]
    kyiv = Agreement.objects.get()
    assert [t.language for t in kyiv.texts.all()] == ["uk"]
    assert [a.title_en for a in kyiv.actions.all()] == ["Nuit Blanche in Kyiv"]
    action = kyiv.actions.get()
    change = reverse("admin:visits_agreement_change", args=[kyiv.pk])
    edited = {
        **form, "texts-TOTAL_FORMS": "0", "actions-INITIAL_FORMS": "1",
        "actions-0-id": str(action.pk), "actions-0-agreement": str(kyiv.pk),
        "actions-0-ended_on": "2023-10-01",
    }  # fmt: skip
    backwards = office.post(change, edited)
    assert "An action cannot end before it starts." in backwards.content.decode()
    assert office.post(change, {**edited, "actions-0-ended_on": "2023-10-08"}).status_code == 302
    assert kyiv.actions.get().ended_on == date(2023, 10, 8)
    assert kyiv.actions.get().history.count() == 2  # added, then changed


ACTIONS_FORM = {
    "actions-TOTAL_FORMS": "0",
    "actions-INITIAL_FORMS": "0",
    "actions-MIN_NUM_FORMS": "0",
    "actions-MAX_NUM_FORMS": "1000",
}
LIGHTS = {
    "theme": "culture",
    "title_fr": "Échange de lumières pour Nuit Blanche",
    "title_en": "Lights exchanged for Nuit Blanche",
    "description_fr": "Des artistes romains à Paris, des artistes parisiens à Rome.",
    "description_en": "Artists from Rome in Paris, artists from Paris in Rome.",
    "started_on": date(2019, 3, 1),
    "started_on_precision": "month",
    "published": True,
}


def test_an_action_is_written_under_its_agreement_and_refused_naming_its_field(officer):
    rome = agreement()
    action = add_action(rome, by=officer, **LIGHTS)
    assert list(rome.actions.all()) == [action]
    with pytest.raises(RuleBroken) as backwards:
        change_action(action, by=officer, ended_on=date(2018, 1, 1))
    assert list(backwards.value.message_dict) == ["ended_on"]
    with pytest.raises(RuleBroken) as untitled:
        add_action(rome, by=officer, **(LIGHTS | {"title_en": ""}))
    assert list(untitled.value.message_dict) == ["title_en"]
    assert rome.actions.count() == 1
    staff = user_in("Staff", "reader")
    with pytest.raises(PermissionDenied):
        add_action(rome, by=staff, **LIGHTS)
    kept = action.pk
    remove_action(action, by=officer)
    assert not AgreementAction.objects.exists()
    history = AgreementAction.history.filter(id=kept).order_by("history_date")
    assert list(history.values_list("history_type", flat=True)) == ["+", "-"]  # kept


def test_an_agreement_s_page_shows_the_actions_the_office_published(client):
    rome = agreement()
    add_action(rome, by=None, **LIGHTS)
    add_action(rome, by=None, **(LIGHTS | {"title_en": "Draft exchange", "published": False}))
    add_action(rome, by=None, **(LIGHTS | {
        "title_en": "Tiber and Seine", "title_fr": "Tibre et Seine", "theme": "urban",
        "started_on": date(2015, 1, 1), "started_on_precision": "year",
        "ended_on": date(2017, 6, 1)}))  # fmt: skip
    english = client.get(rome.public_path).content.decode()
    assert "Actions under the agreement" in english
    assert "Lights exchanged for Nuit Blanche" in english and "since March 2019" in english
    assert "Tiber and Seine" in english and "2015 to 2017" in english
    assert english.index("Lights exchanged") < english.index("Tiber and Seine")  # latest first
    assert "Draft exchange" not in english
    with translation.override("fr"):
        french = client.get(rome.public_path).content.decode()
    assert "Échange de lumières pour Nuit Blanche" in french and "depuis mars 2019" in french
    assert "Culture et patrimoine" in french and "de 2015 à 2017" in french


@pytest.mark.parametrize(
    ("dates", "english", "french"),
    [({"started_on": date(2023, 10, 7), "started_on_precision": "day"},
      "since 7 October 2023", "depuis le 7 octobre 2023"),
     ({"started_on": date(2023, 10, 7), "started_on_precision": "day",
       "ended_on": date(2023, 10, 8)},
      "7 October 2023 to 8 October 2023", "du 7 octobre 2023 au 8 octobre 2023"),
     ({"started_on": date(2019, 4, 1), "ended_on": date(2019, 8, 1)},
      "April 2019 to August 2019", "d’avril 2019 à août 2019"),
     ({"started_on": date(2019, 4, 1)}, "since April 2019", "depuis avril 2019"),
     ({"started_on": date(2090, 4, 1)}, "from April 2090", "à partir d’avril 2090"),
     ({"started_on": date(2090, 10, 7), "started_on_precision": "day"},
      "from 7 October 2090", "à partir du 7 octobre 2090"),
     ({"started_on": date(2015, 1, 1), "started_on_precision": "year",
       "ended_on": date(2015, 9, 1)}, "2015", "2015")],
)  # fmt: skip
def test_when_an_action_runs_reads_as_each_language_writes_it(dates, english, french):
    action = AgreementAction(**(LIGHTS | dates))
    with translation.override("en"):
        assert when_it_runs(action) == english
    with translation.override("fr"):
        assert when_it_runs(action) == french


def test_a_new_action_shows_at_once_on_the_kept_page(client):
    rome = agreement()
    assert "Lights exchanged" not in client.get(rome.public_path).content.decode()  # kept
    action = add_action(rome, by=None, **LIGHTS)  # the table moves the public state
    assert "Lights exchanged" in client.get(rome.public_path).content.decode()
    change_action(action, by=None, published=False)
    assert "Lights exchanged" not in client.get(rome.public_path).content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_an_agreement_s_page_and_the_data_read_in_the_same_number_of_queries_for_1_and_3(
    client, django_assert_num_queries, count
):
    visits = [received(f"Mayor {n}", on=date(2020 + n, 5, 2)) for n in range(count)]
    rome = create_agreement(by=None, visits=visits, **ROME)
    for n in range(count - 1):
        agreement(kind="memorandum", signed_on=date(2001 + n, 1, 1))
    for n in range(count):
        add_action(rome, by=None, **(LIGHTS | {"started_on": date(2010 + n, 1, 1)}))
    with translation.override("en"):
        path = rome.public_path
    # The public state; the agreement with its texts and signatories; the actions; the visits
    # exchanged; the other agreements with the city, with theirs.
    with django_assert_num_queries(11):
        assert client.get(path).status_code == 200
    # The public state; the agreements, their texts and signatories.
    with django_assert_num_queries(5):
        client.get(page("public:partners_data", "csv"))
