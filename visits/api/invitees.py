"""The address book for the API (issue 17): invitees are guests of the registry with an address
card, so one person is one record; a new person is recorded with POST /guests first. Writes go
through visits.services.address_book; a change sends the card's ETag as If-Match. The needs
come from the invitee's reply and are never read here (DESIGN.md, decision 1)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StrictInt

from visits.api.auth import SIGNED_IN
from visits.api.invitations import allowed
from visits.api.pagination import Page
from visits.api.partial import partial
from visits.api.schemas import GuestId, InputSchema, with_errors
from visits.api.versions import etag_of, if_match
from visits.models import AddressCard, Guest
from visits.services import address_book
from visits.services.errors import RuleBroken

router = Router(tags=["invitations"], auth=SIGNED_IN)


class InviteeOut(Schema):
    id: int = Field(description="The guest's id (see /guests).")
    name: str = Field(description="As written in print.")
    email: str = Field(description="The address the invitations are sent to.")
    postal_address: str = Field(description="For invitations by post.")
    language: str = Field(description="fr or en: the language of their messages.")

    @staticmethod
    def resolve_email(guest) -> str:
        return guest.card.email

    @staticmethod
    def resolve_postal_address(guest) -> str:
        return guest.card.postal_address


class InviteeFields(InputSchema):
    email: str = Field("", max_length=254, description="Where the invitations are sent.")
    postal_address: str = Field("", max_length=1000, description="For invitations by post.")


class InviteeIn(InviteeFields):
    guest: StrictInt = Field(description="The guest of the registry (see /guests).")


InviteeChange = partial(InviteeFields, "InviteeChange")


def card_of(request, guest_id: int) -> AddressCard:
    guests = Guest.objects.visible_to(request.auth)
    cards = AddressCard.objects.select_related("guest").filter(guest__in=guests)
    return get_object_or_404(cards, guest_id=guest_id)


def invitee_out(card: AddressCard, response: HttpResponse) -> Guest:
    response["ETag"] = etag_of(card)
    guest = card.guest
    guest.card = card
    return guest


@router.post(
    "/invitees",
    response=with_errors({201: InviteeOut}),
    summary="Add a guest of the registry to the address book",
)
def add_invitee(request, payload: InviteeIn, response: HttpResponse):
    """One person, one record: a new person is recorded with POST /guests first."""
    guest = Guest.objects.visible_to(request.auth).filter(pk=payload.guest).first()
    if guest is None:
        raise RuleBroken({"guest": [_("No guest you may see has this number.")]})
    card = address_book.add_card(
        guest, by=request.auth, email=payload.email, postal_address=payload.postal_address
    )
    return Status(201, invitee_out(card, response))


@router.get(
    "/invitees/{guest_id}",
    response=with_errors({200: InviteeOut}),
    summary="One invitee's card, with its ETag",
)
def get_invitee(request, guest_id: GuestId, response: HttpResponse):
    allowed(request, "visits.view_addresscard")
    return invitee_out(card_of(request, guest_id), response)


@router.patch(
    "/invitees/{guest_id}",
    response=with_errors({200: InviteeOut}),
    summary="Change an invitee's card; send its ETag as If-Match",
)
def change_invitee(request, guest_id: GuestId, payload: InviteeChange, response: HttpResponse):
    card = card_of(request, guest_id)
    changes = payload.dict(exclude_unset=True)
    changed = address_book.change_card(
        card, by=request.auth, precondition=if_match(request), **changes
    )
    changed.guest = card.guest
    return invitee_out(changed, response)


@router.get("/invitees", response=with_errors({200: list[InviteeOut]}), summary="The address book")
@paginate(Page)
def list_invitees(request):
    """Guests with an address card, alphabetical; never their needs."""
    allowed(request, "visits.view_addresscard")
    guests = Guest.objects.visible_to(request.auth).filter(card__isnull=False)
    return guests.select_related("card").order_by("sort_name", "name", "pk")
