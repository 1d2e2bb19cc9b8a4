"""Personal feeds: made, renamed, regenerated and revoked on "My calendars"; their token shown
once and kept only as a digest; what each shows decided at each fetch, as its owner; private,
conditional, and a 304 in two queries."""

import logging
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from django.utils.http import parse_http_date

from calendar_feeds.logs import HideFeedTokens
from calendar_feeds.models import Subscription
from calendar_feeds.selection import data_state
from calendar_feeds.tokens import digest
from tests.calendar_feeds.parsers import PARSERS, events_by_parser
from tests.factories import EngagementFactory, GuestFactory, HostFactory, VenueFactory, VisitFactory
from visits import services
from visits.roles import STAFF

pytestmark = pytest.mark.django_db

PARIS = timezone.get_default_timezone()
PAGE = "/staff/my-calendars/"
SOON = timezone.localdate() + timedelta(days=10)


def engagement(**visit_fields):
    visit_fields.setdefault("principal", GuestFactory(name="Roberto Gualtieri"))
    return EngagementFactory(visit=VisitFactory(starts_on=SOON, **visit_fields))


def subscribe(client, user, scope="visible", **fields) -> str:
    """Makes a feed on the page, as `user`; its https link, read from the page."""
    client.force_login(user)
    response = client.post(
        PAGE, {"name": fields.pop("name", "Mon agenda"), "scope": scope, **fields}
    )
    assert response.status_code == 201, response.content.decode()
    [link] = re.findall(r'value="(https?://[^"]+\.ics\?lang=\w+)"', response.content.decode())
    client.logout()  # a calendar application fetches the feed with no session
    return "/" + link.split("://", 1)[1].split("/", 1)[1]  # the path, with ?lang=


def uids(response) -> set[str]:
    return set(re.findall(r"UID:([0-9a-f-]+)@protocol", response.content.decode()))


def test_a_feed_is_made_once_shown_and_kept_only_as_a_digest(client, staff_member):
    url = subscribe(client, staff_member)
    token = url.split("/feeds/", 1)[1].split(".ics", 1)[0]
    assert len(token) >= 32  # 192 random bits in URL-safe base64
    subscription = Subscription.objects.get(owner=staff_member)
    assert subscription.token_digest == digest(token)
    assert token not in str(Subscription.objects.values().get())
    client.force_login(staff_member)
    page = client.get(PAGE).content.decode()
    assert "Mon agenda" in page and token not in page  # shown once only
    assert "webcal://" not in page and "Google" in page and "Thunderbird" in page


def test_the_page_shows_both_links_when_a_feed_is_made(client, staff_member):
    client.force_login(staff_member)
    response = client.post(PAGE, {"name": "Tout", "scope": "visible"})
    html = response.content.decode()
    https = re.search(r'value="(https?://[^"]+)"', html).group(1)
    webcal = re.search(r'value="(webcal://[^"]+)"', html).group(1)
    assert webcal == "webcal://" + https.split("://", 1)[1]


def test_a_feed_answers_privately_and_records_its_fetch(client, staff_member):
    shown = engagement()
    url = subscribe(client, staff_member)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, max-age=300"
    assert response["X-Robots-Tag"] == "noindex"
    assert uids(response) == {str(shown.uid)}
    assert b"X-WR-CALNAME:Mon agenda\r\n" in response.content
    assert Subscription.objects.get().last_fetched_at is not None
    client.force_login(staff_member)
    assert "never" not in client.get(PAGE).content.decode()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_feed_answers_in_the_language_its_address_asks(client, staff_member, language):
    engagement(confidentiality="restricted")
    url = re.sub(r"lang=\w+", f"lang={language}", subscribe(client, staff_member))
    other = {"en": "fr", "fr": "en"}[language]
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=other)
    assert response["Content-Language"] == language
    guests = {"en": "Guests: ", "fr": "Invités : "}[language]
    assert f"\\n{guests}Roberto Gualtieri".encode() in response.content.replace(b"\r\n ", b"")


def test_renamed_regenerated_and_revoked(client, staff_member):
    url = subscribe(client, staff_member)
    subscription = Subscription.objects.get()
    client.force_login(staff_member)
    change = reverse("staff:change_subscription", args=[subscription.pk, "rename"])
    assert client.post(change, {"name": "Réceptions"}).status_code == 302
    assert b"X-WR-CALNAME:R\xc3\xa9ceptions\r\n" in client.get(url).content
    regenerated = client.post(
        reverse("staff:change_subscription", args=[subscription.pk, "regenerate"])
    )
    new_url = re.search(r'value="https?://[^/]+(/[^"]+)"', regenerated.content.decode()).group(1)
    assert client.get(url).status_code == 404  # the old address stops at once
    assert client.get(new_url).status_code == 200
    client.post(reverse("staff:change_subscription", args=[subscription.pk, "revoke"]))
    assert client.get(new_url).status_code == 404
    assert not Subscription.objects.exists()


def test_bad_input_names_its_field_and_saves_nothing(client, staff_member):
    client.force_login(staff_member)
    response = client.post(PAGE, {"name": "", "scope": "venue"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"name", "venue"}
    subscribe(client, staff_member)
    subscription = Subscription.objects.get()
    client.force_login(staff_member)
    rename = reverse("staff:change_subscription", args=[subscription.pk, "rename"])
    assert client.post(rename, {"name": ""}).status_code == 400
    assert Subscription.objects.get().name == "Mon agenda"
    assert client.post(PAGE, {"name": "x", "scope": "everything"}).status_code == 400
    assert Subscription.objects.count() == 1


def test_no_one_changes_someone_elses_feed(client, staff_member, officer):
    subscribe(client, staff_member)
    subscription = Subscription.objects.get()
    client.force_login(officer)
    for action in ("rename", "regenerate", "revoke"):
        url = reverse("staff:change_subscription", args=[subscription.pk, action])
        assert client.post(url, {"name": "Pris"}).status_code == 404
    assert (
        client.get(PAGE).status_code == 200
        and "Mon agenda" not in client.get(PAGE).content.decode()
    )
    assert Subscription.objects.get().name == "Mon agenda"


def test_an_unknown_token_is_a_404_and_never_logged(client, caplog):
    guess = "Abc-_" * 7
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get(f"/calendars/feeds/{guess}.ics").status_code == 404
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == "Not Found: /calendars/feeds/….ics"
    assert client.get("/calendars/feeds/x.ics").status_code == 404


class Atoms(dict):
    """Like gunicorn's SafeAtoms: "-" for what a log format names and the request lacks."""

    def __getitem__(self, name):
        return super().get(name, "-")


def test_the_access_log_hides_tokens_and_keeps_its_atoms():
    fields = "%(r)s %(s)s %({x-forwarded-for}i)s"
    record = logging.LogRecord("gunicorn.access", logging.INFO, "", 0, fields, (), None)
    record.args = Atoms(r="GET /calendars/feeds/Abc-_Abc-_.ics?lang=fr HTTP/1.1", s="200")
    HideFeedTokens().filter(record)
    assert record.getMessage() == "GET /calendars/feeds/….ics?lang=fr HTTP/1.1 200 -"


def test_the_page_that_shows_a_token_is_not_kept(client, staff_member):
    client.force_login(staff_member)
    response = client.post(PAGE, {"name": "Tout", "scope": "visible"})
    assert "no-store" in response["Cache-Control"]


def test_each_feed_shows_what_its_owner_may_see_now(client, staff_member, cleared_officer):
    public = engagement()
    restricted = engagement(confidentiality="restricted")
    confidential = engagement(confidentiality="confidential")
    staff_feed = subscribe(client, staff_member)
    cleared_feed = subscribe(client, cleared_officer)
    public_feed = subscribe(client, staff_member, scope="public", name="Public")
    assert uids(client.get(staff_feed)) == {str(public.uid), str(restricted.uid)}
    everything = {str(public.uid), str(restricted.uid), str(confidential.uid)}
    assert uids(client.get(public_feed)) == {str(public.uid)}
    seen = client.get(cleared_feed)
    assert uids(seen) == everything and b"Roberto Gualtieri" in seen.content

    # A permission lost: its feed stops showing what it covered at the next fetch, though the
    # client asks "changed since?" and no engagement changed.
    before = Subscription.objects.get(owner=cleared_officer).access_changed_at
    cleared_officer.user_permissions.remove(
        Permission.objects.get(codename="view_confidential_visits")
    )
    now = client.get(cleared_feed, HTTP_IF_NONE_MATCH=seen["ETag"])
    assert now.status_code == 200 and uids(now) == {str(public.uid), str(restricted.uid)}
    # Last-Modified counts whole seconds: it may not show a change made within the same one.
    assert parse_http_date(now["Last-Modified"]) >= parse_http_date(seen["Last-Modified"])
    assert Subscription.objects.get(owner=cleared_officer).access_changed_at > before
    # Deactivated: every feed of theirs is gone.
    staff_member.is_active = False
    staff_member.save()
    assert client.get(staff_feed).status_code == 404
    assert client.get(public_feed).status_code == 404


@pytest.mark.parametrize("scope", ["mine", "visible", "venue", "public"])
def test_a_feed_whose_owner_lost_the_staff_permission_answers_as_a_revoked_one(
    client, staff_member, scope
):
    """Feeds are for City Hall staff: an account left in no group keeps its subscriptions'
    rows, but they answer as revoked ones do, whatever they showed, the public programme too."""
    salon = VenueFactory()
    EngagementFactory(visit=VisitFactory(starts_on=SOON, lead_officer=staff_member), venue=salon)
    fields = {"venue": salon.pk} if scope == "venue" else {}
    url = subscribe(client, staff_member, scope=scope, **fields)
    first = client.get(url)
    assert first.status_code == 200 and first.content.count(b"BEGIN:VEVENT") == 1
    staff_member.groups.clear()  # an active account in no group
    for asked in (client.get(url), client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])):
        assert (asked.status_code, asked.content) == (
            404,
            client.get("/calendars/feeds/x.ics").content,
        )
    assert (
        Subscription.objects.filter(owner=staff_member).count() == 1
    )  # kept: given back with the group
    staff_member.groups.add(Group.objects.get(name=STAFF))
    assert client.get(url).status_code == 200
    # The permission held in person, or as a superuser, counts as from a group.
    staff_member.groups.clear()
    staff_member.user_permissions.add(Permission.objects.get(codename="view_visit"))
    assert client.get(url).status_code == 200
    staff_member.user_permissions.clear()
    staff_member.is_superuser = True
    staff_member.save()
    assert client.get(url).status_code == 200


def test_my_engagements_are_those_i_lead_host_am_assigned_to_or_follow(
    client, staff_member, officer
):
    led = engagement(lead_officer=staff_member)
    followed = engagement()
    followed.visit.followers.add(staff_member)
    assigned = engagement()
    assigned.assigned_staff.add(staff_member)
    hosted = engagement()
    hosted.hosts.add(HostFactory(user=staff_member))
    engagement(lead_officer=officer)  # someone else's
    url = subscribe(client, staff_member, scope="mine")
    expected = {str(e.uid) for e in (led, followed, assigned, hosted)}
    seen = client.get(url)
    assert uids(seen) == expected
    followed.visit.followers.remove(staff_member)  # no engagement row moves
    now = client.get(url, HTTP_IF_NONE_MATCH=seen["ETag"])
    assert now.status_code == 200 and uids(now) == expected - {str(followed.uid)}


def test_a_room_feed_shows_that_room(client, staff_member):
    salon = VenueFactory(name="Salon des Arcades")
    here = EngagementFactory(visit=VisitFactory(starts_on=SOON), venue=salon)
    engagement()  # elsewhere
    url = subscribe(client, staff_member, scope="venue", venue=salon.pk)
    assert uids(client.get(url)) == {str(here.uid)}


def test_a_304_costs_the_token_and_one_query(client, staff_member, django_assert_num_queries):
    engagement()
    url = subscribe(client, staff_member)
    first = client.get(url)
    # The request's savepoint and release; the token (its fetch recorded); the data's state.
    with django_assert_num_queries(4):
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"]
    assert again["Last-Modified"] == first["Last-Modified"]
    with django_assert_num_queries(4):
        since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_the_public_304_costs_one_query(client, django_assert_num_queries):
    engagement()
    first = client.get("/calendars/public.ics")
    with django_assert_num_queries(3):  # savepoint, the data's state, release
        assert (
            client.get("/calendars/public.ics", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        )


@pytest.mark.parametrize("count", [1, 3])
def test_a_personal_feed_reads_a_fixed_number_of_queries(
    client, staff_member, django_assert_num_queries, count
):
    for _ in range(count):
        engagement()
    url = subscribe(client, staff_member)
    # Savepoint and release; the token; the data's state; the owner and their permissions
    # (user's and groups'); the feed's rows; the events not yet rendered, with their hosts and
    # principal guests.
    with django_assert_num_queries(11):
        body = client.get(url).content
    assert body.count(b"BEGIN:VEVENT") == count


@pytest.mark.parametrize("count", [1, 3])
def test_my_calendars_reads_a_fixed_number_of_queries(
    client, staff_member, django_assert_num_queries, count
):
    for n in range(count):
        subscribe(client, staff_member, scope="venue", venue=VenueFactory().pk, name=f"Salle {n}")
    client.force_login(staff_member)
    # Savepoint and release; session and user; permissions (user's and groups'); the feeds
    # with their rooms; the rooms for the form.
    with django_assert_num_queries(8):
        assert client.get(PAGE).status_code == 200


def test_a_change_anywhere_moves_last_modified_and_never_back(client):
    kept = engagement()
    gone = engagement()
    first = data_state()
    services.reschedule_engagement(
        kept,
        by=None,
        starts_at=kept.starts_at + timedelta(hours=2),
        ends_at=kept.ends_at + timedelta(hours=2),
    )
    moved = data_state()
    assert moved.last_change > first.last_change and moved.key != first.key
    services.delete_engagement(gone, by=None)  # tentative: deleted, not cancelled
    deleted = data_state()
    assert deleted.last_change > moved.last_change and deleted.key != moved.key


def test_an_engagement_leaving_the_window_moves_last_modified():
    old = EngagementFactory(
        visit=VisitFactory(starts_on=timezone.localdate() - timedelta(days=80)),
    )
    before = data_state()
    left = old.ends_at.astimezone(UTC) + timedelta(days=90)  # out of the 90-day window
    after = data_state(left + timedelta(minutes=1))
    assert after.key != before.key
    assert after.last_change == left > before.last_change


@pytest.mark.parametrize("scope", ["mine", "visible", "venue", "public"])
def test_every_feed_reads_alike_in_every_parser(client, staff_member, scope):
    salon = VenueFactory()
    engagements = [
        EngagementFactory(
            visit=VisitFactory(starts_on=day.date(), lead_officer=staff_member),
            venue=salon,
            starts_at=day,
            ends_at=day + timedelta(hours=1),
            title_fr="Dîner, salon; étage\nsuite",
        )
        for day in (
            datetime(2027, 3, 28, 1, 30, tzinfo=UTC),  # 03:30, after the spring change
            datetime(2027, 10, 31, 0, 30, tzinfo=UTC),  # the first 02:30 of the autumn
            datetime(2027, 10, 31, 1, 30, tzinfo=UTC),  # and the second
            datetime(2027, 7, 6, 8, tzinfo=UTC),
        )
    ]
    fields = {"venue": salon.pk} if scope == "venue" else {}
    body = client.get(subscribe(client, staff_member, scope=scope, **fields)).content
    expected = {f"{e.uid}@protocol": e.starts_at for e in engagements}
    assert events_by_parser(body) == dict.fromkeys(PARSERS, expected)
    client.force_login(staff_member)
    one = client.get(reverse("calendars:engagement", args=[engagements[1].uid])).content
    first = {f"{engagements[1].uid}@protocol": engagements[1].starts_at}
    assert events_by_parser(one) == dict.fromkeys(PARSERS, first)


def test_a_feed_name_with_a_line_break_is_refused_beside_it(client, staff_member):
    client.force_login(staff_member)
    response = client.post(PAGE, {"name": "Tout\r\nX-Evil: 1", "scope": "visible"})
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "name": ["Écrivez ce texte sur une seule ligne\u00a0: le saut de ligne n’y est pas admis."]
    }
    assert not Subscription.objects.exists()
