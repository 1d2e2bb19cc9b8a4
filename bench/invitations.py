"""The office's invitations page of a reception of 5,000 invitees (issue 17), against the admin
index measured in turns in the same run, and its queries for 50 invitees too: the goal is the
same number whatever the number of invitees (the page shows the list 100 at a time, with the
replies' counts, the whole waiting list, the needs and the representatives).

The receptions are written with bulk inserts, the replies as the services would leave them
(accepted within the room's 4,000 places, the others waiting in order, declined, or not yet
replied; some with a companion, a representative or needs), inside one transaction rolled back
at the end."""

import random
import statistics
import time
from collections import namedtuple
from datetime import timedelta

from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bench.admin_lists import BASELINE
from bench.ceremony import counted, rolled_back
from visits.models import AddressCard, Engagement, Guest, Invitation, Venue, Visit
from visits.models.invitations import ReplyState

LARGE, SMALL = 5000, 50
CAPACITY_SHARE = 0.8  # the room holds 4,000 of 5,000

Row = namedtuple("Row", "key work seconds ratio queries")


def new_reception(label: str, capacity: int, days_ahead: int) -> Engagement:
    """A reception in a visit and a room of its own, `days_ahead` from now."""
    starts = timezone.now().replace(microsecond=0) + timedelta(days=days_ahead)
    visit = Visit.objects.create(
        kind="state_visit",
        status="confirmed",
        occasion_fr=f"Banc d'essai : {label}",
        occasion_en=f"Benchmark: {label}",
        starts_on=timezone.localdate(starts),
    )
    room = Venue.objects.create(name=f"Salle des Fêtes ({label})", capacity=capacity)
    return Engagement.objects.create(
        visit=visit,
        kind="reception",
        title_fr="Réception",
        title_en="Reception",
        venue=room,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        status="confirmed",
    )


def reception(size: int) -> Engagement:
    rng = random.Random(f"reception-{size}")  # noqa: S311 (made-up data, the same each run)
    engagement = new_reception(f"réception de {size}", int(size * CAPACITY_SHARE), 60)
    room, starts = engagement.venue, engagement.starts_at
    guests = Guest.objects.bulk_create(
        Guest(name=f"Invité {size}-{n:05}", sort_name=f"Invité {size}-{n:05}") for n in range(size)
    )
    invitations, places, queued = [], 0, 0
    for guest in guests:
        draw = rng.random()
        invitation = Invitation(
            engagement=engagement, guest=guest, companion_allowed=True, transferable=True
        )
        if draw < 0.85:
            invitation.with_companion = rng.random() < 0.2
            invitation.represented = rng.random() < 0.05
            invitation.representative_name = "Représentant" if invitation.represented else ""
            if places + invitation.places <= room.capacity:
                invitation.state, places = ReplyState.ACCEPTED, places + invitation.places
            else:
                queued += 1
                invitation.state, invitation.queued = ReplyState.WAITING, queued
            invitation.replied_at = starts - timedelta(days=10)
        elif draw < 0.95:
            invitation.state, invitation.replied_at = ReplyState.DECLINED, starts
        invitations.append(invitation)
    Invitation.objects.bulk_create(invitations)
    AddressCard.objects.bulk_create(
        AddressCard(guest=guest, dietary_needs="Végétarien")
        for guest in rng.sample(guests, size // 20)
    )
    return engagement


def run(admin, repeat: int) -> tuple[list[Row], dict]:
    return rolled_back(measure, admin, repeat)


def measure(admin, repeat: int):
    started = time.perf_counter()
    large, small = reception(LARGE), reception(SMALL)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE visits_invitation, visits_guest, visits_addresscard")
    facts = {"built_seconds": time.perf_counter() - started}
    client = Client()
    client.force_login(admin)
    pages = {
        "page": reverse("staff:invitations", args=[large.uid]),
        "page_small": reverse("staff:invitations", args=[small.uid]),
    }
    queries = {"baseline": counted(client, BASELINE[1])}
    queries |= {key: counted(client, url) for key, url in pages.items()}
    facts["waiting"] = Invitation.objects.filter(engagement=large, state="waiting").count()
    works = {"baseline": lambda: client.get(BASELINE[1]), "page": lambda: client.get(pages["page"])}
    samples = {key: [] for key in works}
    for _round in range(repeat):
        for key, work in works.items():
            start = time.perf_counter()
            work()
            samples[key].append(time.perf_counter() - start)
    base = statistics.median(samples["baseline"])
    rows = [
        Row(
            key,
            label,
            statistics.median(samples[key]),
            statistics.median(samples[key]) / base,
            queries[key],
        )
        for key, label in (
            ("baseline", BASELINE[0]),
            ("page", f"invitations page ({LARGE})"),
        )
    ]
    rows.append(
        Row("page_small", f"invitations page ({SMALL}), queries", None, None, queries["page_small"])
    )
    return rows, facts


def goals(rows: list[Row]) -> list[tuple[str, bool]]:
    by = {row.key: row for row in rows}
    large, small = by["page"].queries, by["page_small"].queries
    return [
        (
            f"the invitations page's queries the same for {SMALL} and {LARGE} invitees: "
            f"{small} and {large}",
            small == large,
        )
    ]
