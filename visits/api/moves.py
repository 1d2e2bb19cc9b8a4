"""Moving a visit with its programme: `POST /visits/{reference}/move`, with the visit's ETag
as If-Match (a move by days sent twice would move it twice; an Idempotency-Key makes a retry
safe)."""

from django.http import HttpResponse
from ninja import Field, Router
from pydantic import StrictInt

from visits.api.auth import SIGNED_IN
from visits.api.schemas import InputSchema, IsoDate, VisitDetailOut, VisitReference, with_errors
from visits.api.versions import if_match
from visits.api.visit_changes import visible_visit
from visits.api.visits import get_visit
from visits.services.shifting import shift_visit

router = Router(tags=["visits"], auth=SIGNED_IN)

# Further than the office's calendar reaches (1900 to 2199): refused as out of range anyway.
DAYS_LIMIT = 120_000


class MoveIn(InputSchema):
    days: StrictInt | None = Field(
        None,
        ge=-DAYS_LIMIT,
        le=DAYS_LIMIT,
        description="Days to move by (negative: earlier). Send this or first_day, not both.",
    )
    first_day: IsoDate | None = Field(None, description="The new first day, instead of days.")
    note: str = Field("", max_length=100, description="Why; kept in the visit's history.")


@router.post(
    "/visits/{reference}/move",
    response=with_errors({200: VisitDetailOut}),
    summary="Move a visit with its programme; send its ETag as If-Match",
)
def move_visit_with_programme(
    request, reference: VisitReference, payload: MoveIn, response: HttpResponse
):
    """Every engagement not cancelled keeps its Paris wall-clock time on its new day. All or
    nothing: a clash (409) or a time the clock change skips or repeats (400) is named under
    the field sent."""
    visit = visible_visit(request, reference)
    shift_visit(
        visit,
        by=request.auth,
        days=payload.days,
        first_day=payload.first_day,
        note=payload.note,
        precondition=if_match(request),
    )
    return get_visit(request, reference, response)
