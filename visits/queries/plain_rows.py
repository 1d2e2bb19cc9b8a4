"""Model instances made from the columns of a `values_list` row, as Django's `from_db` makes
them but without `Model.__init__` (its signals and a descriptor call per field): a banquet
reads 600 attendances and their guests, and their construction took more of the Ceremony page
than the query. The instances are ordinary ones (saved state, `refresh_from_db`, deferred
fields loaded on access); only models whose columns are stored as read qualify, which
`columns` checks."""

from django.db import DEFAULT_DB_ALIAS
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query_utils import DeferredAttribute
from django_countries.fields import CountryDescriptor

# Descriptors that keep a column's value in the instance's __dict__ as read (a single-country
# field keeps its code, a string); exactly these: a file's descriptor, for one, derives from
# DeferredAttribute and wraps the value.
AS_READ = (DeferredAttribute, ForeignKeyDeferredAttribute, CountryDescriptor)


def columns(model, leaving=()) -> tuple[str, ...]:
    """The attribute names of `model`'s columns, without the fields named in `leaving`."""
    names = []
    for field in model._meta.concrete_fields:
        if field.name in leaving:
            continue
        descriptor = model.__dict__.get(field.attname)
        if type(descriptor) not in AS_READ or getattr(field, "multiple", False):
            raise TypeError(f"{model.__name__}.{field.name} is not stored as read")
        names.append(field.attname)
    return tuple(names)


def instance(model, names: tuple[str, ...], values, db: str = DEFAULT_DB_ALIAS):
    """`model` with `names` set to `values`, as read from database `db`."""
    made = model.__new__(model)
    made.__dict__.update(zip(names, values, strict=True))
    state = ModelState()
    state.adding, state.db = False, db
    made._state = state
    return made
