"""What the Ceremony page and its printables read alike: the engagement through the door, the
order with the step between two rows, the speakers with their rows."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from visits.queries.ceremony import ceremony_engagements
from visits.views.ceremony_tables import (
    Written,
    arrivals_items_html,
    line_items_html,
    order_rows_html,
    seating_rows_html,
)

# Each printable: its part of the URL and its title; the page lists them in this order.
PARTS = {
    "order": _("Order of precedence"),
    "seating": _("Seating plan"),
    "place-cards": _("Place cards"),
    "speakers": _("Order of speeches"),
    "arrivals": _("Arrivals and receiving line"),
    "flags": _("Flags and anthems"),
    "address": _("Forms of address"),
}


@dataclass(frozen=True)
class OrderRow:
    """One line of the order: the placed attendee, their row, and why they follow the one
    above (None for the first)."""

    placed: object
    attendance: object
    step: object


def engagement_for(request, uid):
    """The engagement, if the viewer may see its visit; else a 404, as if it did not exist."""
    return get_object_or_404(ceremony_engagements(request.user), uid=uid)


def rows_by_key(plan) -> dict:
    """Attendee key -> Attendance row (made once per plan)."""
    return plan.by_key


def order_rows(plan) -> list[OrderRow]:
    steps, rows = list(plan.ranking.steps()), rows_by_key(plan)
    return [
        OrderRow(one, rows[one.attendee.key], steps[index - 1] if index else None)
        for index, one in enumerate(plan.ranking.placed)
    ]


def everyone(plan) -> list:
    """The attendees in order, those the rules could not place last."""
    return [p.attendee for p in plan.ranking.placed] + [u.attendee for u in plan.ranking.unplaced]


def read_context(engagement, rows, plan, may_change: bool = False) -> dict:
    order, by_key = order_rows(plan), rows_by_key(plan)
    return {
        "engagement": engagement,
        "visit": engagement.visit,
        "rows": rows,
        "plan": plan,
        "order": order,
        "order_body": Written(order_rows_html, order, may_change),
        "seating_body": Written(seating_rows_html, plan.seating_list),
        "arrivals_items": Written(arrivals_items_html, plan.arrivals),
        "line_items": Written(line_items_html, plan.line.people),
        "speakers": [(s, by_key[s.attendee.key]) for s in plan.speakers],
    }
