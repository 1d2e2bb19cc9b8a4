"""The forms-of-address table (PROTOCOL_RULES.md § 5): per style, language and grammatical
gender, the appel, traitement, suscription, place card and closing formula the office writes."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from visits.admin.door import DoorModelAdmin
from visits.models import AddressForm


@admin.register(AddressForm)
class AddressFormAdmin(DoorModelAdmin):
    add_title = _("New form of address")
    list_display = ["style", "language", "gender", "appel", "suscription"]
    list_filter = ["style", "language", "gender"]
    search_fields = [
        f"{name}__matches"
        for name in ("appel", "traitement", "suscription", "place_card", "closing", "plural")
    ]
    fieldsets = [
        (None, {"fields": [("style", "language", "gender")]}),
        (
            _("Forms"),
            {
                "description": _(
                    "{name}, {office}, {country} and {of_country} (the country with its "
                    "preposition: de France, du Japon) are filled in for each person."
                ),
                "fields": ["appel", "traitement", "suscription", "place_card", "closing", "plural"],
            },
        ),
    ]
