"""Changing a visit: its fields, its delegation, its place in the lifecycle, or deleting it.
Field and delegation changes need the visit's ETag as If-Match.

On the visits router: ninja answers a path from one router only, so a PATCH of
/visits/{reference} must live beside its GET."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Status

from visits import services
from visits.api.partial import partial
from visits.api.schemas import InputSchema, VisitDetailOut, VisitReference, with_errors
from visits.api.versions import if_match
from visits.api.visits import DelegateIn, VisitFields, get_visit, router, visit_fields
from visits.models import Visit
from visits.models.choices import VisitStatus
from visits.services.errors import RuleBroken

VisitChange = partial(VisitFields, "VisitChange")


class DelegationIn(InputSchema):
    delegation: list[DelegateIn] = Field(
        min_length=1, description="The whole delegation, in order; at least one principal."
    )


class TransitionIn(InputSchema):
    to: VisitStatus = Field(description="The status to move to.")
    note: str = Field("", max_length=2_000, description="Why; kept in the visit's lifecycle.")
    confirm_programme: bool = Field(
        False,
        description="With `to: confirmed`, confirm the visit's tentative engagements too, in "
        "the same move (a clash refuses it all).",
    )


def visible_visit(request, reference: VisitReference) -> Visit:
    return get_object_or_404(Visit.objects.visible_to(request.auth), reference=reference)


@router.patch(
    "/visits/{reference}",
    response=with_errors({200: VisitDetailOut}),
    summary="Change a visit's fields; send its ETag as If-Match",
)
def change_visit(request, reference: VisitReference, payload: VisitChange, response: HttpResponse):
    """The status moves through `/transitions`, the delegation through `/delegation`."""
    visit = visible_visit(request, reference)
    changes = visit_fields(request, payload.dict(exclude_unset=True))
    services.update_visit(visit, by=request.auth, precondition=if_match(request), **changes)
    return get_visit(request, reference, response)


@router.put(
    "/visits/{reference}/delegation",
    response=with_errors({200: VisitDetailOut}),
    summary="Replace a visit's delegation; send the visit's ETag as If-Match",
)
def change_delegation(
    request, reference: VisitReference, payload: DelegationIn, response: HttpResponse
):
    """A guest who becomes principal must be free whenever the programme runs (409)."""
    visit = visible_visit(request, reference)
    delegation = visit_fields(request, payload.dict())["delegation"]
    services.change_delegation(
        visit, by=request.auth, delegation=delegation, precondition=if_match(request)
    )
    return get_visit(request, reference, response)


@router.post(
    "/visits/{reference}/transitions",
    response=with_errors({200: VisitDetailOut}),
    summary="Move a visit along its lifecycle (409 names the allowed moves)",
)
def move_visit(request, reference: VisitReference, payload: TransitionIn, response: HttpResponse):
    if payload.confirm_programme and payload.to != VisitStatus.CONFIRMED:
        raise RuleBroken(
            {"confirm_programme": [_("The programme is confirmed with its visit only.")]}
        )
    visit = visible_visit(request, reference)
    services.move_visit(
        visit,
        payload.to,
        by=request.auth,
        note=payload.note,
        confirm_programme=payload.confirm_programme,
    )
    return get_visit(request, reference, response)


@router.delete(
    "/visits/{reference}",
    response=with_errors({204: None}),
    summary="Delete a visit whose programme is all tentative; send its ETag as If-Match",
)
def delete_visit(request, reference: VisitReference):
    """A visit whose programme went beyond tentative is cancelled instead (400)."""
    visit = visible_visit(request, reference)
    services.delete_visit(visit, by=request.auth, precondition=if_match(request))
    return Status(204, None)
