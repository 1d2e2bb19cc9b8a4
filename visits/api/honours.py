"""Honorary citizenships: the staff's view (proposals included) and their writes, through
`visits.services.honours`. The public list is in `visits.api.public`."""

from uuid import UUID

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StrictBool, StrictInt

from visits.api.auth import SIGNED_IN
from visits.api.lookups import visible_or_field_error
from visits.api.pagination import Page
from visits.api.partial import partial
from visits.api.schemas import GuestRef, HonourId, InputSchema, IsoDate, with_errors
from visits.api.versions import etag_of, if_match
from visits.models import Engagement, Guest
from visits.models.choices import DatePrecision, HonourStatus
from visits.queries.honours import filter_honours, visible_honours
from visits.services import honours as rules

router = Router(tags=["honorary citizenships"], auth=SIGNED_IN)


class HonourFields(InputSchema):
    status: HonourStatus = Field(
        HonourStatus.PROPOSED, description="proposed, voted, conferred: it only moves forward."
    )
    voted_on: IsoDate | None = Field(None, description="The Conseil de Paris vote; once voted.")
    voted_on_precision: DatePrecision = Field(
        DatePrecision.DAY, description="day, month or year: how much of the vote date is known."
    )
    ceremony: UUID | None = Field(
        None, description="The UID of the ceremony engagement (an honorary citizenship one)."
    )
    posthumous: StrictBool = Field(False, description="Conferred after the honoree's death.")
    received_by_proxy: StrictBool = Field(False, description="Received on the honoree's behalf.")
    proxy_name: str = Field("", max_length=200, description="Who received it; only by proxy.")
    citation_fr: str = Field("", max_length=10_000, description="The citation, in French.")
    citation_en: str = Field("", max_length=10_000, description="The citation, in English.")
    notes: str = Field("", max_length=10_000, description="Internal notes; never published.")


class HonourIn(HonourFields):
    honoree: StrictInt = Field(description="The guest honoured; one honour per guest.")


HonourChange = partial(HonourFields, "HonourChange")


class HonourOut(HonourFields):
    id: int = Field(description="The honour's number.")
    status: str = Field(description="proposed, voted or conferred")
    voted_on_precision: str = Field(description="day, month or year: what is known of the date.")
    honoree: GuestRef = Field(description="The guest honoured.")
    ceremony: UUID | None = Field(
        description="The ceremony engagement's UID; null if none, or if you may not see it."
    )

    @staticmethod
    def resolve_ceremony(honour) -> UUID | None:
        return honour.ceremony_uid


class HonourFilters(Schema):
    status: HonourStatus | None = Field(None, description="Only honours at this step.")
    honoree: int | None = Field(None, description="Only this guest's honour.")


def linked_records(request, data: dict) -> dict:
    if data.get("ceremony") is not None:
        engagements = Engagement.objects.visible_to(request.auth)
        data["ceremony"] = visible_or_field_error(engagements, "ceremony", uid=data["ceremony"])
    if "honoree" in data:
        guests = Guest.objects.visible_to(request.auth)
        data["honoree"] = visible_or_field_error(guests, "honoree", pk=data["honoree"])
    return data


@router.get("/honours", response=with_errors({200: list[HonourOut]}), summary="Honours")
@paginate(Page)
def list_honours(request, filters: Query[HonourFilters]):
    """Latest vote first, proposals last."""
    return filter_honours(visible_honours(request.auth), **filters.dict())


@router.get("/honours/{honour_id}", response=with_errors({200: HonourOut}), summary="One honour")
def get_honour(request, honour_id: HonourId, response: HttpResponse):
    honour = get_object_or_404(visible_honours(request.auth), pk=honour_id)
    response["ETag"] = etag_of(honour)
    return honour


@router.post("/honours", response=with_errors({201: HonourOut}), summary="Propose an honour")
def create_honour(request, payload: HonourIn, response: HttpResponse):
    honour = rules.create_honour(by=request.auth, **linked_records(request, payload.dict()))
    return Status(201, get_honour(request, honour.pk, response))


@router.patch(
    "/honours/{honour_id}",
    response=with_errors({200: HonourOut}),
    summary="Record a vote, a ceremony, a citation; send the ETag as If-Match",
)
def change_honour(request, honour_id: HonourId, payload: HonourChange, response: HttpResponse):
    honour = get_object_or_404(visible_honours(request.auth), pk=honour_id)
    changes = linked_records(request, payload.dict(exclude_unset=True))
    rules.update_honour(honour, by=request.auth, precondition=if_match(request), **changes)
    return get_honour(request, honour_id, response)
