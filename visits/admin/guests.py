from django.contrib import admin
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from visits.admin.directory import ThroughDirectory
from visits.admin.door import DoorModelAdmin
from visits.admin.fields import LocalTimesMixin
from visits.admin.list_filters import GuestCountryFilter
from visits.admin.precedence import OfficeHoldingInline
from visits.ceremony.address import FIELDS
from visits.models import AddressForm, Guest
from visits.queries.address_preview import address_preview


@admin.register(Guest)
class GuestAdmin(LocalTimesMixin, ThroughDirectory, DoorModelAdmin):
    add_title = _("New guest")
    list_display = ["name", "kind", "category", "title", "country_name", "city", "deceased"]
    list_filter = ["kind", "category", "gender", "deceased", GuestCountryFilter]
    search_fields = [
        f"{name}__matches" for name in ("name", "sort_name", "title_fr", "title_en", "city")
    ]
    autocomplete_fields = ["spouse"]
    inlines = [OfficeHoldingInline]
    readonly_fields = ["generated_forms"]
    fieldsets = [
        (None, {"fields": ["kind", "name", "sort_name", "category", "country", "city"]}),
        (_("Office or title"), {"fields": [("title_fr", "title_en")]}),
        (
            _("Forms of address"),
            {
                "fields": [
                    ("gender", "address_style"),
                    ("salutation_fr", "salutation_en"),
                    ("envelope_fr", "envelope_en"),
                    ("closing_fr", "closing_en"),
                    "generated_forms",
                ]
            },
        ),
        (
            _("Precedence"),
            {
                "fields": [
                    ("born_on", "military"),
                    ("diplomatic_class", "functions_taken_up_at"),
                    "spouse",
                    "language",
                ]
            },
        ),
        (None, {"fields": ["deceased", "notes"]}),
    ]

    @admin.display(description=_("generated forms"))
    def generated_forms(self, guest):
        """The appel, traitement, suscription, place card and closing, French beside English,
        as the table makes them for the guest as saved (the preview does not follow typing)."""
        if guest.pk is None:
            return _("Shown once the guest is saved.")
        forms = address_preview(guest)
        rows = [
            {
                "label": AddressForm._meta.get_field(field).verbose_name,
                "cells": [
                    {
                        "language": language,
                        "text": getattr(made, field),
                        "own": field not in made.generated,
                    }
                    for language, made in forms.items()
                ],
            }
            for field in FIELDS
        ]
        return render_to_string("admin/visits/guest/address_preview.html", {"rows": rows})

    @admin.display(description=_("office or title"))
    def title(self, guest):
        return guest.title

    @admin.display(description=_("country"), ordering="country")
    def country_name(self, guest):
        # Not the field itself: the admin would flatten 250 country choices on every row.
        return guest.country.name
