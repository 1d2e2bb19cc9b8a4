from django.utils.translation import gettext as _

from visits.services.errors import RuleBroken


def visible_or_field_error(queryset, field: str, **lookup):
    """The one record the caller may see, or a 400 naming the field (not a 404: the URL is
    right, the input is not)."""
    found = queryset.filter(**lookup).first()
    if found is None:
        raise RuleBroken({field: [_("No such record, or not one you may see.")]})
    return found
