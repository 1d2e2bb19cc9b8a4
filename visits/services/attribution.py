"""Who did it and why, for the history rows django-simple-history writes on save."""


def attribute(instance, by, reason: str = ""):
    """Credit the next save of `instance` to `by` (a user, or None for the system)."""
    instance._history_user = by
    instance._change_reason = str(reason)[:100]
    return instance
