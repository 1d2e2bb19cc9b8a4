from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from visits.models import Engagement, Visit, VisitGuest
from visits.models.choices import LIVE_ENGAGEMENT_STATUSES
from visits.views.access import staff_required


@staff_required
def run_sheet(request, reference: str):
    """The "déroulé": the programme minute by minute, with who is who, in the viewer's
    language. Only a visit the viewer may see; any other is a 404, as if it did not exist."""
    programme = (
        Engagement.objects.filter(status__in=LIVE_ENGAGEMENT_STATUSES)
        .select_related("venue")
        .prefetch_related("hosts")
        .order_by("starts_at", "pk")
    )
    visits = (
        Visit.objects.visible_to(request.user)
        .select_related("lead_officer")
        .prefetch_related(
            "hosts",
            Prefetch("engagements", programme, to_attr="programme"),
            Prefetch(
                "participants",
                VisitGuest.objects.select_related("guest").order_by("position", "pk"),
                to_attr="delegation",
            ),
        )
    )
    visit = get_object_or_404(visits, reference=reference)
    return render(request, "staff/run_sheet.html", {"visit": visit, "now": timezone.now()})
