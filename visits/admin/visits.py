from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from visits.admin.door import DeletionRuleMixin, DoorModelAdmin, limit_status_choices
from visits.admin.fields import LocalTimesMixin
from visits.admin.history import DoorHistoryMixin
from visits.admin.visit_parts import (
    ChecklistInline,
    EngagementInline,
    TransitionInline,
    VisitGuestInline,
)
from visits.models import Visit, VisitGuest
from visits.models.visits import with_principal_guests
from visits.roles import protocol_officers, staff_members
from visits.services import (
    TransitionRefused,
    allowed_moves,
    create_visit,
    move_visit,
    update_visit,
)
from visits.services import visits as visit_services
from visits.services.errors import RuleBroken
from visits.services.lifecycle import check_move, moves_message
from visits.services.visits import (
    VISIT_DELETION_REFUSAL,
    delete_visit,
    may_delete_visit,
    record_delegation_change,
    refuse_stranded_programme,
)


def without(fields, name):
    return [
        tuple(f for f in field if f != name) if isinstance(field, tuple) else field
        for field in fields
        if field != name
    ]


class VisitForm(forms.ModelForm):
    """The status moves only along the lifecycle; the move's note goes to its record."""

    move_note = forms.CharField(
        label=_("note on the status change"), required=False, widget=forms.Textarea({"rows": 2})
    )

    def clean(self):
        """The checks `update_visit` and `move_visit` make, with the dates as they will be,
        so that a refusal shows on the form. The visit stays locked until the admin's
        transaction commits the save."""
        data = super().clean()
        if self.instance.pk is None:
            return data
        current = Visit.objects.select_for_update().get(pk=self.instance.pk)
        current.starts_on = data.get("starts_on") or current.starts_on
        current.ends_on = data.get("ends_on") if "ends_on" in self.fields else current.ends_on
        try:
            refuse_stranded_programme(current)
        except RuleBroken as refusal:
            self.add_error("starts_on", refusal.message_dict["starts_on"])
        status = data.get("status")
        if status is not None and status != current.status:
            try:
                check_move(current, status)
            except TransitionRefused as refusal:
                self.add_error("status", refusal.message_dict["status"])
        return data


@admin.register(Visit)
class VisitAdmin(LocalTimesMixin, DeletionRuleMixin, DoorHistoryMixin, DoorModelAdmin):
    form = VisitForm
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
    readonly_fields = ["reference", "created_at", "updated_at", "programme_links"]
    inlines = [VisitGuestInline, EngagementInline, ChecklistInline, TransitionInline]
    filter_horizontal = ["followers"]
    fieldsets = [
        (None, {"fields": ["reference", "kind", ("occasion_fr", "occasion_en")]}),
        (_("Dates"), {"fields": [("starts_on", "ends_on"), "programme_links"]}),
        (_("Status"), {"fields": [("status", "move_note"), ("confidentiality", "embargo_until")]}),
        (_("Who receives"), {"fields": ["hosts", "lead_officer", "followers"]}),
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

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "followers":
            kwargs["queryset"] = staff_members()
        return super().formfield_for_manytomany(db_field, request, **kwargs)

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
        if obj is not None:
            # A move posted anyway (or from a page left open) is told which moves there are.
            allowed = [obj.status, *allowed_moves(obj.status)]
            limit_status_choices(form, allowed, moves_message(obj.status))
        return form

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        # A new visit is requested; it then moves along its lifecycle.
        return [*readonly, "status"] if obj is None else readonly

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return [
                (name, {**options, "fields": without(options["fields"], "move_note")})
                for name, options in fieldsets
            ]
        return fieldsets

    def may_delete(self, obj):
        # Only a visit whose programme is still all tentative: the rest is cancelled instead,
        # so that calendars are told.
        return may_delete_visit(obj)

    def deletion_refusal(self, obj):
        return VISIT_DELETION_REFUSAL

    def delete_model(self, request, obj):
        delete_visit(obj, by=request.user)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        fields = {name: data[name] for name in visit_services.EDITABLE_FIELDS if name in data}
        if change:
            saved = update_visit(obj, by=request.user, hosts=data["hosts"], **fields)
            if data["status"] != saved.status:
                saved = move_visit(
                    saved, data["status"], by=request.user, note=data.get("move_note", "")
                )
        else:
            saved = create_visit(by=request.user, hosts=data["hosts"], **fields)
        obj.pk, obj.reference, obj.status = saved.pk, saved.reference, saved.status
        obj.created_at, obj.updated_at = saved.created_at, saved.updated_at
        obj._state.adding = False

    def save_related(self, request, form, formsets, change):
        # The hosts were written by the service; the delegation is saved here, and kept in
        # the visit's history as one more version of the visit.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
        if change and any(f.has_changed() for f in formsets if f.model is VisitGuest):
            record_delegation_change(form.instance, request.user)
        if "followers" in form.cleaned_data:  # their reminders follow (visits.replanning)
            form.instance.followers.set(form.cleaned_data["followers"])

    @admin.display(description=_("programme"))
    def programme_links(self, visit):
        if visit.pk is None:
            return _("Save the visit first, then add its engagements.")
        add = reverse("admin:visits_engagement_add") + f"?visit={visit.pk}"
        run_sheet = reverse("staff:run_sheet", args=[visit.reference])
        return format_html(
            '<a class="addlink" href="{}">{}</a> &nbsp; <a href="{}">{}</a>',
            add,
            _("Add an engagement"),
            run_sheet,
            _("Print the run-sheet"),
        )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(with_principal_guests())

    @admin.display(description=_("occasion"), ordering="occasion_fr")
    def occasion(self, visit):
        return visit.occasion

    @admin.display(description=_("principal guests"))
    def principal_guests(self, visit):
        return ", ".join(p.guest.name for p in visit.principal_participants)
