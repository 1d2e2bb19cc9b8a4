"""A list's rows written by one function per column, chosen once a page.

Django's `items_for_result` works each cell out anew on every row: it looks the column up
(`lookup_field`), tests the field's type, formats through `format_html` and builds the row's
link. At 100 rows of eight columns that is about 0.3 ms a row, most of a searched list's time.
Here each column's way of writing its cell is settled once per page, and a row is those
functions' output joined. The HTML is Django's, cell for cell: tests/admin/test_row_writer.py
compares both on every list of the admin. What this does not know how to write (editable
lists, popups, boolean icons, links to files or URLs) is left to Django, the whole page.
"""

import datetime
import html
from collections.abc import Callable

from django.contrib.admin.templatetags.admin_list import (
    ResultList,
    _boolean_icon,
    _coerce_field_name,
    result_headers,
    result_hidden_fields,
    results,
)
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import (
    FieldIsAForeignKeyColumnName,
    _get_non_gfk_field,
    display_for_value,
    label_for_field,
)
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.constants import LOOKUP_SEP
from django.urls import NoReverseMatch
from django.utils import formats, timezone
from django.utils.dateformat import DateFormat, re_escaped, re_formatchars
from django.utils.formats import get_format
from django.utils.safestring import mark_safe

Cell = Callable[[object], str]

# Django writes these through its own branches (links, JSON, decimals): left to it.
NOT_WRITTEN = (
    models.FileField,
    models.URLField,
    models.JSONField,
    models.DecimalField,
)


class NotWritten(Exception):
    """A column this module leaves to Django."""


class NoWrap(str):
    """A cell's content that Django marks "nowrap" by its value: a date from a method."""


def escape(text) -> str:
    """Django's `escape` (html.escape of the text) without its lazy-string wrapper: 700 calls
    a page."""
    return html.escape(str(text))


def conditional_escape(text) -> str:
    """Django's `conditional_escape`: what is already safe HTML stays as it is."""
    return text.__html__() if hasattr(text, "__html__") else html.escape(str(text))


def boolean_icons() -> dict:
    return {value: str(_boolean_icon(value)) for value in (True, False, None)}


def result_list(cl) -> dict:
    """The context of Django's `result_list` tag, with the rows written here when it can."""
    headers = list(result_headers(cl))
    try:
        rows = write_rows(cl)
    except NotWritten:
        rows = list(results(cl))
    return {
        "cl": cl,
        "result_hidden_fields": list(result_hidden_fields(cl)),
        "result_headers": headers,
        "num_sorted_fields": sum(1 for h in headers if h["sortable"] and h["sorted"]),
        "results": rows,
    }


def write_rows(cl) -> list:
    if getattr(cl, "formset", None) is not None or cl.is_popup or cl.to_field:
        raise NotWritten
    cells = column_writers(cl)
    # Safe: each cell escaped its content (escape, conditional_escape) or is Django's icon.
    return [
        ResultList(None, [mark_safe("".join([cell(result) for cell in cells]))])  # noqa: S308
        for result in cl.result_list
    ]


def column_writers(cl) -> list[Cell]:
    writers, first = [], True
    empty = str(cl.model_admin.get_empty_value_display())
    for index, name in enumerate(cl.list_display):
        linked = links_column(cl, name, first)
        cell, classes = column_writer(cl, name, empty)
        if name == "action_checkbox":
            classes = ["action-checkbox"]
        else:
            classes = [f"field-{_coerce_field_name(name, index)}", *classes]
        if linked:
            writers.append(linked_cell(cl, cell, classes, "th" if first else "td"))
            first = False
        else:
            writers.append(plain_cell(cell, classes))
    return writers


def links_column(cl, name, first: bool) -> bool:
    """Django's rule: the columns named in list_display_links, else the first."""
    if cl.list_display_links is None:
        return False
    if first and not cl.list_display_links:
        return True
    return name in cl.list_display_links


def openings(tag: str, classes: list[str]) -> dict[type, str]:
    """The cell's opening tag, by the type of its content (NoWrap adds the class)."""
    nowrap = classes if "nowrap" in classes else [*classes, "nowrap"]
    return {
        str: f'<{tag} class="{" ".join(classes)}">',
        NoWrap: f'<{tag} class="{" ".join(nowrap)}">',
    }


def plain_cell(cell: Cell, classes: list[str]) -> Cell:
    opening = openings("td", classes)

    def write(result):
        content = cell(result)
        return f"{opening.get(type(content), opening[str])}{content}</td>"

    return write


def linked_cell(cl, cell: Cell, classes: list[str], tag: str) -> Cell:
    opening = openings(tag, classes)
    closing = f"</{tag}>"
    kept = {"preserved_filters": cl.preserved_filters, "opts": cl.opts}

    def write(result):
        content = cell(result)
        start = opening.get(type(content), opening[str])
        try:
            url = cl.url_for_result(result)
        except NoReverseMatch:
            return f"{start}{content}{closing}"
        if cl.preserved_filters:  # LinkOnceChangeList has put them in already
            url = add_preserved_filters(kept, url)
        return f'{start}<a href="{escape(url)}">{content}</a>{closing}'

    return write


def column_writer(cl, name: str, empty: str) -> tuple[Cell, list[str]]:
    """The function writing a column's escaped content, and the cell's extra classes."""
    if isinstance(name, str) and LOOKUP_SEP in name:
        raise NotWritten  # a related object's field: Django's lookup_field walks the path
    try:
        field = _get_non_gfk_field(cl.lookup_opts, name)
    except (FieldDoesNotExist, FieldIsAForeignKeyColumnName):
        field = None
    if field is not None and not field.auto_created and not field.is_relation:
        return field_writer(field, empty)
    if field is not None and isinstance(field, models.ForeignKey):
        return related_writer(field, empty), ["nowrap"]
    if field is not None:
        raise NotWritten
    return callable_writer(cl, name, empty), []


def field_writer(field, empty: str) -> tuple[Cell, list[str]]:
    attname = field.attname
    if getattr(field, "flatchoices", None):
        try:
            labels = dict(field.flatchoices)
            shown = {key: conditional_escape(label) for key, label in labels.items()}
        except TypeError:  # choices that are not hashable
            raise NotWritten from None
        escaped_empty = escape(empty)
        return (lambda result: shown.get(getattr(result, attname), escaped_empty)), []
    if isinstance(field, models.BooleanField):
        icons = boolean_icons()
        return (lambda result: icons[getattr(result, attname)]), []
    if isinstance(field, NOT_WRITTEN):
        raise NotWritten
    empties = field.empty_values
    if type(field) is models.DateField:
        format_date = date_formatter()

        def write_day(result):
            value = getattr(result, attname)
            return escape(empty) if value in empties else escape(format_date(value))

        return write_day, ["nowrap"]
    if isinstance(field, (models.DateField, models.TimeField)):
        in_zone = isinstance(field, models.DateTimeField)

        def write_date(result):
            value = getattr(result, attname)
            if value in empties:
                return escape(empty)
            if in_zone:
                value = timezone.template_localtime(value)
            return escape(formats.localize(value))

        return write_date, ["nowrap"]
    if isinstance(field, (models.IntegerField, models.FloatField)):

        def write_number(result):
            value = getattr(result, attname)
            return escape(empty if value in empties else formats.number_format(value))

        return write_number, []

    def write_text(result):
        value = getattr(result, attname)
        if isinstance(value, str) and not value.strip():
            value = ""
        return escape(empty if value in empties else display_for_value(value, empty))

    return write_text, []


def date_formatter() -> Callable[[datetime.date], str]:
    """`formats.localize` of a date (`DATE_FORMAT` in the language active), with the format
    looked up and split once a page, not once a date: a quarter of the time."""
    pieces = [
        (bool(index % 2), piece if index % 2 else re_escaped.sub(r"\1", piece))
        for index, piece in enumerate(re_formatchars.split(str(get_format("DATE_FORMAT"))))
        if piece
    ]

    def format_date(value):
        written = DateFormat(value)
        return "".join(str(getattr(written, piece)()) if code else piece for code, piece in pieces)

    return format_date


def related_writer(field, empty: str) -> Cell:
    name = field.name

    def write(result):
        related = getattr(result, name)
        return escape(empty) if related is None else conditional_escape(related)

    return write


def callable_writer(cl, name: str, empty: str) -> Cell:
    """A method of the ModelAdmin or an attribute of the model, as `lookup_field` finds it."""
    model_admin = cl.model_admin
    _, attr = label_for_field(name, cl.model, model_admin, return_attr=True)
    if attr is None:
        raise NotWritten
    boolean = getattr(attr, "boolean", False) or (
        isinstance(attr, property) and getattr(attr.fget, "boolean", False)
    )
    empty = str(getattr(attr, "empty_value_display", empty))
    if callable(name):
        read = name
    elif name == "__str__":
        read = str
    elif hasattr(model_admin, name):
        read = getattr(model_admin, name)
    else:

        def read(result):
            value = getattr(result, name)
            return value() if callable(value) else value

    if boolean:
        icons = boolean_icons()
        return lambda result: icons[read(result)]

    def write(result):
        value = read(result)
        if isinstance(value, str) and not value.strip():
            value = ""
        shown = conditional_escape(display_for_value(value, empty))
        return NoWrap(shown) if isinstance(value, (datetime.date, datetime.time)) else shown

    return write
