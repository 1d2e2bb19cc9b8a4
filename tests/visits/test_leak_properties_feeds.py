"""The leak properties, in calendar feeds: the public feed and every personal feed of every
viewer, of every scope, show what the rules allow and nothing else (DESIGN.md, decision 1); a
room's feed shows what its owner may not see as busy blocks, time only. A visit withdrawn
stays in public feeds, marked cancelled, only if the public saw it: generated histories,
written through the services, with embargoes lifting between their steps, are held to an
oracle written here from the rules (issue 14)."""

import pytest
from django.utils import timezone
from hypothesis import example, given, settings

from tests.visits.leak_histories import (
    WITHDRAWN,
    HistorySpec,
    Step,
    histories,
    in_public_feeds,
    live_through,
)
from tests.visits.leak_world import (
    BUSY_BLOCK,
    EXAMPLES,
    FEED_SCOPES,
    PROPERTY,
    feed_addresses,
    feed_events,
    leaks,
    pks,
    rolled_back,
    scenarios,
    seed,
    sees,
    split,
    uid_of,
)
from visits.models import Engagement

pytestmark = pytest.mark.django_db

PUBLIC = "/calendars/public.ics?lang=en"
TOLD = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE"}  # anything else: CANCELLED


def read(client, address):
    """The response, its text (lines unfolded, so a token cannot hide across a fold) and its
    events by UID."""
    response = client.get(address)
    text = response.content.replace(b"\r\n ", b"").decode()
    events = feed_events(response.content) if response.status_code == 200 else {}
    return response, text, events


def engagements_of(events) -> set[str]:
    return {uid for uid in events if not uid.startswith("busy-")}


def blocks_of(events) -> list:
    return sorted((e.start, e.summary) for uid, e in events.items() if uid.startswith("busy-"))


def expected_in(scope, viewer, rows, world):
    """(shown, hidden) of a personal feed of `scope` owned by `viewer`."""
    if scope == "public":  # as the public sees it, whoever owns it
        return split(rows, world.viewer("anonymous"))
    shown, hidden = split(rows, viewer)
    if scope == "mine":  # of the visits drawn as led, the lead officer's
        return [row for row in shown if row.spec.led and viewer.leads], hidden
    return shown, hidden  # everything they may see; one room (all rows share it)


@PROPERTY
@given(specs=scenarios)
def test_every_feed_shows_only_what_the_rules_allow(world, specs):
    client = world.clients["anonymous"]  # a calendar application: no session
    with rolled_back():
        rows = seed(world, specs)
        addresses = feed_addresses(world)
        shown, hidden = split(rows, world.viewer("anonymous"))
        response, text, events = read(client, PUBLIC)
        assert response.status_code == 200
        assert engagements_of(events) == {uid_of(row) for row in shown}
        assert leaks(text, hidden) == [] and blocks_of(events) == []
        for viewer in world.viewers:
            for scope in FEED_SCOPES if viewer.user.is_authenticated else ():
                response, text, events = read(client, addresses[viewer.name, scope])
                where = (viewer.name, scope)
                if not viewer.staff_member:  # switched off, or in no group: as if revoked
                    assert response.status_code == 404, where
                    assert leaks(text, rows) == [], where
                    continue
                shown, hidden = expected_in(scope, viewer, rows, world)
                assert response.status_code == 200, where
                assert engagements_of(events) == {uid_of(row) for row in shown}, where
                assert leaks(text, hidden) == [], where
                busy = [row for row in hidden if row.live] if scope == "venue" else []
                expected_blocks = sorted((row.engagement.starts_at, BUSY_BLOCK) for row in busy)
                assert blocks_of(events) == expected_blocks, where


# The case: announced under an embargo, cancelled, the embargo lifting afterwards.
CANCELLED_UNDER_EMBARGO = HistorySpec(
    confidentiality="public",
    status="confirmed",
    embargo=2,  # lifts half an hour after the second step
    led=False,
    hour=9,
    steps=(Step(kind="move", move=2),),  # confirmed → cancelled, at the first step
)


@settings(PROPERTY, max_examples=2 * EXAMPLES)
@given(specs=histories)
@example(specs=[CANCELLED_UNDER_EMBARGO])
def test_a_withdrawn_visit_stays_in_public_feeds_only_if_the_public_saw_it(world, specs):
    client = world.clients["anonymous"]
    with rolled_back():
        start = timezone.now()
        lived = live_through(world, specs, start)
        addresses = feed_addresses(world)
        now = timezone.now()
        rows = [one.row for one in lived]
        public = [one.row for one in lived if in_public_feeds(one, now)]
        unseen = [row for row in rows if row not in public]

        door = Engagement.objects.visible_to(None, now, withdrawn=True)
        ours = pks(row.engagement for row in rows)
        assert set(door.values_list("pk", flat=True)) & ours == pks(r.engagement for r in public)

        owners = [viewer for viewer in world.viewers if viewer.staff_member]
        public_feeds = [PUBLIC, *(addresses[viewer.name, "public"] for viewer in owners)]
        for address in public_feeds:
            response, text, events = read(client, address)
            assert response.status_code == 200, address
            assert engagements_of(events) == {uid_of(row) for row in public}, address
            assert leaks(text, unseen) == [], address
            for row in public:  # a withdrawn visit's programme is told as cancelled
                told = events[uid_of(row)].status
                assert told == TOLD.get(row.spec.engagement_status, "CANCELLED"), address
                assert told == "CANCELLED" or row.spec.status not in WITHDRAWN, address
        for viewer in owners:
            response, text, events = read(client, addresses[viewer.name, "visible"])
            shown = [row for row in rows if sees(viewer, row.spec)]
            hidden = [row for row in rows if row not in shown]
            assert engagements_of(events) == {uid_of(row) for row in shown}, viewer.name
            assert leaks(text, hidden) == [], viewer.name
        response, text, _events = read(client, addresses["nogroup", "public"])
        assert response.status_code == 404 and leaks(text, rows) == []
