from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from visits.admin.directory import ThroughDirectory
from visits.admin.door import DoorModelAdmin
from visits.admin.list_filters import GuestCountryFilter
from visits.models import Guest


@admin.register(Guest)
class GuestAdmin(ThroughDirectory, DoorModelAdmin):
    add_title = _("New guest")
    list_display = ["name", "kind", "category", "title", "country_name", "city", "deceased"]
    list_filter = ["kind", "category", "gender", "deceased", GuestCountryFilter]
    search_fields = [
        f"{name}__matches" for name in ("name", "sort_name", "title_fr", "title_en", "city")
    ]
    fieldsets = [
        (None, {"fields": ["kind", "name", "sort_name", "category", "country", "city"]}),
        (_("Office or title"), {"fields": [("title_fr", "title_en")]}),
        (
            _("Forms of address"),
            {
                "fields": [
                    "gender",
                    ("salutation_fr", "salutation_en"),
                    ("envelope_fr", "envelope_en"),
                    ("closing_fr", "closing_en"),
                ]
            },
        ),
        (None, {"fields": ["deceased", "notes"]}),
    ]

    @admin.display(description=_("office or title"))
    def title(self, guest):
        return guest.title

    @admin.display(description=_("country"), ordering="country")
    def country_name(self, guest):
        # Not the field itself: the admin would flatten 250 country choices on every row.
        return guest.country.name
