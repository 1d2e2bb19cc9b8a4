from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from visits.queries.run_sheet_ceremony import ceremony_plans
from visits.queries.visits import run_sheets
from visits.views.access import staff_required


@staff_required
def run_sheet(request, reference: str):
    """The "déroulé": the programme minute by minute, with who is who, in the viewer's
    language, and for each engagement someone attends its speaking order and seating list.
    Only a visit the viewer may see; any other is a 404, as if it did not exist."""
    visit = get_object_or_404(run_sheets(request.user), reference=reference)
    plans = ceremony_plans(visit.programme, request.user)
    ceremonies = [
        (engagement, plans[engagement.pk])
        for engagement in visit.programme
        if engagement.pk in plans
    ]
    context = {"visit": visit, "ceremonies": ceremonies, "now": timezone.now()}
    return render(request, "staff/run_sheet.html", context)
