"""The public home (/fr/, /en/) and `/`, which sends each visitor to it in their language; the
staff workspace's link on public pages, for signed-in staff only, whatever the page cache
holds; the admin's "View site"."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.public.test_guests_page import PAST, received
from tests.visits.staff_pages import signed_in

pytestmark = pytest.mark.django_db

WORKSPACE = "Staff workspace"


def home(language="en"):
    with translation.override(language):
        return reverse("public:home")


def test_root_sends_the_browser_to_the_home_in_its_language():
    response = Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8").get("/")
    assert (response.status_code, response["Location"]) == (302, "/en/")
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
    assert Client(HTTP_ACCEPT_LANGUAGE="fr-FR").get("/")["Location"] == "/fr/"


def test_root_without_a_language_asked_sends_to_french():
    assert Client().get("/")["Location"] == "/fr/"
    assert Client(HTTP_ACCEPT_LANGUAGE="de").get("/")["Location"] == "/fr/"


def test_root_follows_the_language_chosen_on_the_site_over_the_browsers():
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get("/")["Location"] == "/en/"


@pytest.mark.parametrize(
    ("language", "heading", "guests", "honours"),
    [
        (
            "en",
            "Receiving the world at the Hôtel de Ville",
            "/en/guests/",
            "/en/honorary-citizens/",
        ),
        ("fr", "Recevoir le monde à l’Hôtel de Ville", "/fr/invites/", "/fr/citoyens-d-honneur/"),
    ],
)
def test_home_links_the_public_records_in_its_language(client, language, heading, guests, honours):
    with translation.override(language):
        guests_path, honours_path = reverse("public:guests"), reverse("public:honorary_citizens")
        data_path = reverse("public:guests_data", args=["csv"])
    page = client.get(home(language)).content.decode()
    assert f'<html lang="{language}">' in page
    assert heading in page
    assert f'href="{guests_path}"' in page and f'href="{honours_path}"' in page
    assert f'href="{data_path}"' in page
    assert f'href="webcal://testserver/calendars/public.ics?lang={language}"' in page
    assert f'href="http://testserver/calendars/public.ics?lang={language}"' in page
    assert 'hreflang="en" href="http://testserver/en/"' in page
    assert 'hreflang="fr" href="http://testserver/fr/"' in page


def test_home_shows_recent_guests_the_public_may_see_only(client):
    received("Roberto Gualtieri")
    received("Ms Secret", on=PAST + timedelta(days=1), confidentiality="confidential")
    received("Mr Requested", on=PAST + timedelta(days=2), status="requested")
    page = client.get(home()).content.decode()
    assert "Roberto Gualtieri" in page
    assert "Ms Secret" not in page and "Mr Requested" not in page


def test_home_says_so_when_nobody_was_received(client):
    assert "No visit has been made public yet." in client.get(home()).content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_home_reads_a_constant_number_of_queries(client, django_assert_num_queries, count):
    for n in range(count):
        received(f"Guest {n}", on=PAST - timedelta(days=n))
    # The state of the public data (the cache's key); the recent guests with their visits.
    with django_assert_num_queries(2):
        page = client.get(home()).content.decode()
    assert page.count("<li>\n      <time datetime=") == count


def test_staff_see_the_workspace_link_on_public_pages(staff_member):
    page = signed_in(staff_member).get(home()).content.decode()
    assert WORKSPACE in page and f'href="{reverse("staff:today")}"' in page


def test_the_public_never_gets_a_page_made_for_staff_from_the_cache(client, staff_member):
    staff = signed_in(staff_member)
    for url in (home(), reverse("public:guests")):
        staffs = staff.get(url)
        assert WORKSPACE in staffs.content.decode()
        assert "private" in staffs["Cache-Control"]
        assert WORKSPACE not in client.get(url).content.decode()  # made and kept now
        assert WORKSPACE not in Client().get(url).content.decode()  # served from the cache
        assert WORKSPACE in staff.get(url).content.decode()  # never the kept page


def test_someone_signed_in_who_is_not_staff_gets_no_workspace_link(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="citizen", is_staff=False))
    assert WORKSPACE not in client.get(home()).content.decode()


def test_sitemap_lists_the_home_in_both_languages(client):
    sitemap = client.get(reverse("sitemap")).content.decode()
    assert "<loc>http://testserver/fr/</loc>" in sitemap
    assert "<loc>http://testserver/en/</loc>" in sitemap


def test_view_site_in_the_admin_opens_the_public_home(officer_client):
    page = officer_client.get(reverse("admin:index"), headers={"accept-language": "en"})
    assert '<a href="/">View site</a>' in page.content.decode()
    assert Client(HTTP_ACCEPT_LANGUAGE="en").get("/")["Location"] == "/en/"
