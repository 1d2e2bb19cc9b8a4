"""Who did it and why, for the history rows django-simple-history writes on save."""

from django.utils import translation


def attribute(instance, by, reason=""):
    """Credit the next save of `instance` to `by` (a user, or None for the system).

    `reason` is a lazy translation: it is stored in the source language (English) and
    translated when the history is shown, whatever the writer's language was.
    """
    instance._history_user = by
    with translation.override(None):
        instance._change_reason = str(reason)[:100]
    return instance
