"""/en/guests/ and /fr/invites/: past distinguished guests the public may see, newest first,
grouped by year, in the page's language, filtered, searched and paginated, with a constant
number of queries."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import EngagementFactory, GuestFactory, VenueFactory, VisitFactory
from visits.models import Venue
from visits.views import open_data, public

pytestmark = pytest.mark.django_db

PAST = date(2025, 3, 12)


def received(name, on=PAST, country="IT", category="mayor", room="Salon des Arcades", **visit):
    guest = GuestFactory(
        name=name,
        country=country,
        category=category,
        title_fr="Maire de Rome",
        title_en="Mayor of Rome",
    )
    visit.setdefault("status", "held")
    made = VisitFactory(
        principal=guest,
        starts_on=on,
        occasion_fr="Visite officielle",
        occasion_en="Official visit",
        **visit,
    )
    venue = Venue.objects.filter(name=room).first() or VenueFactory(name=room)
    EngagementFactory(visit=made, venue=venue)
    return made


def url(language="en", **query):
    with translation.override(language):
        path = reverse("public:guests")
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_english_and_french_pages_list_the_same_guests_in_their_language(client):
    received("Roberto Gualtieri")
    english = client.get(url("en"))
    french = client.get(url("fr"))
    assert english.status_code == french.status_code == 200
    assert url("fr").startswith("/fr/invites/") and url("en") == "/en/guests/"
    text_en, text_fr = english.content.decode(), french.content.decode()
    assert '<html lang="en">' in text_en and '<html lang="fr">' in text_fr
    assert "Mayor of Rome" in text_en and "Italy" in text_en and "Official visit" in text_en
    assert "Maire de Rome" in text_fr and "Italie" in text_fr and "Visite officielle" in text_fr
    assert "Salon des Arcades" in text_en and '<h2 id="year-2025">2025</h2>' in text_en


def test_each_page_names_its_twin_and_the_switch_keeps_the_page_and_filters(client):
    received("Roberto Gualtieri")
    text = client.get(url("en", q="Gualtieri")).content.decode()
    assert (
        '<link rel="alternate" hreflang="fr" href="http://testserver/fr/invites/?q=Gualtieri">'
        in text
    )
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/guests/?q=Gualtieri">'
        in text
    )
    assert 'href="http://testserver/fr/invites/?q=Gualtieri" hreflang="fr" lang="fr"' in text


def test_only_what_the_door_lets_the_public_see(client):
    received("Shown Guest")
    received("Secret Guest", confidentiality="confidential")
    received("Restricted Guest", confidentiality="restricted")
    received("Requested Guest", status="requested")
    received("Future Guest", on=timezone.localdate() + timedelta(days=5), status="confirmed")
    received("Embargoed Guest", embargo_until=timezone.now() + timedelta(days=1))
    text = client.get(url()).content.decode()
    assert "Shown Guest" in text
    for hidden in ("Secret", "Restricted", "Requested", "Future", "Embargoed"):
        assert f"{hidden} Guest" not in text


def test_newest_first_grouped_by_year(client):
    received("Older Guest", on=date(2023, 5, 2))
    received("Newer Guest", on=date(2025, 1, 9))
    text = client.get(url()).content.decode()
    assert text.index("2025</h2>") < text.index("Newer Guest") < text.index("2023</h2>")
    assert text.index("2023</h2>") < text.index("Older Guest")


def test_filters_and_search_narrow_the_list(client):
    received("Roberto Gualtieri", on=date(2024, 6, 1), country="IT", category="mayor")
    received("Kai Wegner", on=date(2025, 6, 1), country="DE", category="mayor")
    received("Felipe VI", on=date(2025, 2, 1), country="ES", category="royal")

    def names(**query):
        text = client.get(url(**query)).content.decode()
        return {n for n in ("Roberto Gualtieri", "Kai Wegner", "Felipe VI") if n in text}

    assert names(year=2025) == {"Kai Wegner", "Felipe VI"}
    assert names(category="royal") == {"Felipe VI"}
    assert names(country="DE") == {"Kai Wegner"}
    assert names(q="gualt") == {"Roberto Gualtieri"}
    assert "No guest matches these filters." in client.get(url(q="nobody")).content.decode()


def test_a_bad_filter_is_a_400_that_names_it(client):
    received("Roberto Gualtieri")
    response = client.get(url(year="soon"))
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"year"}
    # the id Django's widget names in its aria-describedby
    assert 'id="id_year_error"' in response.content.decode()
    assert 'aria-describedby="id_year_error"' in response.content.decode()


def test_pages_of_fifty_with_shareable_links(client, monkeypatch):
    monkeypatch.setattr(public, "PER_PAGE", 2)
    for day in range(5):
        received(f"Guest {day}", on=PAST - timedelta(days=day))
    first = client.get(url(year=2025)).content.decode()
    assert 'rel="next" href="?year=2025&amp;page=2"' in first
    assert "Page 1 of 3" in first
    last = client.get(url(year=2025, page=3)).content.decode()
    assert "Guest 4" in last and "Guest 0" not in last


@pytest.mark.parametrize("count", [1, 3])
def test_a_constant_number_of_queries(client, django_assert_num_queries, count):
    for n in range(count):
        received(f"Guest {n}", on=PAST - timedelta(days=n))
    # The state of the public data (the cache's key); years and countries for the filters;
    # guests per year and category (both charts, and the count); the page; the rooms of its
    # visits. No transaction: the page only reads.
    with django_assert_num_queries(6):
        response = client.get(url())
    assert response.content.decode().count("<td><time") == count


def data_url(file_format, language="en", **query):
    with translation.override(language):
        path = reverse("public:guests_data", args=[file_format])
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_same_list_as_csv_and_json_with_the_same_filters_and_door(client):
    received("Roberto Gualtieri", on=date(2024, 6, 1), room="Salon des Arcades")
    wegner = received("Kai Wegner", on=date(2025, 6, 1), country="DE", room="Salle des Fêtes")
    received("Secret Guest", confidentiality="confidential")
    data = client.get(data_url("json", year=2025)).json()
    assert data == {
        "license": open_data.LICENCE,
        "guests": [
            {
                "date": "2025-06-01",
                "guest": "Kai Wegner",
                "title_fr": "Maire de Rome",
                "title_en": "Mayor of Rome",
                "category": "mayor",
                "country": "DE",
                "occasion_fr": "Visite officielle",
                "occasion_en": "Official visit",
                "rooms": "Salle des Fêtes",
                "page": f"http://testserver/en/guests/{wegner.guests.get().pk}-kai-wegner/",
            }
        ],
    }
    response = client.get(data_url("csv", "fr"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "date,guest,title_fr,title_en,category,country,occasion_fr,occasion_en,rooms,page"
    )
    assert [line.split(",")[1] for line in lines[1:]] == ["Kai Wegner", "Roberto Gualtieri"]
    page = client.get(url()).content.decode()
    assert "<code>rooms</code>" in page and 'href="/en/guests/data.csv"' in page


def test_open_data_refuses_a_bad_filter_and_an_unknown_format(client):
    response = client.get(data_url("json", year="soon"))
    assert response.status_code == 400 and "year" in response.json()["errors"]
    assert client.get(data_url("xml")).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_open_data_reads_a_constant_number_of_queries(client, django_assert_num_queries, count):
    for n in range(count):
        received(f"Guest {n}", on=PAST - timedelta(days=n))
    # The state of the public data; years and countries; the guests; their rooms.
    with django_assert_num_queries(5):
        assert len(client.get(data_url("json")).json()["guests"]) == count
