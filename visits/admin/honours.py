from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from visits.admin.door import DeletionRuleMixin, DoorModelAdmin, limit_status_choices
from visits.admin.saving import take_saved
from visits.formatting import date_at_precision
from visits.models import HonoraryCitizenship
from visits.services import honours


@admin.register(HonoraryCitizenship)
class HonoraryCitizenshipAdmin(DeletionRuleMixin, DoorModelAdmin):
    add_title = _("New honorary citizenship")
    """Written through `visits.services.honours`, as the API writes honours: the status only
    moves forward, the ceremony is an honorary citizenship one, a vote is never deleted."""

    list_display = ["honoree", "status", "vote_date", "posthumous", "received_by_proxy"]
    list_filter = ["status", "posthumous", "received_by_proxy", "voted_on_precision"]
    list_select_related = ["honoree"]
    search_fields = [
        f"{name}__matches" for name in ("honoree__name", "proxy_name", "citation_fr", "citation_en")
    ]
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

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None:
            allowed = honours.allowed_honour_statuses(obj.status)
            limit_status_choices(form, allowed, str(honours.FORWARD_ONLY))
        return form

    def get_readonly_fields(self, request, obj=None):
        # The honour is the guest's: another guest's is another honour.
        readonly = super().get_readonly_fields(request, obj)
        return [*readonly, "honoree"] if obj is not None else readonly

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if change:
            changes = {name: data[name] for name in form.changed_data}
            saved = honours.update_honour(obj, by=request.user, **changes)
        else:
            fields = {name: data[name] for name in honours.HONOUR_FIELDS if name in data}
            saved = honours.create_honour(by=request.user, honoree=data["honoree"], **fields)
        take_saved(obj, saved)

    def may_delete(self, obj):
        return honours.may_delete_honour(obj)

    def deletion_refusal(self, obj):
        return honours.DELETION_REFUSAL

    def delete_model(self, request, obj):
        honours.delete_honour(obj, by=request.user)

    @admin.display(description=_("date of the Council vote"), ordering="voted_on")
    def vote_date(self, honour):
        return date_at_precision(honour.voted_on, honour.voted_on_precision)
