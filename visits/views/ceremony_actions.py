"""What each of the office's forms on the Ceremony page does: it reads the form, calls one
service of visits.services.ceremony, and says in a sentence what changed. A refusal of the rules
(RuleBroken) goes back to the form, beside the field it names; nothing is written then."""

import copy
from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from visits.models import Guest
from visits.queries.representation import representatives_not_attending
from visits.services import ceremony as services
from visits.services.errors import RuleBroken
from visits.views import ceremony_forms as shapes
from visits.views.ceremony_attendees import AttendeeList


@dataclass
class Scene:
    """What an action works on: who acts, on which engagement, and what the page read."""

    user: object
    engagement: object
    rows: object  # CeremonyRows
    plan: object  # CeremonyPlan

    @cached_property
    def attendees(self) -> AttendeeList:
        """The attendees the forms name, made once for the page's forms and its datalist."""
        return AttendeeList(self.plan)


@dataclass
class Outcome:
    action: str
    form: forms.Form
    message: str | None  # None: refused, the form carries why
    anchor: str = ""  # where the page opens after the change

    @property
    def where(self) -> str:
        """The form's place on the page, when it was refused."""
        return "change" if self.action in ("change", "remove") else self.anchor

    @property
    def visible_errors(self) -> bool:
        return any(field.errors for field in self.form.visible_fields())


def unchanged_since(revision: int):
    """The precondition of every form: the ceremony is still as the office read it."""

    def check(ceremony):
        if ceremony.revision != revision:
            raise RuleBroken(
                {
                    "revision": [
                        _(
                            "Someone changed this ceremony since you read it: "
                            "read it again, then make your change."
                        )
                    ]
                }
            )

    return check


def seated_places(plan) -> dict[int, tuple[int, int] | None]:
    """Every seated attendee's place, as the page shows it (kept or proposed)."""
    return {int(s.key): (s.table, s.number) for s in plan.seating.seats if s.key}


def gather(form, scene, precondition):
    added = services.gather_attendance(scene.engagement, by=scene.user, precondition=precondition)
    missing = representatives_not_attending(scene.engagement, scene.user)
    if not added and not missing:
        return _("Everyone the programme names already attends.")
    said = []
    if added:
        said.append(
            ngettext(
                "%(count)d person added from the delegation, the hosts and the invitees who "
                "accepted.",
                "%(count)d people added from the delegation, the hosts and the invitees who "
                "accepted.",
                len(added),
            )
            % {"count": len(added)}
        )
    if missing:
        said.append(
            ngettext(
                "%(count)d representative named in a reply is not attending yet: add them by "
                "hand, or ask someone who may record guests.",
                "%(count)d representatives named in replies are not attending yet: add them by "
                "hand, or ask someone who may record guests.",
                missing,
            )
            % {"count": missing}
        )
    return " ".join(said)


def add(form, scene, precondition):
    guest = Guest.objects.visible_to(scene.user).filter(pk=form.cleaned_data["guest"]).first()
    if guest is None:
        raise RuleBroken({"guest": [_("Choose the person among those found.")]})
    services.add_attendee(
        scene.engagement,
        guest,
        by=scene.user,
        precondition=precondition,
        role=form.cleaned_data["role"],
    )
    return _("%(name)s added.") % {"name": guest.name}


def change(form, scene, precondition):
    data = form.cleaned_data
    attendance = scene.plan.attendance(str(data["attendance"]))
    offices = {office.pk: office for office in scene.rows.offices}
    changes = {name: data[name] for name in ("role", "capacity", "inviting", "speaks", "pinned")}
    changes |= {
        "represents_office": offices.get(data["represents_office"]),
        "place_after": data["place_after"],
        "place_after_reason": data["place_after_reason"],
    }
    services.change_attendee(attendance, by=scene.user, precondition=precondition, **changes)
    return _("%(name)s changed.") % {"name": attendance.guest.name}


def remove(form, scene, precondition):
    attendance = scene.plan.attendance(str(form.cleaned_data["attendance"]))
    services.remove_attendee(attendance, by=scene.user, precondition=precondition)
    return _("%(name)s no longer attends.") % {"name": attendance.guest.name}


def options(form, scene, precondition):
    changes = {name: form.cleaned_data[name] for name in services.OPTION_FIELDS}
    services.change_options(scene.engagement, by=scene.user, precondition=precondition, **changes)
    return _("The ceremony’s options are saved.")


def keep(form, scene, precondition):
    services.keep_places(
        scene.engagement, seated_places(scene.plan), by=scene.user, precondition=precondition
    )
    return _("This seating is kept: it no longer follows changes of the order.")


def reset(form, scene, precondition):
    places = {row.pk: None for row in scene.rows.attendances}
    services.keep_places(scene.engagement, places, by=scene.user, precondition=precondition)
    return _("The kept places are forgotten: the seating follows the order again.")


def swap(form, scene, precondition):
    first, second = form.cleaned_data["first"], form.cleaned_data["second"]
    places = seated_places(scene.plan)
    if places.get(first) is None and places.get(second) is None:
        raise RuleBroken({"second": [_("Neither of them has a place to exchange.")]})
    places[first], places[second] = places.get(second), places.get(first)
    services.keep_places(scene.engagement, places, by=scene.user, precondition=precondition)
    names = {"first": name_of(scene, first), "second": name_of(scene, second)}
    return _("%(first)s and %(second)s exchanged places.") % names


@transaction.atomic
def pin(form, scene, precondition):
    """Moves the attendee to the place (whoever sat there takes theirs) and pins them."""
    key, place = (
        form.cleaned_data["attendance"],
        (form.cleaned_data["table"], form.cleaned_data["seat"]),
    )
    if place not in {(s.table, s.number) for s in scene.plan.seating.seats}:
        raise RuleBroken({"seat": [_("This plan has no such place.")]})
    places = seated_places(scene.plan)
    occupant = next((pk for pk, taken in places.items() if taken == place), None)
    if occupant is not None and occupant != key:
        places[occupant] = places.get(key)
    places[key] = place
    services.keep_places(scene.engagement, places, by=scene.user, precondition=precondition)
    attendance = scene.plan.attendance(str(key))
    services.change_attendee(attendance, by=scene.user, pinned=True)
    return _("%(name)s is pinned to table %(table)s, place %(seat)s.") % {
        "name": attendance.guest.name,
        "table": place[0],
        "seat": place[1],
    }


def pair(form, scene, precondition):
    first = scene.plan.attendance(str(form.cleaned_data["first"]))
    second = scene.plan.attendance(str(form.cleaned_data["second"]))
    rule = form.cleaned_data["rule"]
    services.add_pair(
        scene.engagement, first, second, rule, by=scene.user, precondition=precondition
    )
    return _("Seating rule added.")


def unpair(form, scene, precondition):
    found = next((p for p in scene.rows.pairs if p.pk == form.cleaned_data["pair"]), None)
    if found is None:
        raise RuleBroken({"pair": [_("This rule no longer exists.")]})
    services.remove_pair(found, by=scene.user, precondition=precondition)
    return _("Seating rule removed.")


def name_of(scene, pk: int) -> str:
    return scene.plan.attendance(str(pk)).guest.name


# action -> (form, what it does, where the page opens after it)
ACTIONS = {
    "gather": (shapes.GatherForm, gather, "order"),
    "add": (shapes.AddForm, add, "order"),
    "change": (shapes.ChangeForm, change, "order"),
    "remove": (shapes.RemoveForm, remove, "order"),
    "options": (shapes.OptionsForm, options, "options"),
    "keep": (shapes.KeepForm, keep, "seating"),
    "reset": (shapes.ResetForm, reset, "seating"),
    "swap": (shapes.SwapForm, swap, "seating"),
    "pin": (shapes.PinForm, pin, "seating"),
    "pair": (shapes.PairForm, pair, "seating"),
    "unpair": (shapes.RemovePairForm, unpair, "seating"),
}
NEEDS_ROWS = (shapes.AttendeeForm, shapes.PairOfAttendeesForm, shapes.PinForm)


def form_for(action: str, scene: Scene, data=None, initial=None):
    shape = ACTIONS[action][0]
    kwargs = {"initial": initial, "auto_id": f"{action}-%s"}  # ids unique on the page
    if issubclass(shape, NEEDS_ROWS):
        kwargs |= {"rows": scene.rows, "attendees": scene.attendees}
    if shape is shapes.OptionsForm:
        # A copy: a refused form must not leave its values on the options the page shows.
        kwargs["instance"] = copy.copy(scene.rows.options)
    return shape(data, **kwargs)


def perform(action: str, data, scene: Scene) -> Outcome:
    """Runs one form's change; `action` is one of ACTIONS (the caller checked)."""
    form = form_for(action, scene, data)
    anchor = ACTIONS[action][2]
    if form.is_valid():
        try:
            precondition = unchanged_since(form.cleaned_data["revision"])
            message = ACTIONS[action][1](form, scene, precondition)
            return Outcome(action, form, message, anchor)
        except RuleBroken as refused:
            show_beside_fields(form, refused)
    return Outcome(action, form, None, anchor)


def show_beside_fields(form, refused: RuleBroken) -> None:
    """Each message beside the field it names; those of no visible field at the form's top."""
    visible = {field.name for field in form.visible_fields()}
    for name, texts in refused.message_dict.items():
        field = name if name in visible and name != NON_FIELD_ERRORS else None
        form.add_error(field, texts)
