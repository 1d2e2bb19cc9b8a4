"""The public pages are kept rendered under a key that moves with every write to what they
show, with the lifting of an embargo and with the day; a client that has the page gets 304."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.utils import timezone

from tests.public.test_guests_page import PAST, received, url
from visits.models import PublicState, Venue, Visit

pytestmark = pytest.mark.django_db


def test_a_kept_page_costs_one_query_and_is_the_same_page(client, django_assert_num_queries):
    received("Roberto Gualtieri")
    first = client.get(url())
    with django_assert_num_queries(1):  # the state of the public data
        again = client.get(url())
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "public, no-cache"
    assert again["Content-Type"] == "text/html; charset=utf-8"


def test_a_client_that_has_the_page_gets_304_in_one_query(client, django_assert_num_queries):
    received("Roberto Gualtieri")
    etag = client.get(url())["ETag"]
    with django_assert_num_queries(1):
        response = client.get(url(), headers={"if-none-match": etag})
    assert response.status_code == 304 and response.content == b""
    assert response["ETag"] == etag
    assert client.get(url(), headers={"if-none-match": '"other"'}).status_code == 200


def test_any_write_to_what_the_page_shows_gives_a_new_page(client):
    visit = received("Roberto Gualtieri")
    before = client.get(url())
    # A bulk update, which sends no signal, counts as much as a service's write.
    Visit.objects.filter(pk=visit.pk).update(occasion_en="Signing of the Golden Book")
    after = client.get(url())
    assert "Signing of the Golden Book" in after.content.decode()
    assert after["ETag"] != before["ETag"]
    Venue.objects.filter(name="Salon des Arcades").update(name="Salle des Fêtes")
    assert "Salle des Fêtes" in client.get(url()).content.decode()


def test_an_embargo_lifting_shows_the_guest_without_any_write(client, monkeypatch):
    received("Embargoed Guest", embargo_until=timezone.now() + timedelta(hours=1))
    assert "Embargoed Guest" not in client.get(url()).content.decode()
    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Embargoed Guest" in client.get(url()).content.decode()


def test_a_visit_becomes_received_the_day_after(client, monkeypatch):
    today = timezone.localdate()
    received("Guest Of Today", on=today, status="confirmed")
    assert "Guest Of Today" not in client.get(url()).content.decode()
    tomorrow = timezone.now() + timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    assert "Guest Of Today" in client.get(url()).content.decode()


def test_a_refused_filter_is_not_kept(client):
    received("Roberto Gualtieri")
    assert client.get(url(year="soon")).status_code == 400
    response = client.get(url(year="soon"))
    assert response.status_code == 400 and "ETag" not in response


def test_open_data_is_kept_with_its_headers(client, django_assert_num_queries):
    received("Roberto Gualtieri", on=PAST)
    from tests.public.test_guests_page import data_url

    first = client.get(data_url("csv"))
    with django_assert_num_queries(1):
        again = client.get(data_url("csv"))
    assert again.content == first.content
    assert again["Content-Disposition"] == first["Content-Disposition"]
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Link"] == first["Link"]  # the licence


def public_version() -> int:
    return PublicState.objects.get().version


@pytest.mark.django_db(transaction=True)
def test_the_version_moves_once_per_commit_and_only_at_commit(client):
    received("Roberto Gualtieri")
    before = public_version()
    with transaction.atomic():
        for occasion in ("One", "Two", "Three"):
            Visit.objects.update(occasion_en=occasion)
        # Another connection would not see the new version yet: here, not even this one.
        assert public_version() == before
    assert public_version() == before + 1
    assert "Three" in client.get(url()).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_write_leaves_the_version(client):
    received("Roberto Gualtieri")
    before = public_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        Visit.objects.update(occasion_en="Never")
        raise RuntimeError
    assert public_version() == before


def test_the_key_is_the_address_and_the_filters_the_page_reads(client):
    received("Roberto Gualtieri")
    junk = client.get(url(junk="1"))  # kept first: nothing of it may show to others
    plain = client.get(url())
    assert junk.content == plain.content and b"junk" not in plain.content
    assert caches["pages"]._cache.__len__() == 1
    other_host = client.get(url(), headers={"host": "localhost"}).content.decode()
    assert 'href="http://localhost/fr/invites/"' in other_host
    assert 'href="http://testserver/fr/invites/"' in client.get(url()).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_truncated_table_or_a_lost_state_row_gives_new_pages(client):
    received("Roberto Gualtieri")
    first = client.get(url())["ETag"]
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE visits_visitguest CASCADE")
    assert "Roberto Gualtieri" not in client.get(url()).content.decode()
    received("Kai Wegner")
    before = client.get(url()).content.decode()
    epoch = PublicState.objects.get().epoch
    PublicState.objects.all().delete()  # counted again from 1, under a new epoch
    received("Anne Hidalgo")
    assert PublicState.objects.get().epoch != epoch
    after = client.get(url())
    assert "Anne Hidalgo" in after.content.decode() and "Anne Hidalgo" not in before
    assert after["ETag"] != first
