"""/api/v1/engagements/{uid}/ceremony and its attendees: the order with the reason of each step,
seats, speakers and flags; the office's writes with the ceremony's ETag as If-Match."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from tests.ceremony_factories import SeatingPairFactory, attending, holder, seeded_precedence
from tests.factories import EngagementFactory, GuestFactory, HostFactory, VisitFactory
from visits.api.versions import ceremony_etag
from visits.models import ApiToken, Attendance, Ceremony, SeatingPair, VisitGuest
from visits.models.choices import DelegationRole

pytestmark = pytest.mark.django_db

DAY = date(2027, 7, 6)
HIDDEN = ["No such record, or not one you may see."]


def client_for(client, user, language="en"):
    _token, raw = ApiToken.issue(user, "tests")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    return client


@pytest.fixture
def as_officer(client, officer):
    return client_for(client, officer)


@pytest.fixture
def as_staff(client, staff_member):
    return client_for(client, staff_member)


@pytest.fixture
def reception(db):
    """A reception given by the Mayor of Paris for an ambassador, a minister present."""
    seeded_precedence()
    engagement = EngagementFactory(visit=VisitFactory(starts_on=DAY))
    mayor = holder("mayor_of_paris", "Anne Hidalgo", gender="f", category="mayor")
    minister = holder("minister", "Rachida Dati", gender="f", category="minister")
    ambassador = holder(
        "foreign_ambassador",
        "Jane Hartley",
        gender="f",
        category="ambassador",
        country="US",
        diplomatic_class="ambassador",
        functions_taken_up_at=datetime(2022, 6, 1, tzinfo=UTC),
    )
    return {
        "engagement": engagement,
        "mayor": attending(engagement, mayor, role="host", inviting=True, speaks=True),
        "minister": attending(engagement, minister, speaks=True),
        "ambassador": attending(engagement, ambassador, role="guest_of_honour", speaks=True),
    }


def ceremony_url(engagement):
    return reverse("api:get_ceremony", args=[engagement.uid])


def attendees_url(engagement):
    return reverse("api:add_attendee", args=[engagement.uid])


def attendee_url(attendance):
    return reverse("api:change_attendee", args=[attendance.engagement.uid, attendance.pk])


def places_url(engagement):
    return reverse("api:keep_places", args=[engagement.uid])


def read(client, engagement):
    response = client.get(ceremony_url(engagement))
    assert response.status_code == 200, response.content
    return response.json(), response["ETag"]


def send(client, method, url, body=None, etag=None):
    headers = {"HTTP_IF_MATCH": etag} if etag else {}
    return getattr(client, method)(url, body, content_type="application/json", **headers)


# Reading


def test_art_17_ambassador_ranks_after_the_minister_and_before_the_mayor(as_officer, reception):
    body, etag = read(as_officer, reception["engagement"])
    order = body["order"]
    assert [(one["name"], one["order"]) for one in order] == [
        ("Rachida Dati", 1),
        ("Jane Hartley", 2),
        ("Anne Hidalgo", 3),
    ]
    assert order[0]["why_before_next"]["rule"] == "D art. 17"
    assert "art. 17" in order[0]["why_before_next"]["text"]
    assert order[-1]["why_before_next"] is None
    assert order[0]["basis"] == {
        "rule": "D art. 2",
        "text": "D art. 2, rank 6: Members of the Government",
    }
    assert order[2]["basis"]["rule"] == "D art. 9"
    assert order[1]["attendee"] == reception["ambassador"].pk
    assert order[1]["guest"] == reception["ambassador"].guest_id
    assert body["unplaced"] == []
    assert body["list"]["article"] == "D art. 2"
    assert body["engagement"] == str(reception["engagement"].uid)
    assert etag == ceremony_etag(reception["engagement"].pk, 0)


def test_ceremony_says_who_sits_speaks_arrives_greets_and_which_flags_fly(as_officer, reception):
    body, _etag = read(as_officer, reception["engagement"])
    mayor, minister, ambassador = (reception[k].pk for k in ("mayor", "minister", "ambassador"))
    assert sorted(seat["attendee"] for seat in body["seats"]) == sorted(
        [mayor, minister, ambassador]
    )
    assert body["seating_saved"] is False and body["broken"] == []
    assert [s["attendee"] for s in body["speakers"]] == [mayor, ambassador, minister]
    assert body["speakers"][0]["opening_line"].startswith("Madame la Ministre")
    assert body["arrivals"] == [mayor, ambassador, minister]  # the highest arrives last
    assert body["receiving_line"] == [mayor, ambassador]
    assert body["flags"] == [
        {"position": 1, "country": "US"},
        {"position": 2, "country": "FR"},
        {"position": 3, "country": "EU"},
    ]
    assert body["anthems"] == ["United States of America", "France"]
    assert body["revision"] == 0
    assert body["options"]["layout"] == "french"


def test_ceremony_is_read_without_creating_its_row(as_officer, reception):
    read(as_officer, reception["engagement"])
    assert not Ceremony.objects.filter(engagement=reception["engagement"]).exists()


def test_ceremony_texts_follow_accept_language(client, officer, reception):
    body, _etag = read(client_for(client, officer, "fr"), reception["engagement"])
    assert body["order"][0]["rank_label"].endswith("Membres du Gouvernement")
    assert body["list"]["name"].startswith("Paris")
    assert body["anthems"] == ["États-Unis d'Amérique", "France"]


def test_confidential_ceremony_is_not_found_for_an_officer_not_cleared(
    client, officer, cleared_officer, reception
):
    reception["engagement"].visit.confidentiality = "confidential"
    reception["engagement"].visit.save()
    hidden = client_for(client, officer)
    assert hidden.get(ceremony_url(reception["engagement"])).status_code == 404
    response = send(hidden, "post", attendees_url(reception["engagement"]), {"guest": 1}, "*")
    assert response.status_code == 404
    response = send(hidden, "delete", attendee_url(reception["mayor"]), etag="*")
    assert response.status_code == 404
    assert Attendance.objects.filter(pk=reception["mayor"].pk).exists()
    cleared = client_for(client, cleared_officer)
    assert cleared.get(ceremony_url(reception["engagement"])).status_code == 200


# Why one comes before another


def why(client, engagement, first, second):
    url = reverse("api:why_ceremony", args=[engagement.uid])
    return client.get(url, {"first": first, "second": second})


def test_why_says_which_rule_puts_one_of_any_two_first(as_officer, reception):
    mayor, minister = reception["mayor"].pk, reception["minister"].pk  # 3rd and 1st
    response = why(as_officer, reception["engagement"], mayor, minister)
    assert response.status_code == 200, response.content
    assert response.json() == {
        "first": minister,
        "second": mayor,
        "rule": "D art. 9",
        "text": (
            "D art. 9: the head of the inviting body ranks right after the State's representative"
        ),
    }
    again = why(as_officer, reception["engagement"], minister, mayor)
    assert again.json() == response.json()  # either order


def test_why_agrees_with_the_step_between_neighbours(as_officer, reception):
    body, _etag = read(as_officer, reception["engagement"])
    first, second = body["order"][0], body["order"][1]
    response = why(as_officer, reception["engagement"], second["attendee"], first["attendee"])
    assert response.json() == {
        "first": first["attendee"],
        "second": second["attendee"],
        **first["why_before_next"],
    }


def test_why_speaks_the_callers_language(client, officer, reception):
    as_french = client_for(client, officer, "fr")
    mayor, minister = reception["mayor"].pk, reception["minister"].pk
    body = why(as_french, reception["engagement"], mayor, minister).json()
    assert body["rule"] == "D art. 9"
    assert body["text"].startswith("D art.\u00a09")


@pytest.mark.parametrize(
    ("first", "second", "status", "field"),
    [
        (999_999, "minister", 400, "first"),
        ("minister", "elsewhere", 400, "second"),
        ("minister", "unplaced", 400, "second"),
        ("minister", "minister", 400, "second"),
        ("minister", "someone", 422, "second"),
    ],
)
def test_why_of_an_attendee_not_placed_here_or_the_same_twice_names_the_parameter(
    as_officer, reception, first, second, status, field
):
    engagement = reception["engagement"]
    reception["elsewhere"] = attending(EngagementFactory(), GuestFactory())
    reception["unplaced"] = attending(engagement, GuestFactory(country="IT"))
    named = {key: reception[key].pk for key in ("minister", "elsewhere", "unplaced")}
    response = why(as_officer, engagement, named.get(first, first), named.get(second, second))
    assert response.status_code == status, response.content
    assert field in str(response.json()["fields"])


def test_why_of_a_confidential_ceremony_is_not_found_for_an_officer_not_cleared(
    client, officer, reception
):
    reception["engagement"].visit.confidentiality = "confidential"
    reception["engagement"].visit.save()
    mayor, minister = reception["mayor"].pk, reception["minister"].pk
    response = why(client_for(client, officer), reception["engagement"], mayor, minister)
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


# Writing


def test_officer_adds_an_attendee_with_the_ceremony_etag(as_officer, reception):
    engagement = reception["engagement"]
    _body, etag = read(as_officer, engagement)
    deputy = holder("deputy", "Sylvain Maillard", gender="m", category="other")
    response = send(
        as_officer,
        "post",
        attendees_url(engagement),
        {"guest": deputy.pk, "role": "authority", "speaks": False},
        etag,
    )
    assert response.status_code == 201, response.content
    added = response.json()
    assert added["guest"] == deputy.pk and added["role"] == "authority"
    assert response["ETag"] == ceremony_etag(engagement.pk, 1) != etag
    body, again = read(as_officer, engagement)
    assert again == response["ETag"] and body["revision"] == 1
    assert added["id"] in [one["attendee"] for one in body["order"]]


def test_write_without_if_match_is_refused_with_428_and_changes_nothing(as_officer, reception):
    guest = GuestFactory()
    response = send(as_officer, "post", attendees_url(reception["engagement"]), {"guest": guest.pk})
    assert response.status_code == 428
    assert response.json()["error"] == "precondition_required"
    assert not Attendance.objects.filter(guest=guest).exists()


def test_write_with_a_stale_etag_is_refused_with_412_and_changes_nothing(as_officer, reception):
    engagement = reception["engagement"]
    _body, etag = read(as_officer, engagement)
    change = {"speaks": False}
    response = send(as_officer, "patch", attendee_url(reception["minister"]), change, etag)
    assert response.status_code == 200
    response = send(as_officer, "delete", attendee_url(reception["mayor"]), etag=etag)
    assert response.status_code == 412
    assert response.json()["error"] == "stale"
    assert Attendance.objects.filter(pk=reception["mayor"].pk).exists()


def test_officer_changes_and_removes_an_attendee(as_officer, reception):
    engagement = reception["engagement"]
    _body, etag = read(as_officer, engagement)
    change = {"place_after": 0, "place_after_reason": "Doyen du corps diplomatique"}
    response = send(as_officer, "patch", attendee_url(reception["ambassador"]), change, etag)
    assert response.status_code == 200, response.content
    assert response.json()["place_after"] == 0
    response = send(
        as_officer, "delete", attendee_url(reception["minister"]), etag=response["ETag"]
    )
    assert response.status_code == 204
    assert response["ETag"] == ceremony_etag(engagement.pk, 2)
    assert not Attendance.objects.filter(pk=reception["minister"].pk).exists()


def test_attendee_of_another_engagement_is_not_found(as_officer, reception):
    elsewhere = attending(EngagementFactory(), GuestFactory())
    url = reverse("api:change_attendee", args=[reception["engagement"].uid, elsewhere.pk])
    assert send(as_officer, "patch", url, {"speaks": True}, "*").status_code == 404


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


def test_staff_without_the_change_permission_are_refused_and_nothing_is_written(
    as_staff, reception
):
    engagement = reception["engagement"]
    _body, etag = read(as_staff, engagement)  # staff read the ceremony
    response = send(as_staff, "post", attendees_url(engagement), {"guest": GuestFactory().pk}, etag)
    assert response.status_code == 403
    response = send(as_staff, "patch", ceremony_url(engagement), {"tables": 2}, etag)
    assert response.status_code == 403
    assert Attendance.objects.filter(engagement=engagement).count() == 3
    assert not Ceremony.objects.filter(engagement=engagement).exists()


# Bad input: 4xx naming the field, nothing written


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"guest": 999_999}, 400, "guest"),
        ({"guest": "__new__", "represents": 999_999}, 400, "represents"),
        ({"guest": "__new__", "represents_office": "no-such-office"}, 400, "represents_office"),
        ({"guest": "__new__", "capacity": "represents"}, 400, "represents_office"),
        ({"guest": "__new__", "place_after": 3}, 400, "place_after_reason"),
        ({"guest": "__new__", "place_after": -1}, 422, "place_after"),
        ({"guest": "__new__", "role": "emperor"}, 422, "role"),
        ({"guest": "__present__"}, 400, "guest"),
    ],
)
def test_bad_attendee_is_refused_naming_the_field(as_officer, reception, body, status, field):
    engagement = reception["engagement"]
    named = {"__new__": GuestFactory().pk, "__present__": reception["mayor"].guest_id}
    body = {key: named.get(value, value) for key, value in body.items()}
    response = send(as_officer, "post", attendees_url(engagement), body, "*")
    assert response.status_code == status, response.content
    assert field in response.json()["fields"]
    assert Attendance.objects.filter(engagement=engagement).count() == 3
    assert not Ceremony.objects.filter(engagement=engagement).exists()


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


# Gathering the attendance


def gather_url(engagement):
    return reverse("api:gather_attendance", args=[engagement.uid])


def test_officer_gathers_the_hosts_and_the_delegation_into_the_ceremony(as_officer, reception):
    engagement = reception["engagement"]
    deputy = holder("deputy", "Sylvain Maillard", gender="m", category="other")
    engagement.hosts.add(HostFactory(person=deputy, precedence=2))
    president = GuestFactory(name="Joe Biden", category="head_of_state", country="US")
    VisitGuest.objects.create(
        visit=engagement.visit, guest=president, role=DelegationRole.PRINCIPAL
    )
    _body, etag = read(as_officer, engagement)
    response = send(as_officer, "post", gather_url(engagement), etag=etag)
    assert response.status_code == 200, response.content
    body = response.json()
    added = {a.guest_id: a for a in Attendance.objects.filter(engagement=engagement)}
    assert {deputy.pk, president.pk} <= set(added)
    assert added[president.pk].role == "guest_of_honour"
    assert added[deputy.pk].inviting is False  # the mayor already heads the inviting body
    attending_now = {one["attendee"] for one in [*body["order"], *body["unplaced"]]}
    assert attending_now == {a.pk for a in added.values()}
    assert body["revision"] == 1
    assert response["ETag"] == ceremony_etag(engagement.pk, 1)


def test_gathering_twice_adds_no_one_the_second_time(as_officer, reception):
    engagement = reception["engagement"]
    response = send(as_officer, "post", gather_url(engagement), etag="*")
    assert response.status_code == 200, response.content
    count = Attendance.objects.filter(engagement=engagement).count()
    again = send(as_officer, "post", gather_url(engagement), etag=response["ETag"])
    assert again.status_code == 200
    assert Attendance.objects.filter(engagement=engagement).count() == count


def test_gathering_needs_a_current_etag_the_permission_and_the_door(
    client, officer, staff_member, reception
):
    engagement = reception["engagement"]
    VisitGuest.objects.create(visit=engagement.visit, guest=GuestFactory())
    as_officer = client_for(client, officer)
    assert send(as_officer, "post", gather_url(engagement)).status_code == 428
    stale = ceremony_etag(engagement.pk, 7)
    assert send(as_officer, "post", gather_url(engagement), etag=stale).status_code == 412
    as_staff = client_for(client, staff_member)
    assert send(as_staff, "post", gather_url(engagement), etag="*").status_code == 403
    engagement.visit.confidentiality = "confidential"
    engagement.visit.save()
    as_officer = client_for(client, officer)
    assert send(as_officer, "post", gather_url(engagement), etag="*").status_code == 404
    assert Attendance.objects.filter(engagement=engagement).count() == 3
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


# The document


def test_openapi_document_describes_the_ceremony_operations():
    from protocol.api import api

    paths = api.get_openapi_schema(path_prefix="/api/v1/")["paths"]
    ceremony = "/api/v1/engagements/{uid}/ceremony"
    read = paths[ceremony]["get"]
    assert {"200", "404"} <= {str(status) for status in read["responses"]}
    assert "ETag" in read["responses"][200]["headers"]
    writes = [
        paths[ceremony]["patch"],
        paths[f"{ceremony}/places"]["put"],
        paths["/api/v1/engagements/{uid}/attendees"]["post"],
        paths["/api/v1/engagements/{uid}/attendees/{attendee_id}"]["patch"],
        paths["/api/v1/engagements/{uid}/attendees/{attendee_id}"]["delete"],
        paths[f"{ceremony}/gather"]["post"],
        paths[f"{ceremony}/pairs"]["post"],
        paths[f"{ceremony}/pairs/{{pair_id}}"]["delete"],
    ]
    for operation in writes:
        assert "If-Match" in [parameter["name"] for parameter in operation["parameters"]]
        assert {"412", "428"} <= {str(status) for status in operation["responses"]}
    assert "ETag" in paths[f"{ceremony}/gather"]["post"]["responses"][200]["headers"]
    assert "ETag" in paths[f"{ceremony}/pairs"]["post"]["responses"][201]["headers"]
    pairs = read["responses"][200]["content"]["application/json"]["schema"]["$ref"]
    assert pairs.endswith("/CeremonyOut")
    why = paths[f"{ceremony}/why"]["get"]
    assert {"400", "404"} <= {str(status) for status in why["responses"]}
    assert {"first", "second"} <= {parameter["name"] for parameter in why["parameters"]}
    assert "headers" not in why["responses"][200]  # an explanation, not a resource: no ETag
    address = paths["/api/v1/guests/{guest_id}/address"]["get"]
    assert "404" in {str(status) for status in address["responses"]}
    assert "headers" not in address["responses"][200]  # made of several records: no ETag
