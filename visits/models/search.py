"""Search that ignores accents and case: "kovac" finds Kovač, "FRANCOIS" François.

One SQL function, `visits_fold(text)`, lower-cases and strips accents on both databases: on
PostgreSQL an IMMUTABLE wrapper of `unaccent` (migration 0017; unaccent itself is only STABLE,
so it cannot be indexed), on SQLite (`make run`) the Python `fold` below, registered on each
new connection. Two lookups render it:

- `field__matches="kovac"` on any CharField or TextField: `visits_fold(field) LIKE
  visits_fold('%kovac%')`, the very expression 0017's trigram indexes hold, so they serve it;
- `pk__matches="kovac"` on the models searched across several columns and tables (visits
  by their guests' names, ...): the keys of the rows that match on any of them, one indexed
  scan each (`SEARCHED`). An OR across a join cannot use the indexes: PostgreSQL then folds
  every row of every table, 100 ms at 20 years of visits against 10 ms this way.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import CharField, Lookup, Q, TextField

from visits.folding import fold

FOLD = "visits_fold"


def register_fold(sender, connection, **kwargs):
    """On SQLite, `visits_fold` is this Python function (connection_created's receiver);
    PostgreSQL has it from the migration."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(FOLD, 1, fold, deterministic=True)


class Matches(Lookup):
    """The field contains `rhs`, accents and case aside."""

    lookup_name = "matches"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        pattern = f"%{connection.ops.prep_for_like_query(str(self.rhs))}%"
        escape = " ESCAPE '\\'" if connection.vendor == "sqlite" else ""  # PostgreSQL's default
        return f"{FOLD}({lhs}) LIKE {FOLD}(%s){escape}", [*params, pattern]


class MatchesAcross(Lookup):
    """`pk__matches`: the row matches `rhs` on any of its model's `SEARCHED` paths."""

    lookup_name = "matches"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        model = self.lhs.output_field.model
        # One scan a table: an OR over one table's columns is one BitmapOr of their indexes.
        by_table = {}
        for path in SEARCHED[model._meta.label]:
            relation = path.rpartition("__")[0]
            by_table[relation] = by_table.get(relation, Q()) | Q(**{f"{path}__matches": self.rhs})
        arms = [model._base_manager.filter(q).values("pk").order_by() for q in by_table.values()]
        found = arms[0].union(*arms[1:], all=True) if len(arms) > 1 else arms[0]
        sql, params = compiler.compile(found.query.resolve_expression(query=compiler.query))
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} IN {sql}", [*lhs_params, *params]


class AnyOf(Lookup):
    """`pk__any_of=[keys]`: `pk IN (...)` as one array parameter on PostgreSQL.

    A search's keys are read once and filter the list's later queries (its page, count and
    date hierarchy); a few hundred keys as that many parameters cost more to write, send
    and parse than the queries take to run."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        keys = list(self.rhs)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*params, keys]
        if not keys:
            raise EmptyResultSet
        return f"{lhs} IN ({', '.join(['%s'] * len(keys))})", [*params, *keys]


# What `pk__matches` looks in, per model; each path ends on a column that 0017 indexes.
SEARCHED = {
    "visits.Visit": ["reference", "occasion_fr", "occasion_en", "notes", "guests__name"],
    "visits.Engagement": [
        "title_fr",
        "title_en",
        "location",
        "visit__reference",
        "visit__occasion_fr",
        "visit__occasion_en",
    ],
}


def register_lookups():
    from django.apps import apps

    CharField.register_lookup(Matches)
    TextField.register_lookup(Matches)
    for label in SEARCHED:
        apps.get_model(label)._meta.pk.register_lookup(MatchesAcross)
        apps.get_model(label)._meta.pk.register_lookup(AnyOf)
