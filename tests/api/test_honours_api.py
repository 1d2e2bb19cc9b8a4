"""/api/v1/honours (staff, proposals included) and /public/honorary-citizens (anyone)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    VisitFactory,
)
from visits.models import ApiToken

pytestmark = pytest.mark.django_db

CEREMONY_DAY = date(2027, 7, 6)
HIDDEN = ["No such record, or not one you may see."]


def client_for(client, user):
    _token, raw = ApiToken.issue(user, "tests")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def as_staff(client, staff_member):
    return client_for(client, staff_member)


@pytest.fixture
def as_officer(client, officer):
    return client_for(client, officer)


def post(client, body):
    return client.post(reverse("api:create_honour"), body, content_type="application/json")


def patch(client, honour, body, etag="*"):
    url = reverse("api:change_honour", args=[honour.pk])
    return client.patch(url, body, content_type="application/json", HTTP_IF_MATCH=etag)


def items(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["items"]


def ceremony(**visit):
    """An honorary citizenship ceremony; public and confirmed unless told otherwise."""
    visit = VisitFactory(**{"starts_on": CEREMONY_DAY, "confidentiality": "public"} | visit)
    return EngagementFactory(visit=visit, kind="honorary_citizenship")


# Reading


def test_staff_see_proposals_last_after_the_latest_vote(as_staff):
    HonoraryCitizenshipFactory(honoree=GuestFactory(name="Older"), voted_on=date(2019, 6, 14))
    HonoraryCitizenshipFactory(
        honoree=GuestFactory(name="Proposed"), status="proposed", voted_on=None
    )
    HonoraryCitizenshipFactory(honoree=GuestFactory(name="Newer"), voted_on=date(2023, 2, 7))
    listed = items(as_staff.get(reverse("api:list_honours")))
    assert [(h["honoree"]["name"], h["status"]) for h in listed] == [
        ("Newer", "voted"),
        ("Older", "voted"),
        ("Proposed", "proposed"),
    ]


def test_public_list_shows_voted_and_conferred_never_proposals_or_notes(client):
    laureate = GuestFactory(name="Navalny", title_en="Opponent", title_fr="Opposant", country="RU")
    HonoraryCitizenshipFactory(
        honoree=laureate,
        status="conferred",
        posthumous=True,
        citation_en="For courage",
        notes="Internal only",
    )
    HonoraryCitizenshipFactory(
        honoree=GuestFactory(name="Candidate"), status="proposed", voted_on=None
    )
    response = client.get(reverse("api:honorary_citizens"))
    assert items(response) == [
        {
            "name": "Navalny",
            "title_fr": "Opposant",
            "title_en": "Opponent",
            "country": "RU",
            "status": "conferred",
            "voted_on": "2019-06-14",
            "voted_on_precision": "day",
            "ceremony_on": None,
            "posthumous": True,
            "citation_fr": "",
            "citation_en": "For courage",
        }
    ]
    assert "Candidate" not in response.text and "Internal only" not in response.text


@pytest.mark.parametrize(
    ("visit", "shown"),
    [
        ({"status": "confirmed"}, True),
        ({"status": "held"}, True),
        ({"status": "approved"}, False),
        ({"confidentiality": "restricted"}, False),
        ({"embargo_until": timezone.now() + timedelta(days=30)}, False),
    ],
)
def test_public_ceremony_day_only_once_its_visit_is_published(client, visit, shown):
    HonoraryCitizenshipFactory(ceremony=ceremony(**visit))
    [citizen] = items(client.get(reverse("api:honorary_citizens")))
    assert citizen["ceremony_on"] == ("2027-07-06" if shown else None)


def test_honour_of_a_guest_hidden_from_the_viewer_is_not_listed(as_staff):
    secret = GuestFactory(name="Secret Guest")
    VisitFactory(confidentiality="confidential", principal=secret)
    hidden = HonoraryCitizenshipFactory(honoree=secret, status="proposed", voted_on=None)
    HonoraryCitizenshipFactory(honoree=GuestFactory(name="Known Guest"))
    response = as_staff.get(reverse("api:list_honours"))
    assert [h["honoree"]["name"] for h in items(response)] == ["Known Guest"]
    assert "Secret Guest" not in response.text
    assert as_staff.get(reverse("api:get_honour", args=[hidden.pk])).status_code == 404


def test_voted_honour_is_listed_for_staff_as_for_the_public(as_staff, client):
    """The Conseil de Paris votes in public: staff see at least what anyone sees, even when
    the honoree's only visit is confidential (and that visit stays hidden)."""
    secret = GuestFactory(name="Voted Guest")
    visit = VisitFactory(confidentiality="confidential", principal=secret)
    HonoraryCitizenshipFactory(honoree=secret, status="voted")
    staff_view = as_staff.get(reverse("api:list_honours"))
    public_view = client.get(reverse("api:honorary_citizens"))
    assert [h["honoree"]["name"] for h in items(staff_view)] == ["Voted Guest"]
    assert [h["name"] for h in items(public_view)] == ["Voted Guest"]
    assert as_staff.get(reverse("api:get_visit", args=[visit.reference])).status_code == 404


def test_staff_see_the_ceremony_uid_only_when_they_may_see_the_ceremony(as_staff):
    shown = HonoraryCitizenshipFactory(ceremony=ceremony(confidentiality="restricted"))
    secret = HonoraryCitizenshipFactory(ceremony=ceremony(confidentiality="confidential"))
    assert as_staff.get(reverse("api:get_honour", args=[shown.pk])).json()["ceremony"] == str(
        shown.ceremony.uid
    )
    assert as_staff.get(reverse("api:get_honour", args=[secret.pk])).json()["ceremony"] is None


# Writing


def test_honour_creation_with_an_honoree_id_returns_the_honour(as_officer):
    guest = GuestFactory(name="Roberto Saviano")
    response = post(as_officer, {"honoree": guest.pk, "citation_fr": "Pour son courage"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body == {
        "id": body["id"],
        "honoree": {"id": guest.pk, "name": "Roberto Saviano"},
        "status": "proposed",
        "voted_on": None,
        "voted_on_precision": "day",
        "ceremony": None,
        "posthumous": False,
        "received_by_proxy": False,
        "proxy_name": "",
        "citation_fr": "Pour son courage",
        "citation_en": "",
        "notes": "",
    }
    assert response["ETag"]


@pytest.mark.parametrize("honoree", ["hidden", "unknown"])
def test_honour_for_a_hidden_or_unknown_guest_is_400_naming_honoree(as_officer, honoree):
    secret = GuestFactory()
    VisitFactory(confidentiality="confidential", principal=secret)
    response = post(as_officer, {"honoree": secret.pk if honoree == "hidden" else 999_999})
    assert response.status_code == 400
    assert response.json()["fields"] == {"honoree": HIDDEN}


def test_recording_the_vote_with_the_etag_returns_a_new_etag(as_officer):
    honour = HonoraryCitizenshipFactory(status="proposed", voted_on=None)
    etag = as_officer.get(reverse("api:get_honour", args=[honour.pk]))["ETag"]
    response = patch(as_officer, honour, {"status": "voted", "voted_on": "2027-03-12"}, etag)
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["voted_on"]) == ("voted", "2027-03-12")
    assert response["ETag"] != etag
    stale = patch(as_officer, honour, {"notes": "x"}, etag)
    assert stale.status_code == 412 and stale.json()["error"] == "stale"


def test_honour_moving_backwards_is_409_naming_status(as_officer):
    honour = HonoraryCitizenshipFactory(status="voted")
    response = patch(as_officer, honour, {"status": "proposed"})
    assert response.status_code == 409
    assert response.json() == {
        "error": "conflict",
        "message": "An honour only moves forward: proposed, voted, conferred.",
        "fields": {"status": ["An honour only moves forward: proposed, voted, conferred."]},
    }
    honour.refresh_from_db()
    assert honour.status == "voted"


def test_voted_honour_without_a_vote_date_is_400(as_officer):
    honour = HonoraryCitizenshipFactory(status="proposed", voted_on=None)
    response = patch(as_officer, honour, {"status": "voted"})
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "voted_on": ["A voted or conferred honour needs its vote date."]
    }
    honour.refresh_from_db()
    assert honour.status == "proposed"


def test_proxy_name_without_receipt_by_proxy_is_400(as_officer):
    response = post(as_officer, {"honoree": GuestFactory().pk, "proxy_name": "Her daughter"})
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "proxy_name": ["A proxy's name is only given for an honour received by proxy."]
    }
    by_proxy = {
        "honoree": GuestFactory().pk,
        "proxy_name": "Her daughter",
        "received_by_proxy": True,
    }
    assert post(as_officer, by_proxy).status_code == 201


def test_ceremony_of_another_kind_is_400_naming_ceremony(as_officer):
    lunch = EngagementFactory(kind="lunch")
    response = post(as_officer, {"honoree": GuestFactory().pk, "ceremony": str(lunch.uid)})
    assert response.status_code == 400
    assert response.json()["fields"] == {"ceremony": ["Choose an honorary citizenship ceremony."]}


def test_ceremony_the_caller_may_not_see_is_400_naming_ceremony(as_officer):
    honour = HonoraryCitizenshipFactory()
    secret = ceremony(confidentiality="confidential")
    response = patch(as_officer, honour, {"ceremony": str(secret.uid)})
    assert response.status_code == 400
    assert response.json()["fields"] == {"ceremony": HIDDEN}


def test_linked_ceremony_uid_shows_in_the_staff_output(as_officer):
    honour, held = HonoraryCitizenshipFactory(), ceremony()
    response = patch(as_officer, honour, {"status": "conferred", "ceremony": str(held.uid)})
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["ceremony"]) == ("conferred", str(held.uid))
    listed = items(as_officer.get(reverse("api:list_honours")))
    assert [h["ceremony"] for h in listed] == [str(held.uid)]


# Query counts: the same literal for one item and for three.


@pytest.mark.parametrize("count", [1, 3])
def test_honour_list_query_count_does_not_grow(as_staff, django_assert_num_queries, count):
    for _ in range(count):
        HonoraryCitizenshipFactory(ceremony=ceremony())
    # The request's savepoint and release, the token and its last use, two for the
    # permissions, then count and page (honorees joined, ceremonies as subqueries).
    with django_assert_num_queries(8):
        response = as_staff.get(reverse("api:list_honours"))
    assert len(items(response)) == count


@pytest.mark.parametrize("count", [1, 3])
def test_public_honorary_citizens_query_count_does_not_grow(
    client, django_assert_num_queries, count
):
    for _ in range(count):
        HonoraryCitizenshipFactory(ceremony=ceremony())
    with django_assert_num_queries(4):  # the request's savepoint and release, count, page
        response = client.get(reverse("api:honorary_citizens"))
    assert len(items(response)) == count


def test_one_ceremony_may_confer_several_honours(as_officer):
    shared = ceremony()
    HonoraryCitizenshipFactory(ceremony=shared)
    second = post(as_officer, {"honoree": GuestFactory().pk, "ceremony": str(shared.uid)})
    assert second.status_code == 201, second.content
    assert second.json()["ceremony"] == str(shared.uid)


def test_hidden_ceremony_survives_a_write_back_of_what_was_read(as_officer):
    hidden = ceremony(confidentiality="confidential")
    honour = HonoraryCitizenshipFactory(ceremony=hidden)
    read = as_officer.get(reverse("api:get_honour", args=[honour.pk])).json()
    assert read["ceremony"] is None
    kept = patch(as_officer, honour, {"ceremony": None, "citation_en": "For courage"})
    assert kept.status_code == 200, kept.content
    honour.refresh_from_db()
    assert (honour.ceremony, honour.citation_en) == (hidden, "For courage")
    replaced = patch(as_officer, honour, {"ceremony": str(ceremony().uid)})
    assert replaced.status_code == 400
    assert replaced.json()["fields"] == {
        "ceremony": ["This honour's ceremony is not one you may see."]
    }


def test_a_ceremony_is_not_deleted_while_it_confers_an_honour(as_officer):
    held_here = ceremony(status="requested")
    held_here.status = "tentative"
    held_here.save()
    HonoraryCitizenshipFactory(ceremony=held_here)
    engagement = as_officer.delete(
        reverse("api:delete_engagement", args=[held_here.uid]), HTTP_IF_MATCH="*"
    )
    assert engagement.status_code == 400
    assert engagement.json()["message"] == (
        "This engagement is an honorary citizenship's ceremony: unlink it first."
    )
    visit = as_officer.delete(
        reverse("api:delete_visit", args=[held_here.visit.reference]), HTTP_IF_MATCH="*"
    )
    assert visit.status_code == 400
    assert held_here.visit.engagements.count() == 1
