"""The state of what the public pages show, kept by the database itself (migration 0013)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from visits.models.text import validate_one_line

# What the public pages show comes from these tables. A migration that adds one installs its
# triggers (`install_triggers(connection, [table])`): migration 0013 installed the first six.
FIRST_WATCHED = [
    "visits_visit",
    "visits_visitguest",
    "visits_guest",
    "visits_engagement",
    "visits_venue",
    "visits_honorarycitizenship",
]
GOLDEN_BOOK_TABLES = ["visits_goldenbooksignature", "visits_goldenbooksignature_signers"]
AGREEMENT_TABLES = [
    "visits_agreement",
    "visits_agreement_visits",
    "visits_agreement_signatory_hosts",
    "visits_agreement_signatory_guests",
    "visits_agreementtext",
]
GIFT_TABLES = ["visits_gift", "visits_giftphoto", "visits_giftregisteroptions"]
# The officials' names on the gifts and agreements pages (migration 0032).
HOST_TABLES = ["visits_host"]
ACTION_TABLES = ["visits_agreementaction"]
# Each list after the first installed by the migration that made its tables (0027, 0029, 0031,
# 0033).
WATCHED = [
    *FIRST_WATCHED,
    *GOLDEN_BOOK_TABLES,
    *AGREEMENT_TABLES,
    *GIFT_TABLES,
    *HOST_TABLES,
    *ACTION_TABLES,
]

# A new row (a first write, or after the row was lost: a truncated table, a restored dump) gets
# a new epoch, so a version counted again from 1 never meets a key of the old count.
NEW_EPOCH = {
    "postgresql": "md5(random()::text || clock_timestamp()::text)",
    "sqlite": "lower(hex(randomblob(16)))",
}


def bump(vendor: str) -> str:
    return (
        "INSERT INTO visits_publicstate (id, version, epoch) "  # noqa: S608 (constants only)
        f"VALUES (1, 1, {NEW_EPOCH[vendor]}) "
        "ON CONFLICT (id) DO UPDATE SET version = visits_publicstate.version + 1"
    )


# The bump is deferred to the commit: it is then seen with the data, never before it, and the
# state row is locked only for the commit's instant (locked at the first write, it would queue
# every writer behind it and deadlock with the venue and host locks taken later). The WHEN
# condition queues one bump per statement, not one per row; at commit, the bumps queued by
# all of a transaction's statements run in one statement, and the first one alone writes.
POSTGRESQL_FUNCTIONS = [
    # True the first time in a statement for this flag: a transaction-local setting holds the
    # statement's start time (undone with a rolled-back savepoint, like the writes it stands
    # for).
    """CREATE OR REPLACE FUNCTION visits_public_state_first(flag text) RETURNS boolean AS $$
BEGIN
  IF current_setting('visits.' || flag, true) IS DISTINCT FROM statement_timestamp()::text THEN
    PERFORM set_config('visits.' || flag, statement_timestamp()::text, true);
    RETURN true;
  END IF;
  RETURN false;
END $$ LANGUAGE plpgsql VOLATILE""",
    f"""CREATE OR REPLACE FUNCTION visits_public_state_bump() RETURNS trigger AS $$
BEGIN
  IF visits_public_state_first('public_state_bumped') THEN
    {bump("postgresql")};
    -- each process serving public pages listens (visits/queries/state_watch.py); the notice
    -- is sent when the transaction commits
    PERFORM pg_notify('visits_public_state', '');
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql""",
]


def trigger_name(table: str) -> str:
    return f"public_state_{table.removeprefix('visits_')}"


def postgresql_triggers(tables) -> list[str]:
    statements = list(POSTGRESQL_FUNCTIONS)
    for table in tables:
        statements += [
            f"CREATE CONSTRAINT TRIGGER {trigger_name(table)} "
            f"AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            "WHEN (visits_public_state_first('public_state_queued')) "
            "EXECUTE FUNCTION visits_public_state_bump()",
            # TRUNCATE fires no row trigger: a statement one, at once (it locks the table anyway).
            f"CREATE TRIGGER {trigger_name(table)}_truncate AFTER TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION visits_public_state_bump()",
        ]
    return statements


def sqlite_triggers(tables) -> list[str]:
    """`make run`: writers take turns anyway. IF NOT EXISTS: SQLite drops a table's triggers
    when a migration rebuilds it, so they are put back after every migrate (visits.apps)."""
    return [
        f"CREATE TRIGGER IF NOT EXISTS {trigger_name(table)}_{event.lower()} "
        f"AFTER {event} ON {table} BEGIN {bump('sqlite')}; END"
        for table in tables
        for event in ("INSERT", "UPDATE", "DELETE")
    ]


def install_triggers(connection, tables=WATCHED) -> None:
    statements = {"postgresql": postgresql_triggers, "sqlite": sqlite_triggers}
    if connection.vendor not in statements:
        raise NotImplementedError(f"No public state triggers for {connection.vendor}.")
    with connection.cursor() as cursor:
        for statement in statements[connection.vendor](tables):
            cursor.execute(statement)


def remove_triggers(connection, tables=WATCHED, *, functions: bool = True) -> None:
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql":
                for suffix in ("", "_truncate"):
                    name = trigger_name(table) + suffix
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            else:
                for event in ("insert", "update", "delete"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {trigger_name(table)}_{event}")
        if connection.vendor == "postgresql" and functions:
            cursor.execute("DROP FUNCTION IF EXISTS visits_public_state_bump()")
            cursor.execute("DROP FUNCTION IF EXISTS visits_public_state_first(text)")


class PublicState(models.Model):
    """One row whose `version` moves whenever anything a public page shows may have changed.

    Database triggers move it, not signals: a service, the admin, a bulk update, an import and
    raw SQL all count.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    version = models.BigIntegerField(default=0)
    epoch = models.CharField(max_length=32, default="", validators=[validate_one_line])

    class Meta:
        verbose_name = _("public data version")

    def __str__(self):
        return f"{self.epoch}:{self.version}"
