"""Writing the address book: the rows an import found good (visits.queries.address_book), each
a guest of the registry with its address card, all or none; and one card at a time (the API)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from visits.models import AddressCard, Guest
from visits.models.choices import GuestCategory
from visits.queries.door import may_see
from visits.services.attribution import authorize
from visits.services.directory import refuse_unknown, validate_and_save, write_changed
from visits.services.errors import RuleBroken


@transaction.atomic
def import_rows(rows, *, by) -> list[Guest]:
    """The good rows of `rows` as guests with their cards; the others are left out."""
    authorize(by, "visits.add_guest")
    authorize(by, "visits.add_addresscard")
    good = [row for row in rows if row.good]
    guests = Guest.objects.bulk_create(
        Guest(
            name=row.values["name"],
            title_fr=row.values["title_fr"],
            title_en=row.values["title_en"],
            language=row.values["language"] or "fr",
            category=GuestCategory.OTHER,
            sort_name=row.values["name"],
        )
        for row in good
    )
    AddressCard.objects.bulk_create(
        AddressCard(
            guest=guest, email=row.values["email"], postal_address=row.values["postal_address"]
        )
        for guest, row in zip(guests, good, strict=True)
    )
    return guests


# What the API writes on a card: the needs come from the invitee's reply, not the office.
CARD_FIELDS = ("email", "postal_address")


@transaction.atomic
def add_card(guest: Guest, *, by, **fields) -> AddressCard:
    """A guest of the registry joins the address book: one person, one record (a new person
    is added to the registry first). Two additions at once make one card."""
    refuse_unknown(AddressCard, fields, CARD_FIELDS)
    authorize(by, "visits.add_addresscard")
    current = Guest.objects.select_for_update().get(pk=guest.pk)
    if by is not None and not may_see(by, current):
        raise PermissionDenied(f"{by} may not see guest {current.pk}")
    if AddressCard.objects.filter(guest=current).exists():
        already = _("This guest is already in the address book: change their card instead.")
        raise RuleBroken({"guest": [already]})
    card = AddressCard(guest=current, **fields)
    validate_and_save(card)
    return card


@transaction.atomic
def change_card(card: AddressCard, *, by, precondition=None, **changes) -> AddressCard:
    """`precondition(current)`, if given, runs once the card is locked (the API's If-Match)."""
    refuse_unknown(AddressCard, changes, CARD_FIELDS)
    authorize(by, "visits.change_addresscard")
    current = AddressCard.objects.select_for_update().get(pk=card.pk)
    if precondition is not None:
        precondition(current)
    write_changed(current, changes)
    return current
