from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def restore_public_state_triggers(using, **kwargs):
    """SQLite drops a table's triggers when a migration rebuilds the table: put them back."""
    from django.db import connections

    from visits.models.public_state import WATCHED, install_triggers

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    tables = connection.introspection.table_names()
    if "visits_publicstate" in tables:  # of the watched tables, those migrated so far
        install_triggers(connection, [table for table in WATCHED if table in tables])


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Visits and protocol")

    def ready(self):
        from visits import checks  # noqa: F401 (registers the system checks)
        from visits.logs import REPLY_LINK, hide_secret_paths
        from visits.models.search import register_fold, register_lookups

        post_migrate.connect(restore_public_state_triggers, sender=self)
        # Search ignores accents and case (`field__matches`), on SQLite as on PostgreSQL.
        register_lookups()
        connection_created.connect(register_fold)
        hide_secret_paths(REPLY_LINK)
