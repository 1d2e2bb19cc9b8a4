"""Honorary citizenships as a viewer may see them (the API, the public page)."""

from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from visits.models import Engagement, HonoraryCitizenship
from visits.models.choices import LIVE_ENGAGEMENT_STATUSES, HonourStatus, VisitStatus

HELD, PLANNED, CONFERRED = "held", "planned", "conferred"


def visible_honours(viewer):
    """Through the door; the ceremony's UID only when the viewer may see the ceremony, and
    whether it is still to take place (live) and its visit's status, to tell held from planned."""
    ceremonies = Engagement.objects.visible_to(viewer).filter(pk=OuterRef("ceremony"))
    return (
        HonoraryCitizenship.objects.visible_to(viewer)
        .select_related("honoree")
        .annotate(
            ceremony_uid=Subquery(ceremonies.values("uid")[:1]),
            ceremony_on=Subquery(ceremonies.values("starts_at")[:1]),
            live_ceremony_on=Subquery(
                ceremonies.filter(status__in=LIVE_ENGAGEMENT_STATUSES).values("starts_at")[:1]
            ),
            ceremony_visit_status=Subquery(ceremonies.values("visit__status")[:1]),
        )
        .order_by(F("voted_on").desc(nulls_last=True), "pk")
    )


def ceremony_stage(honour, today) -> str:
    """HELD (the ceremony the viewer may see took place: its visit is marked held, or its day
    is past), PLANNED (it is still to come, whatever the status says: "conferred" is only said
    of a ceremony held), CONFERRED (recorded as conferred, with no ceremony to show: not linked,
    hidden from the viewer, or called off) or "" (voted, no ceremony in sight).

    By the day, not the hour: the public pages' cache key changes at midnight (and at every
    write, such as the visit marked held), not when a ceremony ends."""
    moment = honour.live_ceremony_on
    if moment is not None:
        held = honour.ceremony_visit_status == VisitStatus.HELD
        return HELD if held or timezone.localdate(moment) < today else PLANNED
    return CONFERRED if honour.status == HonourStatus.CONFERRED else ""


def filter_honours(honours, *, status=None, honoree=None):
    if status:
        honours = honours.filter(status=status)
    if honoree is not None:
        honours = honours.filter(honoree=honoree)
    return honours
