"""The protocol office's lists with years of history, against a trivial page in the same run.

Ratios, not absolute times, are what to compare between runs: the machines are noisy.
"""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

BASELINE = ("healthz (baseline)", "/healthz")
PAGES = [
    ("visits list", "/admin/visits/visit/"),
    ("visits list, search by guest", "/admin/visits/visit/?q=Rossi"),
    ("visits list, filtered by status", "/admin/visits/visit/?status__exact=held"),
    ("engagements list", "/admin/visits/engagement/"),
    ("guests list", "/admin/visits/guest/"),
    ("honorary citizenships list", "/admin/visits/honorarycitizenship/"),
]


def timed(client: Client, url: str, repeat: int) -> tuple[float, int]:
    """Median seconds of `repeat` requests, and the queries of one."""
    client.get(url)  # warm caches and connections
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    query_count = len(queries)  # read now: the next request clears the connection's log
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), query_count


def run(user, repeat: int) -> list[tuple[str, float, float, int]]:
    client = Client()
    client.force_login(user)
    base, base_queries = timed(client, BASELINE[1], repeat)
    rows = [(BASELINE[0], base, 1.0, base_queries)]
    for name, url in PAGES:
        median, queries = timed(client, url, repeat)
        rows.append((name, median, median / base, queries))
    return rows
