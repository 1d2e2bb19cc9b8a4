"""What the public pages' cache key is made of: everything that can change what they show."""

from django.db import connection
from django.utils import timezone

STATE = """
SELECT (SELECT version FROM visits_publicstate WHERE id = 1),
       (SELECT max(embargo_until) FROM visits_visit
         WHERE embargo_until IS NOT NULL AND embargo_until <= %s)
"""


def public_state() -> str:
    """The version that triggers move on every write to a table the pages read, the latest
    embargo lifted and today's date (past visits become "received" at midnight): one query,
    on indexes only."""
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(STATE, [now])
        version, embargo_lifted = cursor.fetchone()
    return f"{version}|{embargo_lifted}|{timezone.localdate(now)}"
