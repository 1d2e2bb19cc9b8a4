"""An engagement's ceremony: the order of its attendees with the reason of each step, the
seats, speakers, receiving line and flags (read through the door, `ceremony_engagements`); the
office's attendance, places and options, written through `visits.services.ceremony` with the
ceremony's ETag as If-Match; and a guest's forms of address."""

from typing import Annotated

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status

from visits.api.auth import SIGNED_IN
from visits.api.ceremony_body import ceremony_body, why_body
from visits.api.ceremony_schemas import (
    AddressOut,
    AttendeeChange,
    AttendeeIn,
    AttendeeOut,
    CeremonyOptionsChange,
    CeremonyOut,
    PairIn,
    PairOut,
    PlacesIn,
    WhyOut,
)
from visits.api.lookups import visible_or_field_error
from visits.api.schemas import EngagementUid, GuestId, with_errors
from visits.api.versions import ceremony_etag, if_match_ceremony
from visits.models import (
    Attendance,
    Guest,
    Office,
    PrecedenceList,
    SeatingPair,
)
from visits.queries.address_preview import forms_in_both_languages
from visits.queries.ceremony import ceremony_engagements
from visits.queries.guests import visible_guests
from visits.services import ceremony as rules
from visits.services.errors import RuleBroken

router = Router(tags=["ceremony"], auth=SIGNED_IN)

AttendeeId = Annotated[int, Path(description="The attendee's id (`order[].attendee`).")]
PairId = Annotated[int, Path(description="The seating rule's id (`pairs[].id`).")]
OneAttendee = Annotated[int, Query(description="An attendee's id (`order[].attendee`).")]
OtherAttendee = Annotated[int, Query(description="Another attendee's id, in either order.")]


def visible_engagement(request, uid):
    return get_object_or_404(ceremony_engagements(request.auth), uid=uid)


def attendee_of(engagement, attendee_id: int) -> Attendance:
    return get_object_or_404(
        Attendance.objects.filter(engagement=engagement).select_related("engagement__visit"),
        pk=attendee_id,
    )


def tagged(response: HttpResponse, engagement, revision: int) -> None:
    response["ETag"] = ceremony_etag(engagement.pk, revision)


class Held:
    """If-Match checked on the locked Ceremony row, which is kept: the service moves that row's
    revision, so its ETag after the write is that of this write, even when another follows
    at once (reading it again later could give the next writer's)."""

    def __init__(self, request):
        self.check = if_match_ceremony(request)
        self.row = None

    def __call__(self, current):
        self.check(current)
        self.row = current


@router.get(
    "/engagements/{uid}/ceremony",
    response=with_errors({200: CeremonyOut}),
    summary="The ceremony: order with reasons, seats, speakers, flags",
)
def get_ceremony(request, uid: EngagementUid, response: HttpResponse):
    """Texts are in the language of `Accept-Language` (French or English). Its ETag is the one
    the attendance, places and options writes take as If-Match."""
    engagement = visible_engagement(request, uid)
    body = ceremony_body(engagement, request.auth)
    tagged(response, engagement, body["revision"])
    return body


@router.get(
    "/engagements/{uid}/ceremony/why",
    response=with_errors({200: WhyOut}),
    summary="Why one of two attendees comes before the other",
)
def why_ceremony(request, uid: EngagementUid, first: OneAttendee, second: OtherAttendee):
    """Any two attendees the order places, not only neighbours: who comes first, and the rule
    that says so, citing its article or the office's own placing. A 400 names `first` or
    `second` for an attendee the order does not place (or the same one twice)."""
    engagement = visible_engagement(request, uid)
    return why_body(engagement, request.auth, first, second)


@router.patch(
    "/engagements/{uid}/ceremony",
    response=with_errors({200: CeremonyOut}),
    summary="Change the ceremony's options; send its ETag as If-Match",
)
def change_ceremony(
    request, uid: EngagementUid, payload: CeremonyOptionsChange, response: HttpResponse
):
    engagement = visible_engagement(request, uid)
    changes = payload.dict(exclude_unset=True)
    if changes.get("precedence_list") is not None:
        lists = PrecedenceList.objects.all()
        changes["precedence_list"] = visible_or_field_error(
            lists, "precedence_list", pk=changes["precedence_list"]
        )
    rules.change_options(
        engagement, by=request.auth, precondition=if_match_ceremony(request), **changes
    )
    return get_ceremony(request, uid, response)


@router.put(
    "/engagements/{uid}/ceremony/places",
    response=with_errors({200: CeremonyOut}),
    summary="Keep places (accept the proposal, or swap); send the ceremony's ETag as If-Match",
)
def keep_places(request, uid: EngagementUid, payload: PlacesIn, response: HttpResponse):
    """The answer's `broken` says which seating rules the kept places break."""
    engagement = visible_engagement(request, uid)
    places = {}
    for given in payload.places:
        if given.attendee in places:
            raise RuleBroken({"places": [_("Each attendee may be given one place.")]})
        places[given.attendee] = None if given.table is None else (given.table, given.place)
    rules.keep_places(engagement, places, by=request.auth, precondition=if_match_ceremony(request))
    return get_ceremony(request, uid, response)


@router.post(
    "/engagements/{uid}/ceremony/gather",
    response=with_errors({200: CeremonyOut}),
    summary="Add whoever the programme names and is missing; send the ceremony's ETag as If-Match",
)
def gather_attendance(request, uid: EngagementUid, response: HttpResponse):
    """The visit's delegation (its principal guests as guests of honour) and the engagement's
    hosts who are in the registry; those already attending are left as they are."""
    engagement = visible_engagement(request, uid)
    rules.gather_attendance(engagement, by=request.auth, precondition=if_match_ceremony(request))
    return get_ceremony(request, uid, response)


@router.post(
    "/engagements/{uid}/ceremony/pairs",
    response=with_errors({201: PairOut}),
    summary="Seat two attendees apart or together; send the ceremony's ETag as If-Match",
)
def add_pair(request, uid: EngagementUid, payload: PairIn, response: HttpResponse):
    """A 400 names `first` or `second` for an attendee not of this engagement, or `second`
    for the same one twice. The answer's ETag is the ceremony's new one."""
    engagement = visible_engagement(request, uid)
    attendees = Attendance.objects.filter(engagement=engagement)
    first = visible_or_field_error(attendees, "first", pk=payload.first)
    second = visible_or_field_error(attendees, "second", pk=payload.second)
    if first.pk == second.pk:
        raise RuleBroken({"second": [_("Choose two different attendees.")]})
    held = Held(request)
    pair = rules.add_pair(
        engagement, first, second, payload.rule, by=request.auth, precondition=held
    )
    tagged(response, engagement, held.row.revision)
    return Status(201, pair)


@router.delete(
    "/engagements/{uid}/ceremony/pairs/{pair_id}",
    response=with_errors({204: None}),
    summary="Remove a seating rule; send the ceremony's ETag as If-Match",
)
def remove_pair(request, uid: EngagementUid, pair_id: PairId, response: HttpResponse):
    engagement = visible_engagement(request, uid)
    pair = get_object_or_404(SeatingPair.objects.filter(engagement=engagement), pk=pair_id)
    pair.engagement = engagement  # the one through the door, with its visit
    held = Held(request)
    rules.remove_pair(pair, by=request.auth, precondition=held)
    tagged(response, engagement, held.row.revision)
    return Status(204, None)


@router.post(
    "/engagements/{uid}/attendees",
    response=with_errors({201: AttendeeOut}),
    summary="Add an attendee; send the ceremony's ETag as If-Match",
)
def add_attendee(request, uid: EngagementUid, payload: AttendeeIn, response: HttpResponse):
    """The answer's ETag is the ceremony's new one."""
    engagement = visible_engagement(request, uid)
    fields = linked_records(request, payload.dict())
    guest = fields.pop("guest")
    held = Held(request)
    attendance = rules.add_attendee(engagement, guest, by=request.auth, precondition=held, **fields)
    tagged(response, engagement, held.row.revision)
    return Status(201, attendance)


@router.patch(
    "/engagements/{uid}/attendees/{attendee_id}",
    response=with_errors({200: AttendeeOut}),
    summary="Change an attendee; send the ceremony's ETag as If-Match",
)
def change_attendee(
    request,
    uid: EngagementUid,
    attendee_id: AttendeeId,
    payload: AttendeeChange,
    response: HttpResponse,
):
    engagement = visible_engagement(request, uid)
    attendance = attendee_of(engagement, attendee_id)
    changes = linked_records(request, payload.dict(exclude_unset=True))
    held = Held(request)
    attendance = rules.change_attendee(attendance, by=request.auth, precondition=held, **changes)
    tagged(response, engagement, held.row.revision)
    return attendance


@router.delete(
    "/engagements/{uid}/attendees/{attendee_id}",
    response=with_errors({204: None}),
    summary="Remove an attendee; send the ceremony's ETag as If-Match",
)
def remove_attendee(request, uid: EngagementUid, attendee_id: AttendeeId, response: HttpResponse):
    engagement = visible_engagement(request, uid)
    attendance = attendee_of(engagement, attendee_id)
    held = Held(request)
    rules.remove_attendee(attendance, by=request.auth, precondition=held)
    tagged(response, engagement, held.row.revision)
    return Status(204, None)


@router.get(
    "/guests/{guest_id}/address",
    response=with_errors({200: AddressOut}),
    summary="A guest's forms of address, in French and English",
)
def get_guest_address(request, guest_id: GuestId):
    """Generated from the office's table, by their office, gender and style; the guest's own
    salutation, envelope and closing, when filled, take the place of the generated ones."""
    forms = forms_in_both_languages(visible_guests(request.auth), guest_id)
    if forms is None:
        raise Http404
    return forms


def linked_records(request, data: dict) -> dict:
    """Ids and codes into the records they name, each refused under its field when unknown or
    hidden from the caller."""
    guests = Guest.objects.visible_to(request.auth)
    for field in ("guest", "represents"):
        if data.get(field) is not None:
            data[field] = visible_or_field_error(guests, field, pk=data[field])
    if data.get("represents_office") is not None:
        offices = Office.objects.all()
        code = data["represents_office"]
        data["represents_office"] = visible_or_field_error(offices, "represents_office", code=code)
    return data
