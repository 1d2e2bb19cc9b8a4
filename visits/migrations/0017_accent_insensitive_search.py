from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

# unaccent() is STABLE (its dictionary could change), so no index may hold it: the wrappers
# name the dictionary and say IMMUTABLE. Schema-qualified, so that they read the same under
# any search_path (a restore, autovacuum). SQLite gets the same function in Python
# (visits/models/search.py).
#
# A superuser declares unaccent's own C entry point IMMUTABLE: `visits_fold` is then inlined
# and costs what unaccent costs. Otherwise (a managed database) an SQL wrapper, which works
# the same but is called, not inlined: ten times slower on each row an index hands back.
UNACCENT_C = """
CREATE OR REPLACE FUNCTION public.visits_unaccent(regdictionary, text) RETURNS text
LANGUAGE c IMMUTABLE PARALLEL SAFE STRICT AS '$libdir/unaccent', 'unaccent_dict'
"""
FOLD = """
CREATE OR REPLACE FUNCTION public.visits_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.{unaccent}('public.unaccent'::regdictionary, $1)) $$
"""


def superuser(schema_editor) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        return cursor.fetchone()[0]


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
    unaccent = "unaccent"
    if superuser(schema_editor):
        schema_editor.execute(UNACCENT_C)
        unaccent = "visits_unaccent"
    schema_editor.execute(FOLD.format(unaccent=unaccent))
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
    schema_editor.execute("DROP FUNCTION IF EXISTS public.visits_unaccent(regdictionary, text)")


class Migration(migrations.Migration):
    """Search ignores accents and case, served by trigram indexes (PostgreSQL only: the
    extensions' operations do nothing on SQLite)."""

    dependencies = [("visits", "0016_office_unlocks_sign_ins")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(create_search, drop_search),
    ]
