"""What anyone may read: past distinguished guests, through the public side of the door."""

from datetime import UTC, datetime
from email.utils import format_datetime

from django.http import HttpResponse
from ninja import Router
from ninja.pagination import paginate

from visits.api.pagination import Page
from visits.api.schemas import DistinguishedGuestOut, HonoraryCitizenOut, with_errors
from visits.queries.guests import received_guests
from visits.queries.honours import visible_honours

router = Router(tags=["public"])

# The distinguished guests' `reference` is null from this release and goes at the sunset: the
# response says so (RFC 9745 Deprecation, RFC 8594 Sunset), with a link to the documentation.
REFERENCE_DEPRECATED_ON = datetime(2026, 12, 4, tzinfo=UTC)
REFERENCE_SUNSET = datetime(2027, 7, 1, tzinfo=UTC)
DEPRECATION_HEADERS = {
    "Deprecation": f"@{int(REFERENCE_DEPRECATED_ON.timestamp())}",
    "Sunset": format_datetime(REFERENCE_SUNSET, usegmt=True),
    "Link": '</api/v1/docs>; rel="deprecation"; type="text/html"',
}


@router.get(
    "/public/distinguished-guests",
    response=with_errors({200: list[DistinguishedGuestOut]}),
    auth=None,
    summary="Past distinguished guests (public)",
)
@paginate(Page)
def distinguished_guests(request, response: HttpResponse):
    """Principal guests of public, announced or held visits past their embargo, newest first,
    each with the address of their public page.

    **Deprecated**: `reference` is null from this release (the visits' numbers counted those the
    public may not know of) and goes on 1 July 2027; the `Deprecation`, `Sunset` and `Link`
    headers of every answer say so."""
    for name, value in DEPRECATION_HEADERS.items():
        response[name] = value
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
