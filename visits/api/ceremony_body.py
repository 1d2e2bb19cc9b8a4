"""`GET /engagements/{uid}/ceremony`'s answer: the plan of `visits.queries.ceremony_plan` with
attendee ids for its keys, in the active language (the request's `Accept-Language`); and
`GET .../ceremony/why`'s: which rule puts one of two attendees before the other."""

from django.utils.translation import gettext as _

from visits.ceremony.ranking import rank
from visits.models.bilingual import localized
from visits.queries.ceremony import ceremony_rows
from visits.queries.ceremony_plan import CeremonyPlan, attendees_of, ceremony_plan, occasion_of
from visits.services.ceremony import OPTION_FIELDS
from visits.services.errors import RuleBroken


def ceremony_body(engagement, viewer) -> dict:
    """`engagement` from `ceremony_engagements(viewer)`: the caller has been through the door;
    attendees hidden from `viewer` are named neutrally."""
    rows = ceremony_rows(engagement, viewer)
    plan = ceremony_plan(rows)
    guest_of = {str(row.pk): row.guest_id for row in rows.attendances}
    options = {name: getattr(rows.options, name) for name in OPTION_FIELDS}
    options["precedence_list"] = rows.options.precedence_list_id
    return {
        "engagement": str(engagement.uid),
        "list": list_of(rows.precedence_list),
        "options": options,
        "order": order_of(plan, guest_of),
        "unplaced": [
            {
                "attendee": int(one.attendee.key),
                "guest": guest_of[one.attendee.key],
                "name": one.attendee.name,
                "missing": one.missing,
            }
            for one in plan.ranking.unplaced
        ],
        "seats": [
            {"attendee": int(seat.key), "table": seat.table, "place": seat.number}
            for seat in plan.seating.seats
            if seat.key
        ],
        "seating_saved": plan.seating_saved,
        "broken": list(plan.broken),
        "warnings": [*plan.seating.warnings, *plan.line.warnings],
        "unmet": list(plan.seating.unmet),
        "pairs": list(rows.pairs),  # SeatingPair rows: PairOut reads their attendees' ids
        "speakers": [
            {
                "attendee": int(speaker.attendee.key),
                "position": speaker.position,
                "language": speaker.attendee.language,
                "opening_line": speaker.opening_line,
            }
            for speaker in plan.speakers
        ],
        "arrivals": [int(one.attendee.key) for one in plan.arrivals],
        "receiving_line": [int(one.attendee.key) for one in plan.line.people],
        "flags": [{"position": mast.position, "country": mast.country} for mast in plan.masts],
        "anthems": list(plan.anthems),
        "revision": rows.options.revision,
    }


def list_of(listed) -> dict | None:
    if listed is None:
        return None
    return {
        "id": listed.pk,
        "name": localized(listed, "name"),
        "article": listed.article,
        "effective_from": listed.effective_from,
    }


def order_of(plan: CeremonyPlan, guest_of: dict[str, int]) -> list[dict]:
    """Each placed attendee with where they stand, and why they come before the next."""
    steps = plan.ranking.steps()
    return [
        {
            "attendee": int(one.attendee.key),
            "guest": guest_of[one.attendee.key],
            "name": one.attendee.name,
            "order": one.order,
            "rank_label": one.rank_label,
            "basis": reason(one.basis),
            "why_before_next": reason(steps[index]) if index < len(steps) else None,
        }
        for index, one in enumerate(plan.ranking.placed)
    ]


def reason(found) -> dict:
    return {"rule": found.rule, "text": found.text}


def why_body(engagement, viewer, first: int, second: int) -> dict:
    """Why one of two attendees comes before the other, each named by their id; only the order
    is made (no seating, no drawing). RuleBroken, naming the parameter, for an attendee this
    ceremony's order does not place, or the same one twice."""
    rows = ceremony_rows(engagement, viewer)
    ranking = rank(attendees_of(rows).values(), occasion_of(rows))
    for name, attendee in (("first", first), ("second", second)):
        if ranking.position_of(str(attendee)) is None:
            message = _("No attendee placed in this ceremony's order has this id.")
            raise RuleBroken({name: [message]})
    if first == second:
        raise RuleBroken({"second": [_("Choose two different attendees.")]})
    if ranking.position_of(str(second)) < ranking.position_of(str(first)):
        first, second = second, first
    found = ranking.why(str(first), str(second))
    return {"first": first, "second": second, "rule": found.rule, "text": found.text}
