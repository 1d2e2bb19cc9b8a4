"""Pages for City Hall staff, signed in: the agenda and the run-sheets."""

from django.urls import path, register_converter

from visits.views import agenda, run_sheet
from visits.views.converters import IsoDateConverter, PeriodConverter

register_converter(IsoDateConverter, "isodate")
register_converter(PeriodConverter, "period")

app_name = "staff"
urlpatterns = [
    path("agenda/", agenda.agenda_now, name="agenda_now"),
    path("agenda/<period:period>/<isodate:day>/", agenda.agenda_page, name="agenda"),
    path("visits/<str:reference>/run-sheet/", run_sheet.run_sheet, name="run_sheet"),
]
