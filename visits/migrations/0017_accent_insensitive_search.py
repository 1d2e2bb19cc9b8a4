import unicodedata

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


# Without the unaccent extension (PostgreSQL built without contrib, such as the throwaway
# server `make test` starts when none answers), the same folding as SQLite's (the Python `fold`
# of visits/models/search.py) spelt in plain SQL for the Latin letters: replace() for the
# letters that become two, translate() for the rest. Without pg_trgm, no index: search still
# ignores accents, by reading every row.
TWO_LETTERS = {
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "ß": "ss",
    "ẞ": "ss",
    "þ": "th",
    "Þ": "th",
}
OWN_LETTERS = {"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d"}
OWN_LETTERS |= {"ħ": "h", "Ħ": "h", "ı": "i"}


def folded_letters() -> tuple[str, str]:
    """translate()'s two strings: each accented Latin letter and its bare lower-case one."""
    sources, targets = [], []
    for code in range(0xC0, 0x250):
        letter = chr(code)
        if letter in TWO_LETTERS:
            continue
        bare = (
            OWN_LETTERS.get(letter)
            or "".join(
                c for c in unicodedata.normalize("NFKD", letter) if not unicodedata.combining(c)
            ).lower()
        )
        if len(bare) == 1 and bare != letter:
            sources.append(letter)
            targets.append(bare)
    return "".join(sources), "".join(targets)


def portable_fold() -> str:
    text = "$1"
    for letter, bare in TWO_LETTERS.items():
        text = f"replace({text}, '{letter}', '{bare}')"
    sources, targets = folded_letters()
    return f"""
CREATE OR REPLACE FUNCTION public.visits_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(translate({text}, '{sources}', '{targets}')) $$
"""


def extension(schema_editor, name: str) -> bool:
    """Creates the extension if this server has it; says whether it is there."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = %s", [name])
        if cursor.fetchone() is None:
            return False
    schema_editor.execute(f"CREATE EXTENSION IF NOT EXISTS {name}")
    return True


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
    if not extension(schema_editor, "unaccent"):
        schema_editor.execute(portable_fold())
    elif superuser(schema_editor):
        schema_editor.execute(UNACCENT_C)
        schema_editor.execute(FOLD.format(unaccent="visits_unaccent"))
    else:
        schema_editor.execute(FOLD.format(unaccent="unaccent"))
    if not extension(schema_editor, "pg_trgm"):
        return
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
    """Search ignores accents and case, served by trigram indexes (PostgreSQL only; SQLite
    registers the function on each connection)."""

    dependencies = [("visits", "0016_office_unlocks_sign_ins")]

    operations = [migrations.RunPython(create_search, drop_search)]
