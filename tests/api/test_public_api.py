"""The public list of past distinguished guests: anonymous, read only, released data only."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.factories import GuestFactory, VisitFactory

pytestmark = pytest.mark.django_db

PAST = date(2024, 6, 3)


def names(response) -> list[str]:
    assert response.status_code == 200
    return [item["name"] for item in response.json()["items"]]


def test_only_published_public_past_visits_past_their_embargo(client):
    VisitFactory(starts_on=PAST, status="held", principal=GuestFactory(name="Shown"))
    for hidden in [
        {"confidentiality": "restricted", "status": "held"},
        {"confidentiality": "confidential", "status": "held"},
        {"status": "declined"},
        {"status": "confirmed", "starts_on": date.today() + timedelta(days=3)},
    ]:
        VisitFactory(
            **({"starts_on": PAST, "confidentiality": "public"} | hidden),
            principal=GuestFactory(name="Hidden"),
        )
    response = client.get(reverse("api:distinguished_guests"))
    assert names(response) == ["Shown"]
    assert "Hidden" not in response.text


@pytest.mark.parametrize("count", [1, 3])
def test_public_list_query_count_does_not_grow(client, django_assert_num_queries, count):
    for number in range(count):
        VisitFactory(starts_on=PAST, status="held", principal=GuestFactory(name=f"Guest {number}"))
    with django_assert_num_queries(4):  # the request's savepoint and release, count, page
        response = client.get(reverse("api:distinguished_guests"))
    assert len(names(response)) == count


def test_public_list_names_no_visit_reference_but_links_each_guests_page(client):
    """A reference (V-2024-007) numbers the visits of a year: the gaps between the public ones
    would count those the public may not know of."""
    shown = GuestFactory(name="Shown")
    VisitFactory(starts_on=PAST, status="held", principal=shown)
    VisitFactory(starts_on=PAST, status="held", confidentiality="confidential")
    response = client.get(reverse("api:distinguished_guests"))
    [item] = response.json()["items"]
    assert item["reference"] is None
    assert "V-2024" not in response.text
    assert item["page_fr"] == f"http://testserver/fr/invites/{shown.pk}-shown/"
    assert item["page_en"] == f"http://testserver/en/guests/{shown.pk}-shown/"
    for page in (item["page_fr"], item["page_en"]):
        assert client.get(page.removeprefix("http://testserver")).status_code == 200


def test_public_list_announces_that_reference_goes_away(client):
    response = client.get(reverse("api:distinguished_guests"))
    assert response["Deprecation"] == "@1796342400"  # 2026-12-04, RFC 9745
    assert response["Sunset"] == "Thu, 01 Jul 2027 00:00:00 GMT"  # RFC 8594
    assert response["Link"] == '</api/v1/docs>; rel="deprecation"; type="text/html"'


def test_public_list_documents_the_deprecation():
    from protocol.api import api

    document = api.get_openapi_schema(path_prefix="/api/v1/")
    reference = document["components"]["schemas"]["DistinguishedGuestOut"]["properties"][
        "reference"
    ]
    assert reference["deprecated"] is True and "null" in reference["description"]
    operation = document["paths"]["/api/v1/public/distinguished-guests"]["get"]
    headers = next(r for s, r in operation["responses"].items() if str(s) == "200")["headers"]
    assert set(headers) == {"Deprecation", "Sunset", "Link"}
    assert "reference" in operation["description"]
