"""A history row's changes as a person reads them, in their language: the field's label, then
what it was and what it became, each value as the form shows it (a status's label, not its
code; a room's full name; a date in the reader's format), never cut short."""

from datetime import date, datetime

from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from visits.dates import date_format

NOTHING = "—"


def change_lines(model, changes) -> list[dict]:
    """[{"field": its label, "old": text, "new": text}] for simple-history's ModelChange rows."""
    lines = []
    for change in changes:
        field = model._meta.get_field(change.field)
        lines.append(
            {
                "field": capfirst(field.verbose_name),
                "old": readable(field, change.old),
                "new": readable(field, change.new),
            }
        )
    return lines


def readable(field, value) -> str:
    if value is None or value == "" or value == []:
        return NOTHING
    if field.many_to_many:  # [{target name: object}, ...]: the linked rows' names
        return ", ".join(str(obj) for row in value for obj in row.values()) or NOTHING
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return date_format(localtime(value), "DATETIME_FORMAT")
    if isinstance(value, date):
        return date_format(value)
    return str(value)
