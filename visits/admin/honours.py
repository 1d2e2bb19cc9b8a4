from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from visits.admin.door import DoorModelAdmin
from visits.formatting import date_at_precision
from visits.models import HonoraryCitizenship


@admin.register(HonoraryCitizenship)
class HonoraryCitizenshipAdmin(DoorModelAdmin):
    list_display = ["honoree", "status", "vote_date", "posthumous", "received_by_proxy"]
    list_filter = ["status", "posthumous", "received_by_proxy", "voted_on_precision"]
    list_select_related = ["honoree"]
    search_fields = ["honoree__name", "proxy_name", "citation_fr", "citation_en"]
    autocomplete_fields = ["honoree", "ceremony"]
    fields = [
        "honoree",
        "status",
        ("voted_on", "voted_on_precision"),
        "ceremony",
        "posthumous",
        ("received_by_proxy", "proxy_name"),
        ("citation_fr", "citation_en"),
        "notes",
    ]

    @admin.display(description=_("date of the Council vote"), ordering="voted_on")
    def vote_date(self, honour):
        return date_at_precision(honour.voted_on, honour.voted_on_precision)
