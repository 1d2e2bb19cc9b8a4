"""The entrance of an engagement, for the staff at the door (issue 17), on a phone: find an
invitee by name (the browser offers the names as one types; the search ignores accents and
case) or open the URL of the QR code they show, see where the reply stands and the place kept
for them, and mark them arrived with one tap. No script; each tap is a form that can be sent
again on a flaky connection: a second check-in records nothing more and says so. After the
event, the register of who came, as CSV.

The engagement comes through the door of visibility (`Engagement.objects.visible_to`)."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from visits.queries.check_in import (
    found_at_the_door,
    invitation_for_door_code,
    names_at_the_door,
    places_of,
    register,
    tally,
)
from visits.queries.invitations import invitation_at
from visits.services.invitations import CHECK_IN, check_in
from visits.views.access import staff_required
from visits.views.invitation_list import engagement_for


def at_the_door(view):
    """Staff who may check invitees in."""

    @staff_required
    def door_staff(request, *args, **kwargs):
        if not request.user.has_perm(CHECK_IN):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return door_staff


@require_http_methods(["GET", "HEAD", "POST"])
@at_the_door
def check_in_page(request, uid):
    engagement = engagement_for(request, uid)
    term = request.GET.get("q", "")
    if request.method == "POST":
        invitation = invitation_at(engagement, request.POST.get("invitation", ""), request.user)
        if invitation is None:
            return HttpResponseBadRequest(_("No such invitation at this engagement."))
        arrive(request, invitation, invitation.name)
        page = reverse("staff:check_in", args=[engagement.uid])
        return redirect(f"{page}?{request.GET.urlencode()}" if term else page)
    found = found_at_the_door(engagement, request.user, term)
    places = places_of(engagement, found)
    for row in found:
        row.place = places.get(row.pk)
    context = {
        "engagement": engagement,
        "term": term,
        "found": found,
        "tally": tally(engagement),
        "names": names_at_the_door(engagement, request.user),
    }
    return render(request, "staff/check_in.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@at_the_door
def door_code_page(request, code):
    """What the QR code shown at the door opens."""
    invitation = invitation_for_door_code(code, request.user)
    if invitation is None:
        return render(request, "staff/check_in_unknown.html", status=404)
    if request.method == "POST":
        arrive(request, invitation, invitation.name)
        return redirect(request.path)
    invitation.place = places_of(invitation.engagement, [invitation]).get(invitation.pk)
    return render(request, "staff/check_in_code.html", {"invitation": invitation})


def arrive(request, invitation, name: str) -> None:
    first = check_in(invitation, by=request.user)
    invitation.refresh_from_db(fields=["arrived_at"])
    words = {"name": name, "time": time_format(timezone.localtime(invitation.arrived_at))}
    if first:
        messages.success(request, _("%(name)s: arrived at %(time)s.") % words)
    else:
        messages.warning(request, _("%(name)s had already arrived, at %(time)s.") % words)


@require_http_methods(["GET", "HEAD"])
@at_the_door
def check_in_register(request, uid):
    """Who came, who did not, who came without replying: for the archive."""
    engagement = engagement_for(request, uid)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="register-{engagement.uid}.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Name"), _("Reply"), _("Arrived"), _("Came without accepting")])
    for row in register(engagement, request.user):
        arrived = timezone.localtime(row.arrived_at).isoformat() if row.arrived_at else ""
        came_anyway = bool(row.arrived_at) and row.state != "accepted"
        writer.writerow(
            [row.name, row.get_state_display(), arrived, _("yes") if came_anyway else ""]
        )
    return response
