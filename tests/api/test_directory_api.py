"""/api/v1/guests, /venues and /hosts: read through the door, written with If-Match."""

import pytest
from django.urls import reverse

from tests.factories import EngagementFactory, GuestFactory, HostFactory, VenueFactory, VisitFactory
from visits.models import ApiToken, Engagement

pytestmark = pytest.mark.django_db


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


@pytest.fixture
def as_cleared(client, cleared_officer):
    return client_for(client, cleared_officer)


def post(client, url, body):
    return client.post(url, body, content_type="application/json")


def patch(client, url, body, etag=None):
    headers = {} if etag is None else {"HTTP_IF_MATCH": etag}
    return client.patch(url, body, content_type="application/json", **headers)


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["items"]]


def sequence_of(engagement) -> int:
    return Engagement.objects.get(pk=engagement.pk).sequence


GUEST = {"name": "Anne Hidalgo", "category": "mayor", "country": "fr", "title_en": "Mayor"}


# Guests


def test_guest_list_is_by_sort_name_with_a_total_count(as_staff):
    GuestFactory(name="Paul Watson", sort_name="Watson, Paul")
    GuestFactory(name="Zoe Adams", sort_name="Adams, Zoe")
    GuestFactory(name="Mia Kim", sort_name="Kim, Mia")
    response = as_staff.get(reverse("api:list_guests"), {"limit": 2})
    assert names(response) == ["Zoe Adams", "Mia Kim"]
    assert response.json()["count"] == 3


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "watson"}, ["Paul Watson"]),
        ({"kind": "city"}, ["Rome"]),
        ({"category": "head_of_state"}, ["Paul Watson"]),
        ({"country": "de"}, ["Paul Watson"]),
    ],
)
def test_guest_filters_keep_only_matching_guests(as_staff, query, expected):
    GuestFactory(name="Paul Watson", category="head_of_state", country="DE")
    GuestFactory(name="Rome", kind="city", category="city", country="IT")
    assert names(as_staff.get(reverse("api:list_guests"), query)) == expected


@pytest.mark.parametrize("caller", ["as_staff", "as_officer"])
def test_guest_known_only_from_a_confidential_visit_is_hidden(request, caller):
    api = request.getfixturevalue(caller)
    secret = GuestFactory(name="Secret Guest")
    VisitFactory(confidentiality="confidential", principal=secret)
    GuestFactory(name="Known Guest")
    response = api.get(reverse("api:list_guests"))
    assert names(response) == ["Known Guest"]
    assert "Secret Guest" not in response.text
    detail = api.get(reverse("api:get_guest", args=[secret.pk]))
    assert detail.status_code == 404 and detail.json()["error"] == "not_found"


def test_guest_of_a_confidential_visit_is_listed_for_a_cleared_officer(as_cleared):
    secret = GuestFactory(name="Secret Guest")
    VisitFactory(confidentiality="confidential", principal=secret)
    assert names(as_cleared.get(reverse("api:list_guests"))) == ["Secret Guest"]
    detail = as_cleared.get(reverse("api:get_guest", args=[secret.pk]))
    assert detail.json()["name"] == "Secret Guest"


def test_guest_creation_returns_the_guest_with_an_upper_case_country(as_officer):
    response = post(as_officer, reverse("api:create_guest"), GUEST)
    assert response.status_code == 201, response.content
    body = response.json()
    assert {name: body[name] for name in ("name", "sort_name", "category", "country")} == {
        "name": "Anne Hidalgo",
        "sort_name": "Anne Hidalgo",  # the name, when none is given
        "category": "mayor",
        "country": "FR",
    }
    assert (body["kind"], body["gender"], body["title_en"]) == ("person", "n", "Mayor")
    detail = as_officer.get(reverse("api:get_guest", args=[body["id"]]))
    assert detail.json() == body and detail["ETag"] == response["ETag"]


def test_guest_change_upper_cases_a_lower_case_country(as_officer):
    guest = GuestFactory(country="IT")
    url = reverse("api:change_guest", args=[guest.pk])
    assert patch(as_officer, url, {"country": "de"}, "*").json()["country"] == "DE"
    assert names(as_officer.get(reverse("api:list_guests"), {"country": "DE"})) == [guest.name]


def test_guest_text_is_trimmed_and_a_blank_name_is_400_naming_it(as_officer):
    trimmed = post(as_officer, reverse("api:create_guest"), {"name": " Anne ", "category": "mayor"})
    assert trimmed.status_code == 201, trimmed.content
    assert trimmed.json()["name"] == "Anne"
    blank = post(as_officer, reverse("api:create_guest"), {"name": "   ", "category": "mayor"})
    assert blank.status_code == 400
    assert blank.json()["fields"] == {"name": ["This field cannot be blank."]}


def test_guest_with_an_unknown_country_is_400_naming_country(as_officer):
    response = post(as_officer, reverse("api:create_guest"), GUEST | {"country": "xx"})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "refused" and list(body["fields"]) == ["country"]


def test_guest_rename_with_the_etag_returns_a_new_etag(as_officer):
    guest = GuestFactory(name="Roberto Gualtieri")
    url = reverse("api:change_guest", args=[guest.pk])
    etag = as_officer.get(url)["ETag"]
    response = patch(as_officer, url, {"name": "Roberto G."}, etag)
    assert response.status_code == 200, response.content
    assert response.json()["name"] == "Roberto G."
    assert response.json()["title_en"] == "Mayor of Rome"  # left alone
    assert response["ETag"] != etag
    assert as_officer.get(url)["ETag"] == response["ETag"]


def test_guest_change_needs_the_current_etag(as_officer):
    guest = GuestFactory(name="Roberto Gualtieri")
    url = reverse("api:change_guest", args=[guest.pk])
    missing = patch(as_officer, url, {"name": "First"})
    assert missing.status_code == 428 and missing.json()["error"] == "precondition_required"
    etag = as_officer.get(url)["ETag"]
    assert patch(as_officer, url, {"name": "First"}, etag).status_code == 200
    stale = patch(as_officer, url, {"name": "Second"}, etag)
    assert stale.status_code == 412 and stale.json()["error"] == "stale"
    assert as_officer.get(url).json()["name"] == "First"


def test_guest_rename_bumps_the_sequence_of_their_engagements(as_officer):
    guest = GuestFactory(name="Roberto Gualtieri")
    theirs = EngagementFactory(visit=VisitFactory(principal=guest))
    other = EngagementFactory()
    url = reverse("api:change_guest", args=[guest.pk])
    # Calendars do not show notes: no reason for their clients to fetch again.
    assert patch(as_officer, url, {"notes": "Vegetarian"}, "*").status_code == 200
    assert (sequence_of(theirs), sequence_of(other)) == (0, 0)
    assert patch(as_officer, url, {"name": "Roberto G."}, "*").status_code == 200
    assert (sequence_of(theirs), sequence_of(other)) == (1, 0)


def test_guest_change_with_a_null_name_is_422(as_officer):
    guest = GuestFactory(name="Roberto Gualtieri")
    url = reverse("api:change_guest", args=[guest.pk])
    response = patch(as_officer, url, {"name": None}, "*")
    assert response.status_code == 422
    assert response.json()["error"] == "invalid" and "name" in response.json()["fields"]


def test_staff_who_only_read_are_forbidden_to_create_a_guest(as_staff):
    response = post(as_staff, reverse("api:create_guest"), GUEST)
    assert response.status_code == 403 and response.json()["error"] == "forbidden"
    assert names(as_staff.get(reverse("api:list_guests"))) == []


# Venues and hosts


def test_venue_list_and_detail(as_staff):
    VenueFactory(name="Salon des Arcades", building="Hôtel de Ville", capacity=80)
    annex = VenueFactory(name="Salle A", building="Annexe Lobau")
    assert names(as_staff.get(reverse("api:list_venues"))) == ["Salle A", "Salon des Arcades"]
    detail = as_staff.get(reverse("api:get_venue", args=[annex.pk]))
    assert detail.json() == {
        "id": annex.pk,
        "name": "Salle A",
        "building": "Annexe Lobau",
        "gender": "f",
        "capacity": None,
        "turnover_minutes": 30,
        "notes": "",
        "is_active": True,
    }
    assert detail["ETag"]


def test_venue_creation_returns_the_venue(as_officer):
    body = {"name": "Salon Jean Zay", "gender": "m", "capacity": 120, "turnover_minutes": 45}
    response = post(as_officer, reverse("api:create_venue"), body)
    assert response.status_code == 201, response.content
    assert response.json() | {"id": None} == body | {
        "id": None,
        "building": "Hôtel de Ville",
        "notes": "",
        "is_active": True,
    }


def test_venue_with_a_taken_name_in_the_same_building_is_400(as_officer):
    VenueFactory(name="Salon des Arcades")
    response = post(as_officer, reverse("api:create_venue"), {"name": "SALON DES ARCADES"})
    assert response.status_code == 400
    assert response.json() == {
        "error": "refused",
        "message": "A room of this name already exists in this building.",
        "fields": {"name": ["A room of this name already exists in this building."]},
    }
    elsewhere = {"name": "Salon des Arcades", "building": "Annexe Lobau"}
    assert post(as_officer, reverse("api:create_venue"), elsewhere).status_code == 201


def test_venue_rename_bumps_the_sequence_of_its_engagements(as_officer):
    room = VenueFactory(name="Salon des Arcades")
    booked, elsewhere = EngagementFactory(venue=room), EngagementFactory()
    url = reverse("api:change_venue", args=[room.pk])
    etag = as_officer.get(reverse("api:get_venue", args=[room.pk]))["ETag"]
    response = patch(as_officer, url, {"name": "Salon Bertrand"}, etag)
    assert response.status_code == 200, response.content
    assert response.json()["name"] == "Salon Bertrand" and response["ETag"] != etag
    assert (sequence_of(booked), sequence_of(elsewhere)) == (1, 0)


@pytest.mark.parametrize("endpoint", ["api:list_venues", "api:list_hosts"])
def test_is_active_filter_keeps_those_in_use_or_not(as_staff, endpoint):
    factory = VenueFactory if endpoint == "api:list_venues" else HostFactory
    factory(name="Active")
    factory(name="Retired", is_active=False)
    assert names(as_staff.get(reverse(endpoint), {"is_active": "true"})) == ["Active"]
    assert names(as_staff.get(reverse(endpoint), {"is_active": "false"})) == ["Retired"]
    assert names(as_staff.get(reverse(endpoint))) == ["Active", "Retired"]


def test_host_list_is_by_precedence_and_detail_has_the_fields(as_staff):
    deputy = HostFactory(name="Ariel Weil", precedence=5)
    HostFactory(name="Zélie Maire", precedence=1)
    assert names(as_staff.get(reverse("api:list_hosts"))) == ["Zélie Maire", "Ariel Weil"]
    assert as_staff.get(reverse("api:get_host", args=[deputy.pk])).json() == {
        "id": deputy.pk,
        "name": "Ariel Weil",
        "office_fr": "Adjoint au maire",
        "office_en": "Deputy Mayor",
        "gender": "n",
        "precedence": 5,
        "email": "",
        "is_active": True,
    }


def test_host_with_a_bad_email_is_400_naming_email(as_officer):
    body = {"name": "Ariel Weil", "office_fr": "Adjoint", "office_en": "Deputy", "email": "nope"}
    response = post(as_officer, reverse("api:create_host"), body)
    assert response.status_code == 400
    assert response.json()["fields"] == {"email": ["Enter a valid email address."]}
    good = post(as_officer, reverse("api:create_host"), body | {"email": "a.weil@paris.fr"})
    assert good.status_code == 201 and good.json()["email"] == "a.weil@paris.fr"


# Query counts: the same literal for one item and for three.


@pytest.mark.parametrize("count", [1, 3])
def test_guest_list_query_count_does_not_grow(as_staff, django_assert_num_queries, count):
    for _ in range(count):
        VisitFactory()  # and its principal guest
    # The request's savepoint and release, the token and its last use, two for the
    # permissions, then count and page.
    with django_assert_num_queries(8):
        response = as_staff.get(reverse("api:list_guests"))
    assert len(names(response)) == count


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("endpoint", ["api:list_venues", "api:list_hosts"])
def test_venue_and_host_list_query_count_does_not_grow(
    as_staff, django_assert_num_queries, endpoint, count
):
    factory = VenueFactory if endpoint == "api:list_venues" else HostFactory
    for _ in range(count):
        factory()
    # The request's savepoint and release, the token and its last use, two for the caller's
    # permissions (the API asks for the staff permission), then count and page.
    with django_assert_num_queries(8):
        response = as_staff.get(reverse(endpoint))
    assert len(names(response)) == count
