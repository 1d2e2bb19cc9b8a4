"""The protocol office's lists with years of history, against the admin's own index page.

The index page renders the same admin chrome, session and permission checks with no list, so a
ratio says what the list itself costs. Pages are measured in turns (one request of each, then
again) so that a noisy moment of the machine falls on all of them alike.
"""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

BASELINE = ("admin index (baseline)", "/admin/")
PAGES = [
    ("visits list", "/admin/visits/visit/"),
    ("visits list, search by guest", "/admin/visits/visit/?q=Rossi"),
    # Lower case and no accents: finds the García and the Lucía García of the synthetic years.
    ("visits list, search without accents", "/admin/visits/visit/?q=garcia"),
    ("visits list, search a full name", "/admin/visits/visit/?q=lucia+garcia"),
    ("visits list, filtered by status", "/admin/visits/visit/?status__exact=held"),
    ("engagements list", "/admin/visits/engagement/"),
    ("guests list", "/admin/visits/guest/"),
    ("honorary citizenships list", "/admin/visits/honorarycitizenship/"),
]


def query_count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)  # read now: the next request clears the connection's log


def run(user, repeat: int, extra_pages=()) -> list[tuple[str, float, float, int]]:
    """(page, median seconds, ratio to the baseline, queries) for the baseline and each page."""
    client = Client()
    client.force_login(user)
    pages = [BASELINE, *PAGES, *extra_pages]
    queries = {url: query_count(client, url) for _, url in pages}  # also warms caches
    samples = {url: [] for _, url in pages}
    for _ in range(repeat):
        for _, url in pages:
            start = time.perf_counter()
            client.get(url)
            samples[url].append(time.perf_counter() - start)
    base = statistics.median(samples[BASELINE[1]])
    return [
        (
            name,
            statistics.median(samples[url]),
            statistics.median(samples[url]) / base,
            queries[url],
        )
        for name, url in pages
    ]
