"""Guests, rooms and hosts: the records a visit is planned with.

Calendar entries name an engagement's room, hosts and principal guests, so renaming one bumps
the sequence of the engagements that show it (RFC 5545: clients then fetch them again).
"""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from visits.models import Engagement, Guest, Host, Venue
from visits.queries.door import may_see
from visits.services.attribution import authorize
from visits.services.calendars import tell_calendars_of
from visits.services.errors import Conflict, RuleBroken

GUEST_FIELDS = (
    "kind",
    "name",
    "sort_name",
    "category",
    "title_fr",
    "title_en",
    "country",
    "city",
    "gender",
    "salutation_fr",
    "salutation_en",
    "envelope_fr",
    "envelope_en",
    "closing_fr",
    "closing_en",
    "address_style",
    "language",
    "born_on",
    "diplomatic_class",
    "functions_taken_up_at",
    "military",
    "spouse",
    "deceased",
    "notes",
)
VENUE_FIELDS = ("name", "building", "gender", "capacity", "turnover_minutes", "notes", "is_active")
# `user`: the host's account, set in the admin only.
HOST_FIELDS = (
    "name",
    "office_fr",
    "office_en",
    "gender",
    "precedence",
    "email",
    "is_active",
    "user",
    "person",
)

# What a calendar entry shows of each, and the engagements showing it.
SHOWN = {
    Guest: (("name", "title_fr", "title_en"), "visit__participants__guest"),
    Venue: (("name", "building"), "venue"),
    Host: (("name", "office_fr", "office_en", "precedence"), "hosts"),  # precedence: the order
}
FIELDS = {Guest: GUEST_FIELDS, Venue: VENUE_FIELDS, Host: HOST_FIELDS}
# Why a record that visits or honours name is kept (a host's refusal says it itself:
# visits.models.places.keep_hosts_who_have_received).
KEPT = {
    Guest: gettext_lazy(
        "A guest who is in a visit's delegation or has an honour stays in the record."
    ),
    Venue: gettext_lazy("A room that has been booked stays in the record: mark it as not in use."),
}


@transaction.atomic
def create_record(model, *, by, **fields):
    """A new guest, venue or host."""
    refuse_unknown(model, fields)
    authorize(by, f"visits.add_{model._meta.model_name}")
    record = model(**fields)
    validate_and_save(record)
    return record


@transaction.atomic
def update_record(record, *, by, precondition=None, **changes):
    """Change a guest, venue or host; a guest must be one `by` may see.
    `precondition(current)`, if given, runs once the row is locked (the API's If-Match)."""
    model = type(record)
    refuse_unknown(model, changes)
    authorize(by, f"visits.change_{model._meta.model_name}")
    if set(changes) & set(SHOWN[model][0]):
        lock_showing(record)
    current = model.objects.select_for_update().get(pk=record.pk)
    if by is not None and model is Guest and not may_see(by, current):
        raise PermissionDenied(f"{by} may not see guest {current.pk}")
    if precondition is not None:
        precondition(current)
    changed = write_changed(current, changes)
    if set(changed) & set(SHOWN[model][0]):
        tell_calendars(current)
    return current


@transaction.atomic
def delete_record(record, *, by) -> None:
    """Delete a guest, room or host that no visit, engagement or honour names."""
    model = type(record)
    authorize(by, f"visits.delete_{model._meta.model_name}")
    current = model.objects.select_for_update().get(pk=record.pk)
    if by is not None and model is Guest and not may_see(by, current):
        raise PermissionDenied(f"{by} may not see guest {current.pk}")
    try:
        with transaction.atomic():
            current.delete()
    except ProtectedError as error:
        raise RuleBroken(str(KEPT.get(model, error.args[0]))) from error


def showing(record):
    shown, lookup = SHOWN[type(record)]
    return Engagement.objects.filter(**{lookup: record}).values("pk")


def lock_showing(record) -> None:
    """The engagements that show `record`, locked before it is (the lock order is visit,
    engagement, room, hosts, guests)."""
    list(Engagement.objects.select_for_update().filter(pk__in=showing(record)).order_by("pk"))


def tell_calendars(record) -> None:
    """The engagements that show `record` changed for calendars: their sequence moves."""
    tell_calendars_of(Engagement.objects.filter(pk__in=showing(record)))


def beside_fields(record, error: ValidationError) -> dict:
    """A constraint's error goes beside the field its `violation_error_code` names."""
    names = {field.name for field in record._meta.fields}
    placed: dict[str, list] = {}
    for field, problems in error.error_dict.items():
        for problem in problems:
            beside = problem.code if field == NON_FIELD_ERRORS and problem.code in names else field
            placed.setdefault(beside, []).append(problem)
    return placed


def refuse_unknown(model, fields, allowed=None) -> None:
    """A programming error, not bad input: callers pass only the fields a service writes."""
    unknown = set(fields) - set(allowed or FIELDS[model])
    if unknown:
        raise TypeError(f"Not a {model._meta.model_name} field: {', '.join(sorted(unknown))}")


def write_changed(current, changes: dict) -> list[str]:
    """Writes and checks those of `changes` that change something (none: nothing is saved);
    returns their names."""
    changed = [name for name, value in changes.items() if getattr(current, name) != value]
    if changed:
        for name in changed:
            setattr(current, name, changes[name])
        validate_and_save(current)
    return changed


def validate_and_save(record) -> None:
    try:
        record.full_clean()
    except ValidationError as error:
        raise RuleBroken(beside_fields(record, error)) from error
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError as error:
        # A twin written by another request since full_clean looked.
        message = _("Another record with these details was saved at the same time.")
        raise Conflict({NON_FIELD_ERRORS: [message]}) from error
