"""The Ceremony page of an engagement: staff read it through the door, the protocol office
changes it with plain forms, each refusal shown beside its field with nothing written."""

import re
from html import unescape

import pytest
from django.urls import reverse

from tests.ceremony_factories import (
    attending,
    ceremony_url,
    full_table,
    guest_of_honour,
    holder,
    lunch,
    mayor_of_paris,
    minister,
    seeded_precedence,
    signed_in_as,
    some_guests,
)
from tests.factories import GuestFactory, HostFactory
from tests.visits.staff_pages import page_of, visible_text
from visits.models import Attendance, Ceremony, SeatingPair
from visits.models.ceremony_choices import AttendanceRole

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def precedence(db):
    seeded_precedence()


@pytest.fixture
def office_client(officer):
    return signed_in_as(officer)


def revision_of(made) -> int:
    found = Ceremony.objects.filter(engagement=made).first()
    return found.revision if found else 0


def post(client, made, action, **fields):
    fields.setdefault("revision", revision_of(made))
    return client.post(ceremony_url(made), {"action": action, **fields})


def order_of(response) -> list[list[str]]:
    """The order's rows as read: position, attendee, rank, why; the step rows left out."""
    rows = page_of(response).sections["Order of precedence"]
    return [row[:4] for row in rows if len(row) > 1]


def names_in_order(response) -> list[str]:
    html = response.content.decode()
    return re.findall(
        r'<tr id="attendee-\d+">\s*<td class="position">\d+</td>\s*<td><strong>([^<]+)', html
    )


def steps_of(response) -> list[str]:
    rows = page_of(response).sections["Order of precedence"]
    return [row[0] for row in rows if len(row) == 1]


# Who may read it


def test_ceremony_page_sends_anonymous_visitors_to_sign_in(client):
    made = lunch()
    response = client.get(ceremony_url(made))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:login"))


def test_ceremony_page_shows_staff_the_order_with_the_rule_of_each_rank(staff_client):
    made = lunch()
    full_table(made)
    response = staff_client.get(ceremony_url(made))
    assert names_in_order(response) == [
        "Roberto Gualtieri",  # placed after rank 1 by the office (art. 18)
        "Jean Martin",
        "Emanuela D’Alessandro",  # right after the Government (art. 17)
        "Paul Durand",
        "Anne Hidalgo",  # inviting, not ordered by the Government: after the prefect (art. 9)
    ]
    order = order_of(response)
    assert [row[0] for row in order] == ["1", "2", "3", "4", "5"]
    assert order[1][2:] == [
        "6: Members of the Government",
        "D art. 2, rank 6: Members of the Government",
    ]
    assert order[2][3] == "D art. 17: ambassadors rank right after the Government"
    steps = steps_of(response)
    assert len(steps) == 4  # one explanation between two consecutive rows
    assert steps[1] == "↑ D art. 17: ambassadors rank right after the Government"


def test_ceremony_page_shows_the_office_placing_and_its_reason(staff_client):
    made = lunch()
    mayor_of_paris(made)
    guest_of_honour(made, place_after=1, place_after_reason="Guest of the City")
    response = staff_client.get(ceremony_url(made))
    assert names_in_order(response) == ["Roberto Gualtieri", "Anne Hidalgo"]
    assert order_of(response)[0][2:] == [
        "after 1: Guest of the City",
        "D art. 18: placed after rank 1 by the inviting authority: Guest of the City",
    ]


def test_ceremony_page_marks_who_the_rules_cannot_place_and_what_is_missing(staff_client):
    made = lunch()
    mayor_of_paris(made)
    guest_of_honour(made)  # a foreign mayor: no French list names him
    response = staff_client.get(ceremony_url(made))
    html = response.content.decode()
    assert "Not placed: 1 attendee" in html
    unplaced = re.search(r'<div class="notice warning unplaced">(.*?)</div>', html, re.S)[1]
    assert "Roberto Gualtieri" in unplaced
    assert names_in_order(response) == ["Anne Hidalgo"]


def test_ceremony_page_draws_the_plan_lists_who_sits_where_speakers_and_flags(staff_client):
    made = lunch()
    full_table(made)
    response = staff_client.get(ceremony_url(made))
    html = response.content.decode()
    page = page_of(response)
    assert html.count("<svg") == 2  # the seating plan and the flags
    seated = page.sections["Seating plan"]
    assert sorted(row[0] for row in seated) == sorted(
        ["Anne Hidalgo", "Emanuela D’Alessandro", "Jean Martin", "Paul Durand", "Roberto Gualtieri"]
    )
    text = visible_text(response)
    assert "Proposed from the order" in text
    speakers = re.findall(r'<p class="who"><strong>([^<]+)</strong>', html)
    assert speakers == ["Anne Hidalgo", "Roberto Gualtieri"]  # the host opens (art. 19)
    anthems = re.search(r'<ol class="anthems">(.*?)</ol>', html, re.S)[1]
    assert re.findall(r"<li>([^<]+)</li>", anthems) == ["Italy", "France"]


def test_ceremony_page_escapes_names_in_the_drawing_and_the_lists(staff_client):
    made = lunch()
    mayor_of_paris(made)
    attending(made, holder("deputy", "<script>alert(1)</script> & Co"))
    html = staff_client.get(ceremony_url(made)).content.decode()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


def test_ceremony_page_of_a_confidential_visit_is_not_found_for_who_may_not_see_it(
    staff_client, office_client, cleared_officer
):
    made = lunch("Ms Secret", confidentiality="confidential")
    mayor_of_paris(made)
    for client in (staff_client, office_client):
        response = client.get(ceremony_url(made))
        assert response.status_code == 404
        assert "Ms Secret" not in response.content.decode()
        assert post(client, made, "gather").status_code == 404
    cleared = signed_in_as(cleared_officer).get(ceremony_url(made))
    assert cleared.status_code == 200
    assert "CONFIDENTIAL" in cleared.content.decode()


def test_ceremony_page_is_read_only_for_staff_without_the_office_right(staff_client):
    made = lunch()
    attendance = mayor_of_paris(made)
    html = staff_client.get(ceremony_url(made)).content.decode()
    assert 'name="action"' not in html and "?change=" not in html
    response = post(staff_client, made, "remove", attendance=attendance.pk)
    assert response.status_code == 403
    assert Attendance.objects.filter(pk=attendance.pk).exists()


def test_ceremony_page_in_french_speaks_as_a_protocol_office(staff_member):
    made = lunch()
    full_table(made)
    response = signed_in_as(staff_member, "fr").get(ceremony_url(made))
    sections = list(page_of(response).sections)
    assert sections[:5] == [
        "Ordre protocolaire",
        "Plan de table",
        "Ordre des discours",
        "Ordre d’arrivée et ligne de réception",
        "Pavoisement et hymnes",
    ]
    html = response.content.decode()
    assert "<h1>Déjeuner officiel</h1>" in html
    assert "Placement des invités (ordre alphabétique)" in html
    assert "Italie" in html and "Official lunch" not in html


# Why one comes before another, for any two


def listed(response) -> dict[str, str]:
    """The page's one list of attendees: name -> the label picked ("2 · Anne Hidalgo")."""
    html = response.content.decode()
    assert html.count("<datalist") == 1
    found = re.search(r'<datalist id="ceremony-attendees">(.*?)</datalist>', html, re.S)
    labels = [unescape(value) for value in re.findall(r'<option value="([^"]*)">', found[1])]
    return {label.split(" · ", 1)[1]: label for label in labels}


def why_of(response) -> str:
    """The answer to "why does one come before the other?", as read."""
    found = re.search(
        r'<div class="notice why-answer" role="status">(.*?)</div>', response.content.decode(), re.S
    )
    return " ".join(unescape(re.sub(r"<[^>]+>", "", found[1])).split()) if found else ""


def why_errors(response) -> list[str]:
    html = response.content.decode()
    section = re.search(r'<section class="panel why no-print" id="why".*?</section>', html, re.S)
    return re.findall(r'<p class="errorlist">([^<]+)</p>', section[0])


def test_ceremony_page_says_why_any_attendee_comes_before_another_not_only_neighbours(
    staff_client,
):
    made = lunch()
    host, government, *_others = full_table(made)
    labels = listed(staff_client.get(ceremony_url(made)))
    assert [label.split(" · ")[0] for label in labels.values()] == ["1", "2", "3", "4", "5"]
    first, second = labels["Anne Hidalgo"], labels["Jean Martin"]
    assert abs(int(first.split(" · ")[0]) - int(second.split(" · ")[0])) > 1  # not neighbours
    asked = {"first": first, "second": second}  # as picked from the page's list
    response = staff_client.get(ceremony_url(made), asked)
    assert response.status_code == 200
    assert why_of(response) == (
        "Jean Martin comes before Anne Hidalgo. "
        "D art. 9: the head of the inviting body ranks right after the State's representative"
    )
    reversed_order = staff_client.get(
        ceremony_url(made),
        {"first": "Anne Hidalgo", "second": "jean  MARTIN"},  # names suffice
    )
    assert why_of(reversed_order) == why_of(response)  # the same answer, either way round
    assert why_errors(response) == []


def test_ceremony_page_why_of_an_attendee_not_placed_or_the_same_twice_says_so(staff_client):
    made = lunch()
    host, government = mayor_of_paris(made), minister(made)
    rome = guest_of_honour(made).guest.name  # not placed: no list names him
    asked = [
        ({"first": "Anne Hidalgo", "second": "Anne Hidalgo"}, ["Choose two different attendees."]),
        (
            {"first": rome, "second": "Anne Hidalgo"},
            ["Choose one of the attendees placed in this order."],
        ),
        (
            {"first": "999999", "second": "x"},
            ["Choose one of the attendees placed in this order."] * 2,
        ),
        (
            {"first": "9 · Jean Martin", "second": str(host.pk)},  # a stale label, a pk
            ["Choose one of the attendees placed in this order."] * 2,
        ),
        ({"first": government.guest.name}, ["This field is required."]),
    ]
    for query, errors in asked:
        response = staff_client.get(ceremony_url(made), query)
        assert response.status_code == 200, query
        assert why_errors(response) == errors, query
        assert why_of(response) == "", query


def test_ceremony_page_asks_why_in_french(staff_member):
    made = lunch()
    host, government, *_others = full_table(made)
    client = signed_in_as(staff_member, "fr")
    response = client.get(ceremony_url(made), {"first": "Jean Martin", "second": host.guest.name})
    html = response.content.decode()
    assert "Pourquoi l’un passe-t-il avant l’autre\u00a0?" in html
    assert why_of(response).startswith("Jean Martin passe avant Anne Hidalgo.")


def test_ceremony_page_offers_no_why_with_a_single_attendee(staff_client):
    made = lunch()
    mayor_of_paris(made)
    assert 'id="why"' not in staff_client.get(ceremony_url(made)).content.decode()


# What the office changes


def test_office_adds_the_delegation_and_the_hosts(office_client):
    made = lunch()
    host = HostFactory(name="Anne Hidalgo", person=holder("mayor_of_paris", "Anne Hidalgo"))
    made.hosts.set([host])
    response = post(office_client, made, "gather")
    assert response.status_code == 302
    assert response["Location"] == ceremony_url(made) + "#order"
    roles = dict(Attendance.objects.filter(engagement=made).values_list("guest__name", "role"))
    assert roles == {"Anne Hidalgo": AttendanceRole.HOST, "Roberto Gualtieri": "guest_of_honour"}
    page = office_client.get(response["Location"])
    assert "2 people added from the delegation and the hosts." in visible_text(page)


def test_office_finds_a_guest_by_name_accents_ignored_and_adds_them(office_client):
    made = lunch()
    wanted = holder("deputy", "Hélène Lefèvre")
    GuestFactory(name="Someone Else")
    found = office_client.get(ceremony_url(made), {"find": "helene lef"})
    rows = page_of(found).sections["Order of precedence"]
    assert [row[0] for row in rows] == ["Hélène Lefèvre France"]
    response = post(office_client, made, "add", guest=wanted.pk, role="authority")
    assert response.status_code == 302
    assert Attendance.objects.get(engagement=made).guest == wanted
    assert revision_of(made) == 1
    found = office_client.get(ceremony_url(made), {"find": "helene lef"})
    assert page_of(found).sections["Order of precedence"][-1] == [
        "Hélène Lefèvre France",
        "—",
        "Already attends",
    ]


def test_office_cannot_find_nor_add_a_guest_known_only_from_a_hidden_visit(office_client):
    made = lunch()
    secret = lunch("Ms Secret", confidentiality="confidential").visit.participants.get().guest
    found = office_client.get(ceremony_url(made), {"find": "Secret"})
    assert "Ms Secret" not in found.content.decode()
    response = post(office_client, made, "add", guest=secret.pk, role="authority")
    assert response.status_code == 400
    assert "Choose the person among those found." in visible_text(response)
    assert not Attendance.objects.filter(engagement=made).exists()


def test_office_places_an_attendee_after_a_rank_with_a_reason_shown_in_the_order(office_client):
    made = lunch()
    mayor_of_paris(made)
    rome = guest_of_honour(made)
    response = post(
        office_client,
        made,
        "change",
        attendance=rome.pk,
        role="guest_of_honour",
        capacity="own",
        place_after=1,
        place_after_reason="Guest of the City",
        speaks="on",
    )
    assert response.status_code == 302
    rome.refresh_from_db()
    assert (rome.place_after, rome.place_after_reason) == (1, "Guest of the City")
    response = office_client.get(ceremony_url(made))
    assert names_in_order(response) == ["Roberto Gualtieri", "Anne Hidalgo"]
    assert (
        "D art. 18: placed after rank 1 by the inviting authority: Guest of the City"
        in (order_of(response)[0])
    )


def test_office_change_without_a_reason_is_refused_beside_the_field_and_nothing_written(
    office_client,
):
    made = lunch()
    mayor_of_paris(made)
    rome = guest_of_honour(made)
    response = office_client.post(
        ceremony_url(made) + f"?change={rome.pk}",
        {
            "action": "change",
            "revision": 0,
            "attendance": rome.pk,
            "role": "guest_of_honour",
            "capacity": "own",
            "place_after": 1,
            "place_after_reason": "",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    field = re.search(r'id="change-place_after_reason".*?</div>', html, re.S)[0]
    assert "Say why: the reason is shown with the order." in field
    rome.refresh_from_db()
    assert rome.place_after is None
    assert revision_of(made) == 0


def test_office_bad_input_is_refused_with_the_fields_message(office_client):
    made = lunch()
    mayor_of_paris(made)
    response = post(office_client, made, "options", layout="french", tables="-2", seats_per_table=0)
    assert response.status_code == 400
    html = response.content.decode()
    field = re.search(r'id="options-tables".*?</div>', html, re.S)[0]
    assert "Ensure this value is greater than or equal to 0." in field
    assert not Ceremony.objects.filter(engagement=made).exists()


def test_office_change_of_a_ceremony_changed_meanwhile_is_refused(office_client):
    made = lunch()
    attendance = mayor_of_paris(made)
    minister(made)
    read = revision_of(made)
    assert post(office_client, made, "keep").status_code == 302  # someone else, meanwhile
    response = post(office_client, made, "remove", attendance=attendance.pk, revision=read)
    assert response.status_code == 400
    assert "Someone changed this ceremony since you read it" in visible_text(response)
    assert Attendance.objects.filter(pk=attendance.pk).exists()


def test_office_removes_an_attendee(office_client):
    made = lunch()
    attendance = mayor_of_paris(made)
    response = post(office_client, made, "remove", attendance=attendance.pk)
    assert response.status_code == 302
    assert not Attendance.objects.filter(engagement=made).exists()
    assert "Anne Hidalgo no longer attends." in visible_text(office_client.get(ceremony_url(made)))


def test_office_keeps_the_proposed_seating(office_client):
    made = lunch()
    full_table(made)
    before = page_of(office_client.get(ceremony_url(made))).sections["Seating plan"]
    assert post(office_client, made, "keep").status_code == 302
    response = office_client.get(ceremony_url(made))
    assert page_of(response).sections["Seating plan"] == before
    assert "Kept by the office" in visible_text(response)
    assert Attendance.objects.filter(engagement=made, table__isnull=True).count() == 0


def test_office_swaps_two_places_and_sees_the_rule_it_breaks(office_client):
    made = lunch()
    host, *_others, rome = full_table(made)
    before = dict((row[0], row[1:]) for row in seating_of(office_client, made))
    response = post(office_client, made, "swap", first="Anne Hidalgo", second="Roberto Gualtieri")
    assert response.status_code == 302
    after = dict((row[0], row[1:]) for row in seating_of(office_client, made))
    assert after["Anne Hidalgo"] == before["Roberto Gualtieri"]
    assert after["Roberto Gualtieri"] == before["Anne Hidalgo"]
    html = office_client.get(ceremony_url(made)).content.decode()
    broken = re.search(r"The kept places break these rules</h3>\s*<ul>(.*?)</ul>", html, re.S)
    assert broken and "<li>Anne Hidalgo, the host, is not in the presiding place" in broken[1]


def test_office_names_attendees_from_one_list_and_a_name_not_in_it_is_refused(office_client):
    made = lunch()
    full_table(made)
    html = office_client.get(ceremony_url(made)).content.decode()
    inputs = re.findall(
        r'<input type="text" name="(\w+)"[^>]*list="ceremony-attendees"[^>]*id="(\w+-\w+)"', html
    )
    assert sorted(id_ for _name, id_ in inputs) == [
        "pair-first",
        "pair-second",
        "pin-attendance",
        "swap-first",
        "swap-second",
        "why-first",
        "why-second",
    ]
    tools = re.search(r'id="seating-tools-heading".*?</section>', html, re.S)[0]
    assert re.findall(r'<select name="(\w+)"', tools) == ["rule"]  # no select of attendees
    for typed in ("Nobody Known", "9 · Anne Hidalgo", "1 · Someone Else", "12"):
        response = post(office_client, made, "swap", first=typed, second="Anne Hidalgo")
        assert response.status_code == 400, typed
        field = re.search(r'id="swap-first".*?</div>', response.content.decode(), re.S)[0]
        assert "Choose an attendee from the list." in field, typed
        shown = re.search(r'<input[^>]*id="swap-first"[^>]*>', response.content.decode())[0]
        assert f'value="{typed}"' in shown  # what was typed stays, to correct it
    assert not Attendance.objects.filter(engagement=made, table__isnull=False).exists()


def seating_of(client, made):
    return page_of(client.get(ceremony_url(made))).sections["Seating plan"]


def test_office_swap_of_one_person_with_themself_is_refused(office_client):
    made = lunch()
    mayor_of_paris(made)
    response = post(office_client, made, "swap", first="Anne Hidalgo", second="1 · Anne Hidalgo")
    assert response.status_code == 400
    assert "Choose two different attendees." in response.content.decode()


def test_office_pins_an_attendee_to_a_place(office_client):
    made = lunch()
    *_others, rome = full_table(made)
    response = post(office_client, made, "pin", attendance="Roberto Gualtieri", table=1, seat=1)
    assert response.status_code == 302
    rome.refresh_from_db()
    assert (rome.table, rome.seat, rome.pinned) == (1, 1, True)
    response = post(office_client, made, "pin", attendance="Roberto Gualtieri", table=9, seat=1)
    assert response.status_code == 400
    assert "This plan has no such place." in response.content.decode()


def test_office_keeps_two_people_apart_then_removes_the_rule(office_client):
    made = lunch()
    _host, first, second, *_others = full_table(made)
    response = post(
        office_client, made, "pair", first=first.guest.name, second=second.guest.name, rule="apart"
    )
    assert response.status_code == 302
    pair = SeatingPair.objects.get(engagement=made)
    assert "Jean Martin / Emanuela D’Alessandro: Keep apart" in visible_text(
        office_client.get(ceremony_url(made))
    )
    assert post(office_client, made, "unpair", pair=pair.pk).status_code == 302
    assert not SeatingPair.objects.filter(engagement=made).exists()


def test_office_saves_the_options(office_client):
    made = lunch()
    full_table(made)
    response = post(
        office_client,
        made,
        "options",
        layout="round",
        tables=2,
        seats_per_table=0,
        with_european_flag="on",
        keep_spouses_apart="on",
    )
    assert response.status_code == 302
    options = Ceremony.objects.get(engagement=made)
    assert (options.layout, options.tables, options.revision) == ("round", 2, 1)


def test_office_unknown_action_is_a_bad_request(office_client):
    made = lunch()
    assert post(office_client, made, "burn").status_code == 400


def test_office_sees_the_change_form_of_the_attendee_asked(office_client):
    made = lunch()
    rome = guest_of_honour(made)
    html = office_client.get(ceremony_url(made), {"change": rome.pk}).content.decode()
    assert "Change: Roberto Gualtieri" in html
    assert 'name="place_after_reason"' in html
    assert "Remove Roberto Gualtieri from this ceremony" in html


# What it costs


@pytest.mark.parametrize("count", [1, 3])
def test_ceremony_page_query_count_does_not_grow_with_attendees(
    staff_client, django_assert_num_queries, count
):
    made = lunch()
    mayor_of_paris(made)
    some_guests(count - 1, made)
    with django_assert_num_queries(14):
        response = staff_client.get(ceremony_url(made))
    assert len(order_of(response)) == count


@pytest.mark.parametrize("count", [1, 3])
def test_ceremony_page_for_the_office_query_count_does_not_grow_with_attendees(
    office_client, django_assert_num_queries, count
):
    made = lunch()
    mayor_of_paris(made)
    some_guests(count - 1, made)
    with django_assert_num_queries(16):
        response = office_client.get(ceremony_url(made), {"find": "Conseiller"})
    assert len(names_in_order(response)) == count


@pytest.mark.parametrize("count", [2, 4])
def test_ceremony_page_answering_why_adds_no_query(staff_client, django_assert_num_queries, count):
    made = lunch()
    host = mayor_of_paris(made)
    *_others, last = some_guests(count - 1, made)
    with django_assert_num_queries(14):  # as without the question
        asked = {"first": host.guest.name, "second": last.guest.name}
        response = staff_client.get(ceremony_url(made), asked)
    assert why_of(response).startswith("Anne Hidalgo comes before Conseiller")


def test_engagement_admin_page_links_its_ceremony(officer_client):
    made = lunch()
    page = officer_client.get(reverse("admin:visits_engagement_change", args=[made.pk]))
    assert f'href="{ceremony_url(made)}"' in page.content.decode()


@pytest.mark.parametrize("attendance", ["", "abc", "999999"])
def test_office_change_naming_no_attendee_of_this_ceremony_is_a_400_not_a_500(
    office_client, attendance
):
    made = lunch()
    mayor_of_paris(made)
    response = office_client.post(
        ceremony_url(made),
        {"action": "change", "revision": 0, "attendance": attendance, "role": "host"},
    )
    assert response.status_code == 400
    assert revision_of(made) == 0
