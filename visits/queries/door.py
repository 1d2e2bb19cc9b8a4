"""Whether a viewer may see one record: the door's answer (visits.models.visibility) for that
record alone. Every check of one visit, engagement, guest, honour or reminder asks this, so
that none is written by hand."""

from django.db.models import Model


def may_see(viewer, record: Model, now=None) -> bool:
    """The same answer as `type(record).objects.visible_to(viewer, now)` holding it, in one
    query. `record` may be `Model(pk=...)` when only its key is at hand."""
    return type(record).objects.visible_to(viewer, now).filter(pk=record.pk).exists()
