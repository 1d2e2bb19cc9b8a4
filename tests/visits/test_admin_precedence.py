"""The ceremony's reference data in the admin: offices, precedence lists and their ranks, the
forms of address; the offices a guest holds, edited on the guest's page. The protocol office
edits them, staff read them, and a link to a guest offers only the guests one may see."""

import json
from datetime import date

import factory
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.ceremony_factories import CeremonyFactory, OfficeFactory
from tests.factories import EngagementFactory, GuestFactory, HostFactory, VisitFactory
from tests.visits.admin_forms import posted_back
from visits.models import AddressForm, Guest, Host, Office, OfficeHolding, PrecedenceList

pytestmark = pytest.mark.django_db


class PrecedenceListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrecedenceList

    scope = "paris"
    name_fr = "Liste de Paris"
    name_en = "Paris list"
    article = "art. 2"
    # Dates no seeded list takes: (scope, date) is unique.
    effective_from = factory.Sequence(lambda n: date(1900, 1, 1).replace(year=1900 + n))


class AddressFormFactory(factory.django.DjangoModelFactory):
    """The seeded table may hold the row already: it is then the one used."""

    class Meta:
        model = AddressForm
        django_get_or_create = ("style", "language", "gender")

    style = factory.Iterator(["mayor", "deputy", "senator", "prefect"])
    language = "fr"
    gender = "f"
    appel = "Madame la Maire,"


@pytest.fixture(autouse=True)
def in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def url(model, view, *args):
    return reverse(f"admin:visits_{model._meta.model_name}_{view}", args=args)


def listed(response) -> list:
    return list(response.context["cl"].result_list)


def ranked(precedence_list, *offices):
    for position, office in enumerate(offices, start=1):
        precedence_list.ranks.create(position=position, office=office, article=f"art. 2-{position}")


def test_a_paris_lists_page_lists_its_ranks_in_order(officer_client):
    paris = PrecedenceListFactory()
    president = OfficeFactory(label_en="President of the Republic")
    prime_minister = OfficeFactory(label_en="Prime Minister")
    ranked(paris, president, prime_minister)
    paris.ranks.filter(office=president).update(position=3)  # moved below the Prime Minister
    page = officer_client.get(url(PrecedenceList, "change", paris.pk))
    [inline] = page.context["inline_admin_formsets"]
    rows = [(form.original.position, form.original.office) for form in inline if form.original]
    assert rows == [(2, prime_minister), (3, president)]
    assert "President of the Republic" in page.text and "art. 2-2" in page.text


def test_a_lists_page_reads_its_offices_once_whatever_its_number_of_ranks(officer_client):
    queries = []
    officer_client.get(url(PrecedenceList, "add"))  # what any first page reads (content types)
    for size in (2, 30):
        longer = PrecedenceListFactory()
        ranked(longer, *OfficeFactory.create_batch(size))
        with CaptureQueriesContext(connection) as read:
            page = officer_client.get(url(PrecedenceList, "change", longer.pk))
        assert page.text.count('class="admin-autocomplete') == size + 1  # and the empty row's
        queries.append(len(read))
    assert queries[0] == queries[1]


def test_the_list_of_precedence_lists_counts_each_ones_ranks(officer_client):
    paris, outside = PrecedenceListFactory(), PrecedenceListFactory(scope="outside_paris")
    ranked(paris, OfficeFactory(), OfficeFactory(), OfficeFactory())
    page = officer_client.get(url(PrecedenceList, "changelist"), {"q": "Paris list"})
    counts = {row: row.rank_count for row in listed(page) if row in (paris, outside)}
    assert counts == {paris: 3, outside: 0}


def test_a_rank_is_added_to_a_list_with_its_office_and_article(officer_client):
    paris, prefect = PrecedenceListFactory(), OfficeFactory(label_en="Prefect of Police")
    change = url(PrecedenceList, "change", paris.pk)
    rank = {"position": "10", "office": str(prefect.pk), "article": "art. 2-10"}
    data = posted_back(officer_client.get(change), **{"ranks-TOTAL_FORMS": "1"})
    data |= {f"ranks-0-{name}": value for name, value in rank.items()}
    assert officer_client.post(change, data).status_code == 302
    assert list(paris.ranks.values_list("position", "office", "article")) == [
        (10, prefect.pk, "art. 2-10")
    ]


def test_staff_read_a_precedence_list_but_cannot_change_it(client, staff_member):
    paris = PrecedenceListFactory(name_en="Paris list")
    client.force_login(staff_member)
    change = url(PrecedenceList, "change", paris.pk)
    assert client.get(change).status_code == 200
    data = {"scope": "paris", "name_fr": "X", "name_en": "X", "article": "art. 2"}
    assert client.post(change, data | {"effective_from": "1989-06-13"}).status_code == 403
    assert client.get(url(PrecedenceList, "add")).status_code == 403
    assert client.get(url(Office, "add")).status_code == 403
    assert client.get(url(AddressForm, "add")).status_code == 403
    assert PrecedenceList.objects.get(pk=paris.pk).name_en == "Paris list"


def test_the_guest_form_saves_an_office_held_through_the_inline(officer_client):
    guest, mayor = GuestFactory(), OfficeFactory(label_en="Mayor", elected=True)
    change = url(Guest, "change", guest.pk)
    data = posted_back(officer_client.get(change), **{"holdings-TOTAL_FORMS": "1"})
    data |= {
        "holdings-0-office": str(mayor.pk),
        "holdings-0-first_elected_on": "2014-04-05",
        "holdings-0-took_office_on": "2014-04-05",
    }
    assert officer_client.post(change, data).status_code == 302
    holding = OfficeHolding.objects.get(guest=guest)
    assert (holding.office, holding.first_elected_on, holding.left_office_on) == (
        mayor,
        date(2014, 4, 5),
        None,
    )


def test_the_guest_form_saves_what_precedence_needs(officer_client):
    guest, spouse = GuestFactory(), GuestFactory(name="Jean Dupont")
    change = url(Guest, "change", guest.pk)
    form = posted_back(
        officer_client.get(change),
        born_on="1961-02-03",
        diplomatic_class="ambassador",
        functions_taken_up_at_0="2024-09-12",
        functions_taken_up_at_1="11:30",
        military="on",
        spouse=str(spouse.pk),
        language="en",
        address_style="ambassador",
    )
    assert officer_client.post(change, form).status_code == 302
    saved = Guest.objects.get(pk=guest.pk)
    assert (saved.born_on, saved.diplomatic_class, saved.spouse, saved.military) == (
        date(1961, 2, 3),
        "ambassador",
        spouse,
        True,
    )
    assert (saved.language, saved.address_style) == ("en", "ambassador")
    assert saved.functions_taken_up_at.isoformat() == "2024-09-12T09:30:00+00:00"  # Paris time


def test_a_new_guest_is_added_with_what_precedence_needs(officer_client):
    form = posted_back(
        officer_client.get(url(Guest, "add")),
        name="Ana Costa",
        sort_name="Costa, Ana",
        category="ambassador",
        diplomatic_class="ambassador",
        born_on="1970-05-06",
    )
    assert officer_client.post(url(Guest, "add"), form).status_code == 302
    assert Guest.objects.values_list("diplomatic_class", "born_on").get(name="Ana Costa") == (
        "ambassador",
        date(1970, 5, 6),
    )


def test_a_host_is_linked_to_their_entry_in_the_guest_registry(officer_client):
    host, entry = HostFactory(), GuestFactory(name="Anne Hidalgo")
    change = url(Host, "change", host.pk)
    form = posted_back(officer_client.get(change), person=str(entry.pk))
    assert officer_client.post(change, form).status_code == 302
    assert Host.objects.get(pk=host.pk).person == entry


def hidden_guest() -> Guest:
    """A guest known only from a confidential visit: hidden from an officer not cleared."""
    secret = GuestFactory(name="Ms Secret")
    VisitFactory(confidentiality="confidential", principal=secret)
    return secret


@pytest.mark.parametrize(("model_name", "field"), [("guest", "spouse"), ("host", "person")])
def test_a_link_to_a_guest_does_not_offer_a_hidden_one(officer_client, model_name, field):
    secret, shown = hidden_guest(), GuestFactory(name="Mr Secretary")
    query = {"app_label": "visits", "model_name": model_name, "field_name": field}
    found = officer_client.get(reverse("admin:autocomplete"), query | {"term": "Secret"})
    assert [int(row["id"]) for row in json.loads(found.text)["results"]] == [shown.pk]
    record = GuestFactory() if model_name == "guest" else HostFactory()
    change = url(type(record), "change", record.pk)
    response = officer_client.post(
        change, posted_back(officer_client.get(change), **{field: str(secret.pk)})
    )
    assert response.status_code == 200 and field in response.context["adminform"].form.errors
    assert "Ms Secret" not in response.text


def test_an_office_is_found_without_its_accents(officer_client):
    prefect = OfficeFactory(label_fr="Préfet de police", code="prefet-de-police-test")
    OfficeFactory(label_fr="Maire de Paris")
    page = officer_client.get(url(Office, "changelist"), {"q": "PREFET DE POLICE"})
    assert prefect in listed(page) and all("olice" in row.label_fr for row in listed(page))


def test_the_forms_of_address_are_filtered_by_style_language_and_gender(officer_client):
    mayor = AddressFormFactory(style="mayor", language="fr", gender="f")
    AddressFormFactory(style="mayor", language="en", gender="f")
    AddressFormFactory(style="senator", language="fr", gender="f")
    query = {"style__exact": "mayor", "language__exact": "fr", "gender__exact": "f"}
    assert listed(officer_client.get(url(AddressForm, "changelist"), query)) == [mayor]


@pytest.mark.parametrize(
    ("model", "list_title", "new_title"),
    [
        (PrecedenceList, "Listes de préséance", "Nouvelle liste de préséance"),
        (Office, "Fonctions", "Nouvelle fonction"),
        (AddressForm, "Appellations", "Nouvelle appellation"),
    ],
)
def test_the_ceremony_lists_are_titled_in_french(officer_client, model, list_title, new_title):
    page = officer_client.get(url(model, "changelist"), HTTP_ACCEPT_LANGUAGE="fr").text
    assert f"<h1>{list_title}</h1>" in page and new_title in page
    new = officer_client.get(url(model, "add"), HTTP_ACCEPT_LANGUAGE="fr").text
    assert f"<h1>{new_title}</h1>" in new


def test_deleting_an_office_held_does_not_name_a_hidden_guest(officer_client):
    prefect = OfficeFactory(label_en="Prefect of Police")
    OfficeHolding.objects.create(guest=hidden_guest(), office=prefect)
    OfficeHolding.objects.create(guest=GuestFactory(name="Mr Open"), office=prefect)
    page = officer_client.get(url(Office, "delete", prefect.pk))
    assert page.context["protected"] == [
        "Confidential guest (office held)",
        "Office held: Mr Open: Prefect of Police",
    ]
    assert "Ms Secret" not in page.text


def test_deleting_a_list_a_confidential_ceremony_uses_does_not_name_it(officer_client):
    paris = PrecedenceListFactory()
    secret = VisitFactory(confidentiality="confidential")
    engagement = EngagementFactory(visit=secret, title_en="Dinner for Ms Secret")
    CeremonyFactory(engagement=engagement, precedence_list=paris)
    page = officer_client.get(url(PrecedenceList, "delete", paris.pk))
    assert [line.startswith("Confidential engagement") for line in page.context["protected"]] == [
        True
    ]
    assert "Ms Secret" not in page.text
