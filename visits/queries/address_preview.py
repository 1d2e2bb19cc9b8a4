"""A guest's forms of address in French and English, as the office's table generates them from
the guest as saved: the preview on the guest's page."""

from django.db.models import Prefetch

from visits.ceremony.address import Forms, forms_of_address
from visits.models import AddressForm, Guest, OfficeHolding
from visits.queries.ceremony_data import addressee_of, forms_table

LANGUAGES = ("fr", "en")


def address_preview(guest) -> dict[str, Forms]:
    """{"fr": Forms, "en": Forms}, in three queries. The guest is read again: a form sent back
    with errors has put what was typed on the instance, and the preview says what is stored.
    Empty when the guest is gone."""
    return forms_in_both_languages(Guest.objects.all(), guest.pk) or {}


def forms_in_both_languages(guests, pk) -> dict[str, Forms] | None:
    """The forms of the guest `pk` among `guests` (the API passes those its caller may see);
    None when it is not among them."""
    holdings = OfficeHolding.objects.select_related("office").order_by("pk")
    saved = guests.prefetch_related(Prefetch("holdings", holdings, to_attr="held")).filter(pk=pk)
    saved = saved.first()
    if saved is None:
        return None
    addressee = addressee_of(saved)
    table = forms_table(AddressForm.objects.all())
    return {language: forms_of_address(addressee, table, language) for language in LANGUAGES}
