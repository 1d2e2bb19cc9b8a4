"""Honorary citizenships as a viewer may see them (the API, the public page)."""

from django.db.models import F, OuterRef, Subquery

from visits.models import Engagement, HonoraryCitizenship


def visible_honours(viewer):
    """Through the door; the ceremony's UID only when the viewer may see the ceremony."""
    ceremonies = Engagement.objects.visible_to(viewer).filter(pk=OuterRef("ceremony"))
    return (
        HonoraryCitizenship.objects.visible_to(viewer)
        .select_related("honoree")
        .annotate(
            ceremony_uid=Subquery(ceremonies.values("uid")[:1]),
            ceremony_on=Subquery(ceremonies.values("starts_at")[:1]),
        )
        .order_by(F("voted_on").desc(nulls_last=True), "pk")
    )


def filter_honours(honours, *, status=None, honoree=None):
    if status:
        honours = honours.filter(status=status)
    if honoree is not None:
        honours = honours.filter(honoree=honoree)
    return honours
