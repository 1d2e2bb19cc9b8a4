"""What anyone may read: past distinguished guests, through the public side of the door."""

from ninja import Router
from ninja.pagination import paginate

from visits.api.pagination import Page
from visits.api.schemas import DistinguishedGuestOut, HonoraryCitizenOut, with_errors
from visits.queries.guests import received_guests
from visits.queries.honours import visible_honours

router = Router(tags=["public"])


@router.get(
    "/public/distinguished-guests",
    response=with_errors({200: list[DistinguishedGuestOut]}),
    auth=None,
    summary="Past distinguished guests (public)",
)
@paginate(Page)
def distinguished_guests(request):
    """Principal guests of public, announced or held visits past their embargo, newest first."""
    return received_guests()


@router.get(
    "/public/honorary-citizens",
    response=with_errors({200: list[HonoraryCitizenOut]}),
    auth=None,
    summary="Honorary citizens of Paris (public)",
)
@paginate(Page)
def honorary_citizens(request):
    """Honours voted by the Conseil de Paris or conferred, latest vote first."""
    return visible_honours(None)
