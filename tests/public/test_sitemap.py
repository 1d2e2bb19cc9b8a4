"""sitemap.xml lists the public pages, each guest's page and each published agreement's page in
both languages, with their twins; nobody the door hides. robots.txt points crawlers to it."""

import re

import pytest

from tests.factories import GuestFactory, HonoraryCitizenshipFactory
from tests.public.test_guests_page import received
from tests.registers.test_agreements import ROME
from visits.services.agreements import create_agreement

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


def test_each_published_agreement_s_page_in_both_languages(client):
    rome = create_agreement(by=None, **ROME)
    create_agreement(by=None, **(ROME | {"partner_city_en": "Drafted", "published": False}))
    text = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://testserver/en/partner-cities/{rome.pk}-rome/</loc>" in text
    assert f"<loc>http://testserver/fr/villes-partenaires/{rome.pk}-rome/</loc>" in text
    assert "drafted" not in text


@pytest.mark.parametrize("count", [1, 3])
def test_a_constant_number_of_queries(client, django_assert_num_queries, count):
    for n in range(count):
        HonoraryCitizenshipFactory(honoree=GuestFactory(name=f"Citizen {n}"))
        create_agreement(by=None, **(ROME | {"partner_city_en": f"Partner {n}"}))
    with django_assert_num_queries(3):  # the state of the public data; the guests; agreements
        text = client.get("/sitemap.xml").content.decode()
    assert len(re.findall(r"<loc>[^<]+-citizen-", text)) == count * 2
    assert len(re.findall(r"<loc>[^<]+/\d+-partner-", text)) == count * 2


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_off_staff_pages(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /staff/" in text and "Disallow: /admin/" in text
