"""What the public pages' cache key is made of: everything that can change what they show."""

from django.db import connection
from django.utils import timezone

STATE = """
SELECT state.epoch, state.version,
       (SELECT max(embargo_until) FROM visits_visit
         WHERE embargo_until IS NOT NULL AND embargo_until <= %s)
FROM (SELECT 1 AS id) AS one LEFT JOIN visits_publicstate AS state ON state.id = one.id
"""


def public_state(now=None) -> str:
    """The version that triggers move at every commit that writes a table the pages read (with
    the epoch of its row), the latest embargo lifted and today's date (past visits become
    "received" at midnight): one query, on indexes only."""
    now = now or timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(STATE, [now])
        epoch, version, embargo_lifted = cursor.fetchone()
    return f"{epoch}:{version}|{embargo_lifted}|{timezone.localdate(now)}"
