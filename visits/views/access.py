from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from visits.models.visibility import STAFF_PERMISSION


def staff_required(view):
    """City Hall staff only: anonymous visitors are sent to sign in, others refused."""

    @wraps(view)
    @login_required
    def for_staff(request, *args, **kwargs):
        if not request.user.has_perm(STAFF_PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return for_staff
