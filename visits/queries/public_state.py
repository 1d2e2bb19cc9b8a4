"""What the public pages' cache key is made of: everything that can change what they show.

The version that database triggers move at every commit writing a table the pages read (with
the epoch of its row), the latest embargo lifted, and today's date (past visits become
"received" at midnight). On PostgreSQL each process also listens for the notice the trigger
sends at commit (`state_watch`), and meanwhile answers from what it last read, without a
query: until a notice, the next embargo to lift, a lost listener, or the maximum age of what
it knows (the listener's heartbeat renews it).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.utils import timezone

from visits.queries import state_watch

STATE = """
SELECT state.epoch, state.version,
       (SELECT max(embargo_until) FROM visits_visit
         WHERE embargo_until IS NOT NULL AND embargo_until <= %(now)s),
       (SELECT min(embargo_until) FROM visits_visit WHERE embargo_until > %(now)s)
FROM (SELECT 1 AS id) AS one LEFT JOIN visits_publicstate AS state ON state.id = one.id
"""


@dataclass(frozen=True)
class Read:
    state: str
    next_lift: datetime | None  # the read holds until then

    def holds_at(self, now) -> bool:
        return self.next_lift is None or now < self.next_lift


def read_state(now) -> Read:
    """One query, on indexes only."""
    with connection.cursor() as cursor:
        cursor.execute(STATE, {"now": now})
        epoch, version, embargo_lifted, next_lift = cursor.fetchone()
    return Read(f"{epoch}:{version}|{embargo_lifted}", next_lift)


def public_state(now=None) -> str:
    now = now or timezone.now()
    watch = state_watch.current()
    read = watch.kept(now) if watch else None
    if read is None:
        ticket = watch.ticket() if watch else None
        read = read_state(now)
        if watch:
            watch.keep(read, ticket)
    return f"{read.state}|{timezone.localdate(now)}"
