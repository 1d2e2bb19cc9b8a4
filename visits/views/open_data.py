"""The distinguished guests as open data: one row per guest received, the same columns in CSV
and JSON, described on the page (`COLUMNS`)."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

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


def csv_response(rows) -> HttpResponse:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[name for name, _help in COLUMNS])
    writer.writeheader()
    writer.writerows(rows)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="distinguished-guests.csv"'
    return response
