"""Reading /api/v1/engagements/{uid}/ceremony: the order with the reason of each step, seats,
speakers and flags, and why one attendee comes before another; and the operations' document.
The writes are tested in test_ceremony_attendance_api.py and test_ceremony_seating_api.py."""

import pytest
from django.urls import reverse

from tests.api.ceremony_api_helpers import as_officer as as_officer  # a fixture
from tests.api.ceremony_api_helpers import (
    attendee_url,
    attendees_url,
    ceremony_url,
    client_for,
    read,
    send,
)
from tests.api.ceremony_api_helpers import reception as reception  # a fixture
from tests.ceremony_factories import attending
from tests.factories import EngagementFactory, GuestFactory
from visits.api.versions import ceremony_etag
from visits.models import Attendance, Ceremony

pytestmark = pytest.mark.django_db


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
