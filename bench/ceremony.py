"""The ceremony engine on a banquet of 600 attendees on 60 round tables of 10, against the
admin's index page measured in turns in the same run (as the pages section): the order with
every step's explanation, the order and the seating (the whole `ceremony_plan`), and the
Ceremony page through Django's test client as the admin. The page's queries are counted for a
banquet of 60 too: the goal is the same number whatever the number of attendees.

The banquets are written with bulk inserts (a second), their places kept as the rules propose
them, inside one transaction rolled back at the end: the kept database stays as seeded."""

import statistics
import time
from collections import namedtuple
from contextlib import contextmanager

from django.db import connection, transaction
from django.template.base import Template
from django.test import Client
from django.test.utils import CaptureQueriesContext, _TestState
from django.urls import reverse

from bench.admin_lists import BASELINE
from bench.ceremony_banquet import build
from visits.ceremony.ranking import rank
from visits.queries.ceremony import ceremony_engagements, ceremony_rows
from visits.queries.ceremony_plan import attendees_of, ceremony_plan, occasion_of
from visits.services.ceremony import keep_places

LARGE, SMALL = 600, 60
RATIO_GOAL = 10  # within 10x the admin index (issue 16)

Row = namedtuple("Row", "key work seconds ratio queries")


class Rollback(Exception):
    pass


def real_queries(captured) -> int:
    """Queries of a request, without the savepoint ATOMIC_REQUESTS opens and releases."""
    savepoints = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")
    return sum(1 for q in captured.captured_queries if not q["sql"].startswith(savepoints))


def run(admin, repeat: int) -> tuple[list[Row], dict]:
    return rolled_back(measure, admin, repeat)


def rolled_back(measure, *args):
    """`measure(*args)`'s result, with all it wrote undone and templates rendered as served."""
    try:
        with transaction.atomic(), templates_as_served():
            result = measure(*args)
            raise Rollback
    except Rollback:
        pass
    return result


@contextmanager
def templates_as_served():
    """Templates rendered as in production. The test environment wraps every template's render
    to hand the test client a copy of its context: the Ceremony page of 600 renders some 6,700
    templates (an include per row, one per option of a select), which cost it 40% more under
    the wrapper (1,050 against 740 ms of CPU); the admin index (a few dozen) costs the same."""
    saved = getattr(_TestState, "saved_data", None)
    instrumented = Template._render
    if saved is not None:
        Template._render = saved.template_render
    try:
        yield
    finally:
        Template._render = instrumented


def banquet(admin, size: int):
    """A banquet of `size`, its places kept as the rules propose them (as the office does
    before the day): the page then also checks the kept places against the rules."""
    engagement = build(size, f"{size} attendees")
    engagement = ceremony_engagements(admin).get(pk=engagement.pk)
    seating = ceremony_plan(ceremony_rows(engagement)).seating
    places = {int(seat.key): (seat.table, seat.number) for seat in seating.seats if seat.key}
    keep_places(engagement, places, by=None)
    return ceremony_engagements(admin).get(pk=engagement.pk)


def ranked(engagement):
    """The order with the explanation of each step, as the page shows it."""
    rows = ceremony_rows(engagement)
    ranking = rank(attendees_of(rows).values(), occasion_of(rows))
    return ranking, list(ranking.steps())


def planned(engagement):
    return ceremony_plan(ceremony_rows(engagement))


def measure(admin, repeat: int) -> tuple[list[Row], dict]:
    started = time.perf_counter()
    large, small = banquet(admin, LARGE), banquet(admin, SMALL)
    with connection.cursor() as cursor:  # the planner's statistics, as autovacuum would have
        cursor.execute("ANALYZE visits_guest, visits_officeholding, visits_attendance")
    built = time.perf_counter() - started
    ranking, steps = ranked(large)
    facts = {
        "built_seconds": built,
        "attendees": len(ranking.placed) + len(ranking.unplaced),
        "unplaced": len(ranking.unplaced),
        "steps": len(steps),
        "seated": sum(1 for seat in planned(large).seating.seats if seat.key),
    }
    client = Client()
    client.force_login(admin)
    pages = {
        "page": reverse("staff:ceremony", args=[large.uid]),
        "page_small": reverse("staff:ceremony", args=[small.uid]),
    }
    queries = {"baseline": counted(client, BASELINE[1])}  # also warms what each first pays
    queries |= {key: counted(client, url) for key, url in pages.items()}
    for work in (ranked, planned):
        with CaptureQueriesContext(connection) as captured:
            work(large)
        queries[work.__name__] = len(captured)
    facts["page_bytes"] = len(client.get(pages["page"]).content)

    # In turns, so that a noisy moment of the machine falls on all of them alike.
    works = {
        "baseline": lambda: client.get(BASELINE[1]),
        "ranked": lambda: ranked(large),
        "planned": lambda: planned(large),
        "page": lambda: client.get(pages["page"]),
    }
    samples = {key: [] for key in works}
    for _round in range(repeat):
        for key, work in works.items():
            start = time.perf_counter()
            work()
            samples[key].append(time.perf_counter() - start)
    base = statistics.median(samples["baseline"])
    labels = [
        ("baseline", BASELINE[0]),
        ("ranked", f"ranked, with explanations ({LARGE})"),
        ("planned", f"ranked and seated ({LARGE})"),
        ("page", f"Ceremony page ({LARGE})"),
    ]
    rows = [
        Row(
            key,
            label,
            statistics.median(samples[key]),
            statistics.median(samples[key]) / base,
            queries[key],
        )
        for key, label in labels
    ]
    rows.append(
        Row("page_small", f"Ceremony page ({SMALL}), queries", None, None, queries["page_small"])
    )
    return rows, facts


def counted(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return real_queries(captured)


def goals(rows: list[Row]) -> list[tuple[str, bool]]:
    """The issue's goals, each with whether this run met it."""
    by = {row.key: row for row in rows}
    worst = max(by["ranked"].ratio, by["planned"].ratio, by["page"].ratio)
    large, small = by["page"].queries, by["page_small"].queries
    return [
        (
            f"{LARGE} attendees ranked, seated and on the page within {RATIO_GOAL}x "
            f"the admin index: {worst:.1f}x at most",
            worst <= RATIO_GOAL,
        ),
        (
            f"the page's queries the same for {SMALL} and {LARGE} attendees: {small} and {large}",
            small == large,
        ),
    ]
