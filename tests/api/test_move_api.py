"""Moving a visit with its programme over the API: `POST /visits/{reference}/move`, with the
visit's ETag as If-Match, an Idempotency-Key for retries, refusals naming the field."""

from datetime import date, datetime

import pytest
from django.urls import reverse

from tests.factories import PARIS, GuestFactory, HostFactory, VenueFactory, VisitFactory
from visits import services
from visits.models import ApiToken, Engagement, Visit

pytestmark = pytest.mark.django_db


def bearer(user) -> str:
    _token, raw = ApiToken.issue(user, "tests")
    return f"Bearer {raw}"


@pytest.fixture
def api(client, officer):
    client.defaults["HTTP_AUTHORIZATION"] = bearer(officer)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def at(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=PARIS)


def visit_with(engagements=1, day=date(2027, 7, 6), **fields):
    visit = VisitFactory(starts_on=day, status="approved", principal=GuestFactory(name="Anne"))
    for n in range(engagements):
        services.create_engagement(
            visit=visit,
            by=None,
            kind="meeting",
            title_fr=f"Entretien {n}",
            title_en=f"Talks {n}",
            starts_at=at(day, 9 + 2 * n),
            ends_at=at(day, 10 + 2 * n),
            **({"venue": VenueFactory(name=f"Salon {n}")} | fields),
        )
    return visit


@pytest.fixture
def visit():
    return visit_with()


def etag(api, visit) -> str:
    return api.get(reverse("api:get_visit", args=[visit.reference]))["ETag"]


def move(api, visit, body, if_match="*", **headers):
    url = reverse("api:move_visit_with_programme", args=[visit.reference])
    if if_match is not None:
        headers["HTTP_IF_MATCH"] = if_match
    return api.post(url, body, content_type="application/json", **headers)


def test_move_by_days_answers_the_visit_with_its_new_dates_and_programme(api, visit):
    tag = etag(api, visit)
    response = move(api, visit, {"days": 2, "note": "Rome asked"}, tag)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["reference"], body["starts_on"]) == (visit.reference, "2027-07-08")
    [engagement] = body["programme"]
    assert (engagement["starts_at"], engagement["sequence"]) == ("2027-07-08T07:00:00Z", 1)
    assert response["ETag"] not in ("", tag)
    assert response.json() == api.get(reverse("api:get_visit", args=[visit.reference])).json()


def test_move_to_a_first_day_answers_the_visit_there(api, visit):
    response = move(api, visit, {"first_day": "2027-06-30"}, etag(api, visit))
    assert response.status_code == 200, response.json()
    assert response.json()["starts_on"] == "2027-06-30"
    assert Engagement.objects.get().starts_at == at(date(2027, 6, 30), 9)


def test_move_onto_another_visits_room_is_409_naming_the_field_and_moves_nothing(api, visit):
    room = visit.engagements.get().venue
    other = visit_with(0, day=date(2027, 7, 9))
    services.create_engagement(
        visit=other,
        by=None,
        kind="lunch",
        title_fr="Déjeuner",
        title_en="Lunch",
        starts_at=at(date(2027, 7, 9), 9, 30),
        ends_at=at(date(2027, 7, 9), 11),
        venue=room,
    )
    response = move(api, visit, {"days": 3})
    assert response.status_code == 409
    body = response.json()
    assert body["error"] == "conflict"
    [message] = body["fields"]["days"]
    assert message.startswith("“Talks 0”, ") and "Salon 0 is taken by “Lunch”" in message
    assert Visit.objects.get(pk=visit.pk).starts_on == date(2027, 7, 6)
    assert Engagement.objects.get(visit=visit).sequence == 0


def test_move_of_zero_days_is_400_nothing_to_move(api, visit):
    response = move(api, visit, {"first_day": "2027-07-06"})
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "first_day": ["The visit already starts on that day: nothing to move."]
    }


def test_move_with_both_or_neither_is_400_naming_both_fields(api, visit):
    for body in ({"days": 1, "first_day": "2027-07-09"}, {}):
        response = move(api, visit, body)
        assert response.status_code == 400
        assert set(response.json()["fields"]) == {"days", "first_day"}


def test_move_onto_the_spring_forward_gap_is_400_naming_the_engagement(api):
    visit = visit_with(0, day=date(2027, 3, 27))
    services.create_engagement(
        visit=visit,
        by=None,
        kind="reception",
        title_fr="Veillée",
        title_en="Night vigil",
        starts_at=at(date(2027, 3, 27), 2, 30),
        ends_at=at(date(2027, 3, 27), 4),
        location="Parvis",
    )
    response = move(api, visit, {"days": 1})
    assert response.status_code == 400
    [message] = response.json()["fields"]["days"]
    assert message.startswith("“Night vigil”, ") and "02:30 does not exist on " in message


def test_move_of_a_held_visit_is_409_naming_the_status(api, visit):
    Visit.objects.filter(pk=visit.pk).update(status="held")
    response = move(api, visit, {"days": 1})
    assert response.status_code == 409
    assert response.json()["fields"] == {
        "status": ["A held visit keeps its dates: only a visit still planned is moved."]
    }


@pytest.mark.parametrize(
    "body, field",
    [
        ({"days": "two"}, "days"),
        ({"days": 1.5}, "days"),
        ({"first_day": "6 July"}, "first_day"),
        ({"days": 10**9}, "days"),
        ({"days": 1, "note": "x" * 101}, "note"),
    ],
)
def test_move_with_unreadable_input_is_422_naming_the_field(api, visit, body, field):
    response = move(api, visit, body)
    assert response.status_code == 422
    assert list(response.json()["fields"]) == [field]


def test_move_with_a_note_on_two_lines_is_400_naming_the_note(api, visit):
    response = move(api, visit, {"days": 1, "note": "Rome\nasked"})
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "note": ["Write this on one line: a line break is not allowed here."]
    }


def test_move_with_a_stale_etag_is_412_and_moves_nothing(api, visit):
    tag = etag(api, visit)
    assert move(api, visit, {"days": 1}, tag).status_code == 200
    stale = move(api, visit, {"days": 1}, tag)
    assert (stale.status_code, stale.json()["error"]) == (412, "stale")
    assert Visit.objects.get(pk=visit.pk).starts_on == date(2027, 7, 7)


def test_move_without_if_match_is_428(api, visit):
    response = move(api, visit, {"days": 1}, if_match=None)
    assert (response.status_code, response.json()["error"]) == (428, "precondition_required")


def test_move_replayed_with_its_idempotency_key_moves_once(api, visit):
    first = move(api, visit, {"days": 1}, HTTP_IDEMPOTENCY_KEY="move-once")
    again = move(api, visit, {"days": 1}, HTTP_IDEMPOTENCY_KEY="move-once")
    assert (first.status_code, again.status_code) == (200, 200)
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert Visit.objects.get(pk=visit.pk).starts_on == date(2027, 7, 7)


def test_move_by_staff_without_the_office_rights_is_403(client, staff_member, visit):
    client.defaults["HTTP_AUTHORIZATION"] = bearer(staff_member)
    response = move(client, visit, {"days": 1})
    assert (response.status_code, response.json()["error"]) == (403, "forbidden")
    assert Visit.objects.get(pk=visit.pk).starts_on == date(2027, 7, 6)


def test_move_of_a_visit_one_may_not_see_is_404(api):
    hidden = VisitFactory(starts_on=date(2027, 7, 6), confidentiality="confidential")
    response = move(api, hidden, {"days": 1})
    assert response.status_code == 404


@pytest.mark.parametrize("size, queries", [(1, 50), (3, 80)])
def test_move_query_count(api, django_assert_num_queries, size, queries):
    """A move checks and writes each engagement: the count grows with the programme, by a
    fixed number of queries per engagement, never with the rest of the calendar."""
    visit = visit_with(size, hosts=[HostFactory()])
    with django_assert_num_queries(queries):
        response = move(api, visit, {"days": 1})
    assert response.status_code == 200
