"""Writing the address book's rows an import found good (visits.queries.address_book): each a
guest of the registry with its address card, all or none."""

from django.db import transaction

from visits.models import AddressCard, Guest
from visits.models.choices import GuestCategory
from visits.services.attribution import authorize


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
