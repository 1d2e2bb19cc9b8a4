from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from visits.admin.door import DoorModelAdmin, DoorStackedInline, DoorTabularInline
from visits.admin.engagements import ENGAGEMENT_FIELDS
from visits.models import Engagement, Visit, VisitGuest
from visits.models.choices import DelegationRole
from visits.roles import protocol_officers


class DelegationFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            f.cleaned_data for f in self.forms if f.cleaned_data and not self._should_delete_form(f)
        ]
        if not any(data.get("role") == DelegationRole.PRINCIPAL for data in kept):
            raise ValidationError(_("A visit needs at least one principal guest."))


class VisitGuestInline(DoorTabularInline):
    model = VisitGuest
    formset = DelegationFormSet
    extra = 1
    autocomplete_fields = ["guest"]
    fields = ["guest", "role", "position"]


class EngagementInline(DoorStackedInline):
    """The programme, in time order."""

    model = Engagement
    extra = 0
    ordering = ["starts_at"]
    autocomplete_fields = ["venue", "hosts"]
    show_change_link = True
    fields = ENGAGEMENT_FIELDS


@admin.register(Visit)
class VisitAdmin(DoorModelAdmin):
    list_display = [
        "reference",
        "occasion",
        "principal_guests",
        "starts_on",
        "kind",
        "status",
        "confidentiality",
        "lead_officer",
    ]
    list_filter = [
        "status",
        "kind",
        "confidentiality",
        "request_channel",
        "hosts",
        ("starts_on", admin.DateFieldListFilter),
    ]
    list_select_related = ["lead_officer"]
    search_fields = ["reference", "occasion_fr", "occasion_en", "guests__name", "notes"]
    date_hierarchy = "starts_on"
    autocomplete_fields = ["hosts"]
    readonly_fields = ["reference", "created_at", "updated_at"]
    inlines = [VisitGuestInline, EngagementInline]
    fieldsets = [
        (None, {"fields": ["reference", "kind", ("occasion_fr", "occasion_en")]}),
        (_("Dates"), {"fields": [("starts_on", "ends_on")]}),
        (_("Status"), {"fields": ["status", ("confidentiality", "embargo_until")]}),
        (_("Who receives"), {"fields": ["hosts", "lead_officer"]}),
        (
            _("Request"),
            {
                "fields": [
                    ("request_channel", "requested_on"),
                    "notes",
                    ("created_at", "updated_at"),
                ]
            },
        ),
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "lead_officer":
            # A short list of the office's members, not every account (which officers may not
            # browse): the user admin is not theirs.
            kwargs["queryset"] = protocol_officers()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None and "lead_officer" in form.base_fields:
            # One who left the office stays valid on the visits they led until reassigned.
            form.base_fields["lead_officer"].queryset = protocol_officers(
                keeping=obj.lead_officer_id
            )
        return form

    def get_queryset(self, request):
        principals = VisitGuest.objects.filter(role=DelegationRole.PRINCIPAL).select_related(
            "guest"
        )
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("participants", principals, to_attr="principal_participants")
            )
        )

    @admin.display(description=_("occasion"), ordering="occasion_fr")
    def occasion(self, visit):
        return visit.occasion

    @admin.display(description=_("principal guests"))
    def principal_guests(self, visit):
        return ", ".join(p.guest.name for p in visit.principal_participants)
