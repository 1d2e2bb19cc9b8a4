"""Who may act, who did it and why (the history rows django-simple-history writes on save)."""

from django.core.exceptions import PermissionDenied
from django.utils import translation

from visits.models import Visit
from visits.queries.door import may_see


def authorize(by, permission: str, visit: Visit | None = None) -> None:
    """`by` holds `permission` and may see `visit`; None is the system (commands, imports)."""
    if by is None:
        return
    if not by.has_perm(permission):
        raise PermissionDenied(f"{by} lacks {permission}")
    if visit is not None and not may_see(by, visit):
        raise PermissionDenied(f"{by} may not see {visit.reference}")


def attribute(instance, by, reason=""):
    """Credit the next save of `instance` to `by` (a user, or None for the system).

    `reason` is a lazy translation: it is stored in the source language (English) and
    translated when the history is shown, whatever the writer's language was.
    """
    instance._history_user = by
    with translation.override(None):
        instance._change_reason = str(reason)[:100]
    return instance
