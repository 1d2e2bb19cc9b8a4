"""The distinguished guests as open data: one row per guest received, the same columns in CSV
and JSON, described on the page (`COLUMNS`), under the licence of French public data.

The CSV is what a spreadsheet opens: no cell it would run as a formula, and a byte order mark
so that it reads UTF-8 rather than guessing a local encoding. Columns stay separated by commas
(RFC 4180): a spreadsheet set to French expects semicolons when it opens a file, but imports
it right when asked (the page says how); semicolons would break every other reader.
"""

import csv
import io

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _

# The licence of French public administrations' open data (décret 2017-638); SPDX names it.
LICENCE = {
    "id": "etalab-2.0",
    "name": "Licence Ouverte / Open Licence 2.0",
    "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
LICENCE_LINK = f'<{LICENCE["url"]}>; rel="license"'

# A spreadsheet takes a cell that begins with one of these for a formula, which may fetch an
# address or run a command when the file is opened (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"

COLUMNS = [
    ("date", _("The visit's first day (YYYY-MM-DD).")),
    ("guest", _("The guest's name, as it is written in print.")),
    ("title_fr", _("Their office or title, in French.")),
    ("title_en", _("Their office or title, in English.")),
    ("category", _("Head of state, mayor, royal, ... (a code).")),
    ("country", _("ISO 3166 code of their country, or empty.")),
    ("occasion_fr", _("The occasion, in French.")),
    ("occasion_en", _("The occasion, in English.")),
    ("rooms", _("The rooms of the visit's programme, separated by “; ”.")),
    ("page", _("The address of the guest's page, in the language asked for.")),
]


def row(participant, page: str) -> dict:
    guest, visit = participant.guest, participant.visit
    rooms = dict.fromkeys(e.venue.name for e in visit.engagements.all())  # in order, once
    return {
        "date": visit.starts_on.isoformat(),
        "guest": guest.name,
        "title_fr": guest.title_fr,
        "title_en": guest.title_en,
        "category": guest.category,
        "country": guest.country.code or "",
        "occasion_fr": visit.occasion_fr,
        "occasion_en": visit.occasion_en,
        "rooms": "; ".join(rooms),
        "page": page,
    }


def spreadsheet_safe(value):
    """A text cell a spreadsheet would run, made text by a leading apostrophe (which the
    spreadsheet shows). Only text: a number, a negative one too, stays a number."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_response(rows, columns=COLUMNS, filename="distinguished-guests.csv") -> HttpResponse:
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.DictWriter(out, fieldnames=[name for name, _help in columns])
    writer.writeheader()
    writer.writerows({name: spreadsheet_safe(value) for name, value in r.items()} for r in rows)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = LICENCE_LINK
    return response


def json_response(rows, key="guests") -> JsonResponse:
    """Every value as it is: JSON readers run nothing."""
    data = {"license": LICENCE, key: list(rows)}
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Link"] = LICENCE_LINK
    return response


DATA_FORMATS = ("csv", "json")


def data_response(file_format: str, rows, *, columns, filename: str, key: str):
    """The rows as the format asked (`file_format` among DATA_FORMATS: the caller checks)."""
    if file_format == "json":
        return json_response(rows, key=key)
    return csv_response(rows, columns=columns, filename=filename)
