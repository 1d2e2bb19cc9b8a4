"""/en/honorary-citizens/ and /fr/citoyens-d-honneur/: every honour voted or conferred, with
its dates at the precision known, posthumous honours and proxies shown, the citation in the
page's language; nothing still proposed."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import GuestFactory, HonoraryCitizenshipFactory

pytestmark = pytest.mark.django_db


def url(language="en"):
    with translation.override(language):
        return reverse("public:honorary_citizens")


def honour(name, **fields):
    return HonoraryCitizenshipFactory(honoree=GuestFactory(name=name), **fields)


def test_voted_and_conferred_honours_in_the_pages_language(client):
    honour(
        "Ingrid Betancourt",
        voted_on=date(2008, 3, 1),
        voted_on_precision="month",
        citation_fr="Pour son courage.",
        citation_en="For her courage.",
    )
    honour("Still Proposed", status="proposed", voted_on=None)
    english = client.get(url("en")).content.decode()
    french = client.get(url("fr")).content.decode()
    assert url("fr") == "/fr/citoyens-d-honneur/"
    assert "Ingrid Betancourt" in english and "March 2008" in english
    assert "For her courage." in english and "Pour son courage." in french
    assert "mars 2008" in french
    assert "Still Proposed" not in english


def test_dates_at_their_precision_posthumous_and_proxies(client):
    honour("Year Only", voted_on=date(1987, 1, 1), voted_on_precision="year")
    honour("Exact Day", voted_on=date(2019, 6, 14))
    honour("Posthumous Honour", posthumous=True, received_by_proxy=True, proxy_name="Her son")
    text = client.get(url()).content.decode()
    assert "1987</td>" in text and "June 14, 2019" in text
    assert "Posthumous" in text and "Received on their behalf by Her son" in text


@pytest.mark.parametrize("count", [1, 3])
def test_a_constant_number_of_queries(client, django_assert_num_queries, count):
    for n in range(count):
        honour(f"Citizen {n}")
    with django_assert_num_queries(2):  # the state of the public data; the honours
        assert client.get(url()).content.decode().count("<tr>") == count + 1
