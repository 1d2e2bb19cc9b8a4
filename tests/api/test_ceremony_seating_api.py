"""The office's writes to the seating of a ceremony: the places kept, the options, and the rules
that keep two attendees apart or side by side, with the ceremony's ETag as If-Match."""

import pytest
from django.urls import reverse

from tests.api.ceremony_api_helpers import as_officer as as_officer  # a fixture
from tests.api.ceremony_api_helpers import as_staff as as_staff  # a fixture
from tests.api.ceremony_api_helpers import ceremony_url, client_for, places_url, read, send
from tests.api.ceremony_api_helpers import reception as reception  # a fixture
from tests.ceremony_factories import SeatingPairFactory, attending
from tests.factories import EngagementFactory, GuestFactory
from visits.api.versions import ceremony_etag
from visits.models import Attendance, Ceremony, SeatingPair

pytestmark = pytest.mark.django_db


# Places and options


def test_officer_keeps_places_and_sees_them_saved(as_officer, reception):
    engagement = reception["engagement"]
    _body, etag = read(as_officer, engagement)
    places = [
        {"attendee": reception["mayor"].pk, "table": 1, "place": 2},
        {"attendee": reception["minister"].pk, "table": 1, "place": 1},
        {"attendee": reception["ambassador"].pk, "table": None, "place": None},
    ]
    response = send(as_officer, "put", places_url(engagement), {"places": places}, etag)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["seating_saved"] is True
    assert {(s["attendee"], s["table"], s["place"]) for s in body["seats"]} == {
        (reception["mayor"].pk, 1, 2),
        (reception["minister"].pk, 1, 1),
    }
    assert response["ETag"] == ceremony_etag(engagement.pk, body["revision"])


def test_officer_changes_the_options(as_officer, reception):
    engagement = reception["engagement"]
    _body, etag = read(as_officer, engagement)
    change = {"layout": "round", "tables": 2, "with_european_flag": False}
    response = send(as_officer, "patch", ceremony_url(engagement), change, etag)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["options"]["layout"], body["options"]["tables"]) == ("round", 2)
    assert [flag["country"] for flag in body["flags"]] == ["US", "FR"]
    assert body["revision"] == 1


# Bad input: 4xx naming the field, nothing written


@pytest.mark.parametrize(
    ("places", "status", "field"),
    [
        ([{"attendee": "mayor", "table": 1, "place": 1}] * 2, 400, "places"),
        (
            [
                {"attendee": "mayor", "table": 1, "place": 1},
                {"attendee": "minister", "table": 1, "place": 1},
            ],
            400,
            "places",
        ),
        ([{"attendee": "elsewhere", "table": 1, "place": 1}], 400, "places"),
        ([{"attendee": "mayor", "table": 1}], 422, "places.0"),
        ([{"attendee": "mayor", "table": 0, "place": 1}], 422, "places.0.table"),
    ],
)
def test_bad_places_are_refused_naming_the_field(as_officer, reception, places, status, field):
    engagement = reception["engagement"]
    reception["elsewhere"] = attending(EngagementFactory(), GuestFactory())
    places = [place | {"attendee": reception[place["attendee"]].pk} for place in places]
    response = send(as_officer, "put", places_url(engagement), {"places": places}, "*")
    assert response.status_code == status, response.content
    assert field in response.json()["fields"]
    assert not Attendance.objects.filter(table__isnull=False).exists()


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"tables": 0}, 422, "tables"),
        ({"layout": "banquet"}, 422, "layout"),
        ({"precedence_list": 999_999}, 400, "precedence_list"),
        ({"alternate_sexes": "yes"}, 422, "alternate_sexes"),
        ({"ranked_on": 0}, 422, "ranked_on"),  # not read as 1970-01-01
    ],
)
def test_bad_options_are_refused_naming_the_field(as_officer, reception, change, status, field):
    engagement = reception["engagement"]
    response = send(as_officer, "patch", ceremony_url(engagement), change, "*")
    assert response.status_code == status, response.content
    assert field in response.json()["fields"]
    assert not Ceremony.objects.filter(engagement=engagement).exists()


# Seating rules: two attendees apart, or side by side


def pairs_url(engagement):
    return reverse("api:add_pair", args=[engagement.uid])


def pair_url(engagement, pair_id):
    return reverse("api:remove_pair", args=[engagement.uid, pair_id])


def places_of(body):
    return {seat["attendee"]: (seat["table"], seat["place"]) for seat in body["seats"]}


def test_officer_keeps_two_attendees_apart_and_the_proposed_places_follow(as_officer, reception):
    engagement = reception["engagement"]
    mayor, ambassador = reception["mayor"].pk, reception["ambassador"].pk
    before, etag = read(as_officer, engagement)
    assert before["pairs"] == []
    assert places_of(before)[ambassador] == (1, 1)
    pair = {"first": mayor, "second": ambassador, "rule": "apart"}
    response = send(as_officer, "post", pairs_url(engagement), pair, etag)
    assert response.status_code == 201, response.content
    made = response.json()
    assert made == {"id": made["id"], **pair}
    assert response["ETag"] == ceremony_etag(engagement.pk, 1)
    body, again = read(as_officer, engagement)
    assert again == response["ETag"]
    assert body["pairs"] == [made]
    assert places_of(body) == {
        reception["minister"].pk: (1, 1),
        mayor: (1, 2),
        ambassador: (1, 3),
    }
    assert body["unmet"] == []


def test_seating_rule_no_plan_can_meet_is_said_unmet(as_officer, reception):
    engagement = reception["engagement"]
    minister, ambassador = reception["minister"].pk, reception["ambassador"].pk
    pair = {"first": minister, "second": ambassador, "rule": "together"}
    response = send(as_officer, "post", pairs_url(engagement), pair, "*")
    assert response.status_code == 201, response.content
    body, _etag = read(as_officer, engagement)
    assert [(one["first"], one["second"], one["rule"]) for one in body["pairs"]] == [
        (minister, ambassador, "together")
    ]
    assert body["unmet"] == [
        "Rachida Dati and Jane Hartley, to be seated together, do not sit side by side. "
        "No plan meets every rule at once."
    ]


def test_officer_removes_a_seating_rule(as_officer, reception):
    engagement = reception["engagement"]
    pair = SeatingPairFactory(
        engagement=engagement,
        first=reception["minister"],
        second=reception["ambassador"],
        rule="together",
    )
    before, etag = read(as_officer, engagement)
    assert len(before["unmet"]) == 1
    response = send(as_officer, "delete", pair_url(engagement, pair.pk), etag=etag)
    assert response.status_code == 204, response.content
    assert response["ETag"] == ceremony_etag(engagement.pk, 1)
    body, _etag = read(as_officer, engagement)
    assert (body["pairs"], body["unmet"]) == ([], [])
    assert not SeatingPair.objects.filter(pk=pair.pk).exists()


def test_seating_rule_writes_need_a_current_etag(as_officer, reception):
    engagement = reception["engagement"]
    pair = SeatingPairFactory(
        engagement=engagement, first=reception["mayor"], second=reception["minister"]
    )
    body = {"first": reception["mayor"].pk, "second": reception["ambassador"].pk, "rule": "apart"}
    assert send(as_officer, "post", pairs_url(engagement), body).status_code == 428
    stale = ceremony_etag(engagement.pk, 7)
    response = send(as_officer, "post", pairs_url(engagement), body, stale)
    assert (response.status_code, response.json()["error"]) == (412, "stale")
    assert send(as_officer, "delete", pair_url(engagement, pair.pk)).status_code == 428
    assert send(as_officer, "delete", pair_url(engagement, pair.pk), etag=stale).status_code == 412
    assert list(SeatingPair.objects.values_list("pk", flat=True)) == [pair.pk]


def test_staff_may_not_write_seating_rules(as_staff, reception):
    engagement = reception["engagement"]
    pair = SeatingPairFactory(
        engagement=engagement, first=reception["mayor"], second=reception["minister"]
    )
    body = {"first": reception["mayor"].pk, "second": reception["ambassador"].pk, "rule": "apart"}
    assert send(as_staff, "post", pairs_url(engagement), body, "*").status_code == 403
    assert send(as_staff, "delete", pair_url(engagement, pair.pk), etag="*").status_code == 403
    assert list(SeatingPair.objects.values_list("pk", flat=True)) == [pair.pk]


def test_seating_rule_of_another_engagement_or_a_hidden_one_is_not_found(
    client, officer, reception
):
    engagement = reception["engagement"]
    elsewhere = SeatingPairFactory()
    as_officer = client_for(client, officer)
    response = send(as_officer, "delete", pair_url(engagement, elsewhere.pk), etag="*")
    assert (response.status_code, response.json()["error"]) == (404, "not_found")
    own = SeatingPairFactory(
        engagement=engagement, first=reception["mayor"], second=reception["minister"]
    )
    engagement.visit.confidentiality = "confidential"
    engagement.visit.save()
    assert send(as_officer, "delete", pair_url(engagement, own.pk), etag="*").status_code == 404
    body = {"first": reception["mayor"].pk, "second": reception["ambassador"].pk, "rule": "apart"}
    assert send(as_officer, "post", pairs_url(engagement), body, "*").status_code == 404
    assert SeatingPair.objects.count() == 2


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"first": "elsewhere", "second": "minister", "rule": "apart"}, 400, "first"),
        ({"first": "mayor", "second": 999_999, "rule": "together"}, 400, "second"),
        ({"first": "mayor", "second": "mayor", "rule": "apart"}, 400, "second"),
        ({"first": "mayor", "second": "minister", "rule": "far"}, 422, "rule"),
        ({"first": "mayor", "second": "minister"}, 422, "rule"),
        ({"first": "mayor", "second": "one", "rule": "apart"}, 422, "second"),
    ],
)
def test_bad_seating_rule_is_refused_naming_the_field(as_officer, reception, body, status, field):
    engagement = reception["engagement"]
    reception["elsewhere"] = attending(EngagementFactory(), GuestFactory())
    named = {key: reception[key].pk for key in ("mayor", "minister", "elsewhere")}
    body = {key: named.get(value, value) for key, value in body.items()}
    response = send(as_officer, "post", pairs_url(engagement), body, "*")
    assert response.status_code == status, response.content
    assert field in response.json()["fields"]
    assert not SeatingPair.objects.exists()
    assert not Ceremony.objects.filter(engagement=engagement).exists()
