"""sitemap.xml lists the public pages and each guest's page in both languages, with their
twins; nobody the door hides. robots.txt points crawlers to it."""

import re

import pytest

from tests.factories import GuestFactory, HonoraryCitizenshipFactory
from tests.public.test_guests_page import received

pytestmark = pytest.mark.django_db


def test_every_public_page_in_both_languages_with_its_twin(client):
    guest = received("Roberto Gualtieri").guests.get()
    received("Secret Guest", confidentiality="confidential")
    response = client.get("/sitemap.xml")
    text = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    for path in (
        "/en/guests/",
        "/fr/invites/",
        "/en/honorary-citizens/",
        "/fr/citoyens-d-honneur/",
    ):
        assert f"<loc>http://testserver{path}</loc>" in text
    assert f"<loc>http://testserver/en/guests/{guest.pk}-roberto-gualtieri/</loc>" in text
    assert f"<loc>http://testserver/fr/invites/{guest.pk}-roberto-gualtieri/</loc>" in text
    twin = f'hreflang="fr" href="http://testserver/fr/invites/{guest.pk}-roberto-gualtieri/"'
    assert twin in text and 'hreflang="x-default"' not in text
    assert "secret-guest" not in text


@pytest.mark.parametrize("count", [1, 3])
def test_a_constant_number_of_queries(client, django_assert_num_queries, count):
    for n in range(count):
        HonoraryCitizenshipFactory(honoree=GuestFactory(name=f"Citizen {n}"))
    with django_assert_num_queries(2):  # the state of the public data; the guests
        text = client.get("/sitemap.xml").content.decode()
    assert len(re.findall(r"<loc>[^<]+-citizen-", text)) == count * 2


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_off_staff_pages(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /staff/" in text and "Disallow: /admin/" in text
