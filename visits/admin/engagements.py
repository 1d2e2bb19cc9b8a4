from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from visits.admin.door import DoorModelAdmin
from visits.models import Engagement

# What an officer edits of an engagement, on its own page and in its visit's programme.
ENGAGEMENT_FIELDS = [
    "kind",
    ("title_fr", "title_en"),
    ("starts_at", "ends_at"),
    "status",
    ("venue", "location"),
    "hosts",
    "notes",
]


@admin.register(Engagement)
class EngagementAdmin(DoorModelAdmin):
    list_display = ["title", "visit_reference", "kind", "starts_at", "ends_at", "venue", "status"]
    list_filter = ["status", "kind", "venue", "hosts", ("starts_at", admin.DateFieldListFilter)]
    list_select_related = ["visit", "venue"]
    search_fields = ["title_fr", "title_en", "visit__reference", "visit__occasion_fr", "location"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["visit", "venue", "hosts"]
    readonly_fields = ["uid", "sequence", "created_at", "updated_at"]
    fields = ["visit", *ENGAGEMENT_FIELDS, ("uid", "sequence"), ("created_at", "updated_at")]

    @admin.display(description=_("visit"), ordering="visit__reference")
    def visit_reference(self, engagement):
        return engagement.visit.reference
