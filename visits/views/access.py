from functools import wraps

from axes.helpers import get_cool_off
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

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


def locked_out(request, original_response=None, credentials=None):
    """What a sign-in refused by the throttle (django-axes, settings.LOGIN_THROTTLE) answers,
    on the staff login and the admin's: when to try again, and who can lift it sooner."""
    wait = get_cool_off(request)
    response = render(
        request,
        "staff/locked_out.html",
        {"minutes": int(wait.total_seconds() // 60)},
        status=429,
    )
    response["Retry-After"] = str(int(wait.total_seconds()))
    return response
