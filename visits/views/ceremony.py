"""The Ceremony page of one engagement: who attends in what order and why, where each sits,
who speaks, arrives and greets when, the flags and anthems, and how each is addressed. Staff
read it; the protocol office changes it through the forms of visits.views.ceremony_forms.

The engagement comes through the door (`ceremony_engagements`): a confidential visit's ceremony
is a 404 for whoever may not see the visit, as if it did not exist."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from visits.models import Guest
from visits.queries.ceremony import ceremony_rows
from visits.queries.ceremony_plan import ceremony_plan
from visits.services.ceremony import CHANGE
from visits.views.access import staff_required
from visits.views.ceremony_actions import ACTIONS, Scene, form_for, perform
from visits.views.ceremony_forms import ChangeForm
from visits.views.ceremony_reading import (
    PARTS,
    engagement_for,
    read_context,
    rows_by_key,
)
from visits.views.ceremony_why import why_asked

FOUND_AT_MOST = 20  # guests listed by the "find" box


def found_guests(user, term: str) -> list:
    """Up to FOUND_AT_MOST guests of the registry the user may see, by name (accents and case
    ignored, as the admin's search)."""
    term = " ".join(term.split())[:100]
    if not term:
        return []
    matches = Q(name__matches=term) | Q(sort_name__matches=term)
    return list(
        Guest.objects.visible_to(user).filter(matches).order_by("name", "pk")[:FOUND_AT_MOST]
    )


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def ceremony_page(request, uid):
    engagement = engagement_for(request, uid)
    rows = ceremony_rows(engagement, request.user)
    plan = ceremony_plan(rows)
    may_change = request.user.has_perm(CHANGE)
    scene = Scene(request.user, engagement, rows, plan)
    refused = None
    if request.method == "POST":
        if not may_change:
            raise PermissionDenied
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            return HttpResponseBadRequest()
        outcome = perform(action, request.POST, scene)
        if outcome.message is not None:
            messages.success(request, outcome.message)
            page = reverse("staff:ceremony", args=[engagement.uid])
            return redirect(f"{page}#{outcome.anchor}")
        refused = outcome
    context = page_context(request, scene, may_change, refused)
    return render(request, "staff/ceremony.html", context, status=400 if refused else 200)


def page_context(request, scene, may_change, refused) -> dict:
    plan, rows = scene.plan, scene.rows
    context = read_context(scene.engagement, rows, plan, may_change) | {
        # One list for every attendee input of the page (why, swap, pin, pair).
        "attendee_list": scene.attendees.datalist,
        "print_parts": PARTS.items(),
        "may_change": may_change,
        "refused": refused,
    }
    context |= why_asked(request.GET, plan.ranking, scene.attendees)
    if not may_change:
        return context
    revision = rows.options.revision
    forms = {
        action: form_for(action, scene, initial={"revision": revision})
        for action in ("gather", "options", "keep", "reset", "swap", "pin", "pair")
    }
    editing = refused.form if refused and refused.action == "change" else None
    if editing is None:
        editing = change_form_asked(request, scene, revision)
    if refused is not None and refused.action != "change":
        forms[refused.action] = refused.form
    find = request.GET.get("find", "")
    key = str(editing["attendance"].value()) if editing else ""
    if key not in plan.by_key:  # refused for naming no attendee of this ceremony (or one gone)
        editing, key = None, ""
    return context | {
        "forms": forms,
        "revision": revision,
        "editing": editing,
        "editing_key": key,
        "editing_name": plan.attendance(key).guest.name if editing else "",
        "pairs": pairs_of(rows, plan),
        "find": find,
        "found": found_guests(request.user, find),
        "present": {row.guest_id for row in rows.attendances},
        "roles": ChangeForm.base_fields["role"].choices,
    }


def pairs_of(rows, plan) -> list[dict]:
    by_key = rows_by_key(plan)
    return [
        {
            "pk": pair.pk,
            "first_name": by_key[str(pair.first_id)].guest.name,
            "second_name": by_key[str(pair.second_id)].guest.name,
            "rule": pair.get_rule_display(),
        }
        for pair in rows.pairs
    ]


def change_form_asked(request, scene, revision):
    """The form to change the attendee named by `?change=`, if they attend."""
    key = request.GET.get("change", "")
    if not key.isdigit() or key not in {str(row.pk) for row in scene.rows.attendances}:
        return None
    attendance = scene.plan.attendance(key)
    return form_for("change", scene, initial=ChangeForm.initial_of(attendance, revision))
