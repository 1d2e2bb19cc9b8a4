"""ETags are opaque: a keyed hash of the record and its version, so that they tell nothing of
the database (a visit's id would let staff count the visits hidden from them), and a tag in an
older or unknown form is a clean 412."""

import re

import pytest
from django.urls import reverse

from tests.factories import EngagementFactory, GuestFactory, VisitFactory
from visits.api.versions import etag_of
from visits.models import ApiToken

pytestmark = pytest.mark.django_db

OPAQUE = re.compile(r'"[0-9a-f]{32}"')


@pytest.fixture
def api(client, officer):
    _token, raw = ApiToken.issue(officer, "integration")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def release_one_format(record) -> str:
    """The ETag as the previous release wrote it: the id, then the version."""
    return f'"{record.pk}-{int(record.updated_at.timestamp() * 1_000_000)}"'


def test_etags_are_opaque_and_name_no_database_id(api):
    visit = VisitFactory()
    engagement = EngagementFactory(visit=visit)
    guest = GuestFactory()
    read = {
        visit: api.get(reverse("api:get_visit", args=[visit.reference])),
        engagement: api.get(reverse("api:get_engagement", args=[engagement.uid])),
        guest: api.get(reverse("api:get_guest", args=[guest.pk])),
    }
    for record, response in read.items():
        etag = response["ETag"]
        assert OPAQUE.fullmatch(etag), etag
        assert etag != release_one_format(record) and f'"{record.pk}-' not in etag
    assert len({response["ETag"] for response in read.values()}) == 3


def test_etag_is_the_same_at_each_read_and_keyed_by_the_secret(api, settings):
    visit = VisitFactory()
    url = reverse("api:get_visit", args=[visit.reference])
    first, again = api.get(url)["ETag"], api.get(url)["ETag"]
    assert first == again == etag_of(visit)
    # Keyed: without the secret, nobody can try ids until one gives the ETag they read.
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    assert etag_of(visit) != first


@pytest.mark.parametrize(
    "sent",
    ["release one", 'W/"{current}"', "{current}", '"0000"', "garbage", '""', '"a", "b"'],
)
def test_if_match_in_an_old_or_unknown_form_is_a_clean_412(api, sent):
    visit = VisitFactory(notes="as it was")
    url = reverse("api:get_visit", args=[visit.reference])
    current = api.get(url)["ETag"].strip('"')
    if_match = release_one_format(visit) if sent == "release one" else sent.format(current=current)
    response = api.patch(
        url, {"notes": "x"}, content_type="application/json", HTTP_IF_MATCH=if_match
    )
    assert response.status_code == 412, response.content
    assert response.json()["error"] == "stale"
    visit.refresh_from_db()
    assert visit.notes == "as it was"


def test_if_match_may_list_several_etags_one_of_them_current(api):
    """RFC 9110: If-Match is a list; a weak tag never matches."""
    visit = VisitFactory()
    url = reverse("api:get_visit", args=[visit.reference])
    current = api.get(url)["ETag"]
    response = api.patch(
        url,
        {"notes": "x"},
        content_type="application/json",
        HTTP_IF_MATCH=f'"0123", {current}',
    )
    assert response.status_code == 200 and response.json()["notes"] == "x"
    assert response["ETag"] != current
