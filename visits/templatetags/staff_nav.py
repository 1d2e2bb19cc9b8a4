"""The staff navigation bar (templates/staff/nav.html), on the staff pages and in the admin:
which items this person may use, and which one the page belongs to."""

from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

register = template.Library()


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    url: str
    current: bool = False


# The staff pages (url names in the `staff` namespace) under each item.
STAFF_ITEMS = {
    "today": {"today"},
    "agenda": {"agenda_now", "agenda", "run_sheet", "ceremony", "ceremony_print"},
    "calendars": {"my_calendars"},
    "reminders": {"my_reminders"},
    "registers": {"gifts", "visit_gifts"},
}
# Admin pages of these models (their lists, forms, history and past versions) belong to their
# item, the rest of the admin to Administration.
ADMIN_MODELS = {
    "visits_visit": "visits",
    "visits_engagement": "visits",
    "visits_checklisttask": "visits",
    "visits_guest": "guests",
    "visits_honorarycitizenship": "guests",
    "visits_gift": "registers",
    "visits_giftregisteroptions": "registers",
    "visits_goldenbooksignature": "registers",
    "visits_agreement": "registers",
}


def current_item(match) -> str | None:
    """The item of the page `match` (request.resolver_match) resolved to."""
    if match is None:
        return None
    if match.namespace == "staff":
        return next((key for key, names in STAFF_ITEMS.items() if match.url_name in names), None)
    if match.namespace == "admin":
        name = match.url_name or ""
        return next(
            (item for model, item in ADMIN_MODELS.items() if name.startswith(f"{model}_")),
            "administration",
        )
    return None


def items_for(user) -> list[tuple[str, str, str]]:
    """(key, label, url) of the items `user` may open, in the bar's order."""
    items = [
        ("today", _("Today"), reverse("staff:today")),
        ("agenda", _("Agenda"), reverse("staff:agenda_now")),
    ]
    if user.is_staff and user.has_perm("visits.view_visit"):
        items.append(("visits", _("Visits"), reverse("admin:visits_visit_changelist")))
    if user.is_staff and user.has_perm("visits.view_guest"):
        items.append(("guests", _("Guests"), reverse("admin:visits_guest_changelist")))
    if user.has_perm("visits.view_gift"):
        items.append(("registers", _("Registers"), reverse("staff:gifts")))
    items += [
        ("calendars", _("Calendars"), reverse("staff:my_calendars")),
        ("reminders", _("Reminders"), reverse("staff:my_reminders")),
    ]
    if user.is_active and user.is_staff:  # what the admin asks (AdminSite.has_permission)
        items.append(("administration", _("Administration"), reverse("admin:index")))
    return items


@register.simple_tag(takes_context=True)
def staff_nav_items(context) -> list[NavItem]:
    request = context["request"]
    here = current_item(getattr(request, "resolver_match", None))
    return [
        NavItem(key, label, url, current=key == here) for key, label, url in items_for(request.user)
    ]
