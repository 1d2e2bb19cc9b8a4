"""Guests, rooms and hosts are written in the admin as the API writes them, through
`visits.services.directory`: a change to what calendars show of one (a name, a title, a room's
building, a host's office) moves the sequence of the engagements showing it, in the service."""

from visits.admin.saving import take_saved
from visits.services.directory import create_record, delete_record, update_record


class ThroughDirectory:
    def save_model(self, request, obj, form, change):
        if change:
            changes = {name: form.cleaned_data[name] for name in form.changed_data}
            saved = update_record(obj, by=request.user, **changes)
        else:
            saved = create_record(type(obj), by=request.user, **form.cleaned_data)
        take_saved(obj, saved)

    def delete_model(self, request, obj):
        delete_record(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for record in queryset.order_by("pk"):
            self.delete_model(request, record)
