"""An engagement's invitations, for the protocol office (issue 17): invite from the guest
registry, from another engagement's list or a whole group; follow the replies as they come
against the room's capacity (the waiting list in its order, the needs to pass on, who is
represented by whom, refusing a representative); export the list. Staff read it.

The engagement comes through the door (`Engagement.objects.visible_to`); writes go through
visits.services.invitations."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from visits.models import Engagement, Guest, Invitation
from visits.models.invitations import ReplyState
from visits.queries.invitation_lists import (
    GROUPS,
    group_members,
    invitation_page,
    invitees_of,
    needs_to_pass_on,
    other_lists,
    replies_of,
    representations,
    waiting_line,
)
from visits.queries.invitations import invitation_at, shown, with_visibility
from visits.services.errors import RuleBroken
from visits.services.invitation_mail import send_invitations
from visits.services.invitations import invite, refuse_representative
from visits.views.access import staff_required
from visits.views.ceremony import found_guests
from visits.views.reception_form import ReceptionForm, blank_form, reception_of, saved

INVITE = "visits.add_invitation"
CHANGE = "visits.change_invitation"
RECEPTION = "visits.change_reception"
GROUP_NAMES = {
    "councillors_of_paris": gettext_lazy("The councillors of Paris"),
    "ambassadors": gettext_lazy("The ambassadors and heads of mission"),
    "honorary_citizens": gettext_lazy("The honorary citizens"),
}


def engagement_for(request, uid) -> Engagement:
    engagements = Engagement.objects.visible_to(request.user).select_related(
        "venue", "visit", "reception", "ceremony"
    )
    return get_object_or_404(engagements, uid=uid)


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def invitations_page(request, uid):
    engagement = engagement_for(request, uid)
    refused = None
    reception = reception_of(engagement)
    details = blank_form(reception)
    if request.method == "POST" and request.POST.get("action") == "reception":
        if not request.user.has_perm(RECEPTION):
            raise PermissionDenied
        details = ReceptionForm(request.POST)
        if saved(details, engagement, request.user):
            messages.success(request, _("The reception’s details are kept."))
            return redirect(reverse("staff:invitations", args=[engagement.uid]))
        refused = [_("The reception’s details are not kept: see below.")]
    elif request.method == "POST":
        try:
            said = act(request, engagement)
        except RuleBroken as error:
            refused = [str(text) for texts in error.message_dict.values() for text in texts]
        else:
            messages.success(request, said)
            return redirect(reverse("staff:invitations", args=[engagement.uid]))
    state = request.GET.get("state", "")
    find = request.GET.get("find", "")
    context = {
        "engagement": engagement,
        "replies": replies_of(engagement),
        "page": invitation_page(engagement, request.user, state, request.GET.get("page", 1)),
        "state": state if state in ReplyState.values else "",
        "states": ReplyState.choices,
        "waiting": waiting_line(engagement, request.user),
        "needs": needs_to_pass_on(engagement, request.user),
        "represented": representations(engagement, request.user),
        "may_invite": request.user.has_perm(INVITE),
        "may_change": request.user.has_perm(CHANGE),
        "find": find,
        "found": found_guests(request.user, find),
        "groups": [(key, GROUP_NAMES[key]) for key in GROUPS],
        "other_lists": other_lists(engagement, request.user)
        if request.user.has_perm(INVITE)
        else [],
        "refused": refused,
        "reception": reception,
        "details": details,
        "may_set_reception": request.user.has_perm(RECEPTION),
    }
    return render(request, "staff/invitations.html", context, status=400 if refused else 200)


def act(request, engagement) -> str:
    """One action of the office's forms; what to tell them once done."""
    action = request.POST.get("action", "")
    if action == "send":
        if not request.user.has_perm(CHANGE):
            raise PermissionDenied
        sent = send_invitations(engagement, by=request.user)
        return _(
            "Invitations to send by e-mail: %(count)s (those sent before are not sent again)."
        ) % {"count": sent}
    if action == "refuse_representative":
        if not request.user.has_perm(CHANGE):
            raise PermissionDenied
        invitation = one_invitation(engagement, request.POST.get("invitation", ""), request.user)
        refuse_representative(invitation, by=request.user)
        return _("%(name)s’s representative is refused: the place is free again.") % {
            "name": invitation.name
        }
    if not request.user.has_perm(INVITE):
        raise PermissionDenied
    guests = guests_asked(request, engagement, action)
    options = {
        name: request.POST.get(name) == "on"
        for name in ("companion_allowed", "transferable", "by_post")
    }
    made = invite(engagement, guests, by=request.user, **options)
    return _("%(count)s invited (those already invited are left as they were).") % {
        "count": len(made)
    }


def guests_asked(request, engagement, action) -> list[Guest]:
    viewer = request.user
    if action == "invite_guests":
        ids = [pk for pk in request.POST.getlist("guest") if pk.isdigit()]
        guests = list(Guest.objects.visible_to(viewer).filter(pk__in=ids).order_by("pk"))
        if not guests or len(guests) != len(set(ids)):
            raise RuleBroken({"guest": [_("Choose guests of the registry to invite.")]})
        return guests
    if action == "invite_group":
        group = request.POST.get("group", "")
        if group not in GROUPS:
            raise RuleBroken({"group": [_("Choose a group to invite.")]})
        return group_members(group, viewer)
    if action == "invite_list":
        source = Engagement.objects.visible_to(viewer).filter(uid=request.POST.get("source", ""))
        if not request.POST.get("source") or not source.exists():
            raise RuleBroken({"source": [_("Choose an engagement whose list to invite.")]})
        return invitees_of(source.get(), viewer)
    raise RuleBroken({"action": [_("Unknown action.")]})


def one_invitation(engagement, pk: str, viewer) -> Invitation:
    found = invitation_at(engagement, pk, viewer)
    if found is None:
        raise RuleBroken({"invitation": [_("No such invitation at this engagement.")]})
    return found


@require_http_methods(["GET", "HEAD"])
@staff_required
def invitations_csv(request, uid):
    """The whole list, for the office's files: no e-mail address or need in it."""
    engagement = engagement_for(request, uid)
    rows = shown(
        with_visibility(Invitation.objects.filter(engagement=engagement), request.user).order_by(
            "guest__sort_name", "guest__name", "pk"
        )
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="invitations-{engagement.uid}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [_("Name"), _("Reply"), _("Companion"), _("Representative"), _("Replied"), _("Arrived")]
    )
    for row in rows:
        writer.writerow(
            [
                row.name,
                row.get_state_display(),
                row.companion_name if row.with_companion else "",
                row.representative_name,
                local_iso(row.replied_at),
                local_iso(row.arrived_at),
            ]
        )
    return response


def local_iso(moment) -> str:
    return timezone.localtime(moment).isoformat(timespec="minutes") if moment else ""
