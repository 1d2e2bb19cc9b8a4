from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

# unaccent() is STABLE (its dictionary could change), so no index may hold it: this wrapper
# names the dictionary and says IMMUTABLE. Schema-qualified, so that it reads the same under
# any search_path (a restore, autovacuum). SQLite gets the same function in Python
# (visits/models/search.py).
FOLD = """
CREATE OR REPLACE FUNCTION public.visits_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$
"""

# The columns that `__matches` searches (visits/models/search.py, the admin, the API and the
# public list). A trigram index serves LIKE '%word%' on exactly this expression.
FOLDED = {
    "visits_visit": ["reference", "occasion_fr", "occasion_en", "notes"],
    "visits_guest": ["name", "sort_name", "title_fr", "title_en", "city"],
    "visits_engagement": ["title_fr", "title_en", "location"],
}


def index_name(table: str, column: str) -> str:
    return f"{table}_{column}_folded"


def create_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FOLD)
    for table, columns in FOLDED.items():
        for column in columns:
            schema_editor.execute(
                f"CREATE INDEX {index_name(table, column)} ON {table} "
                f"USING gin (visits_fold({column}) gin_trgm_ops)"
            )
    # The planner's statistics of the new expressions: without them it guesses a row or two
    # and joins the matches badly until autovacuum next analyses the tables.
    schema_editor.execute(f"ANALYZE {', '.join(FOLDED)}")


def drop_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in FOLDED.items():
        for column in columns:
            schema_editor.execute(f"DROP INDEX IF EXISTS {index_name(table, column)}")
    schema_editor.execute("DROP FUNCTION IF EXISTS public.visits_fold(text)")


class Migration(migrations.Migration):
    """Search ignores accents and case, served by trigram indexes (PostgreSQL only: the
    extensions' operations do nothing on SQLite)."""

    dependencies = [("visits", "0016_office_unlocks_sign_ins")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(create_search, drop_search),
    ]
