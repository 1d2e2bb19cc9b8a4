from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from visits.admin.door import DeletionRuleMixin, DoorModelAdmin, limit_status_choices
from visits.admin.fields import LocalTimesMixin
from visits.admin.history import DoorHistoryMixin
from visits.admin.list_filters import UpcomingFirstMixin, VisitCountryFilter, VisitWhenFilter
from visits.admin.moving import MoveVisitMixin
from visits.admin.refusals import RefusableForm, shown_under
from visits.admin.row_links import LinkOnceChangeList, LinkOnceMixin
from visits.admin.saving import record_formset, take_saved
from visits.admin.searching import SearchOnceMixin
from visits.admin.visit_layout import VisitPageLayoutMixin
from visits.admin.visit_parts import (
    ChecklistInline,
    EngagementInline,
    TransitionInline,
    VisitGuestInline,
)
from visits.models import Visit
from visits.models.choices import VisitStatus
from visits.models.visits import principal_names
from visits.roles import protocol_officers, staff_members
from visits.services import (
    TransitionRefused,
    add_task,
    allowed_moves,
    change_delegation,
    create_visit,
    delete_task,
    move_visit,
    update_task,
    update_visit,
)
from visits.services import visits as visit_services
from visits.services.checklist_tasks import TASK_FIELDS
from visits.services.errors import RuleBroken
from visits.services.lifecycle import (
    check_move,
    moves_message,
    possible_moves,
    tentative_engagements,
)
from visits.services.visits import (
    VISIT_DELETION_REFUSAL,
    delete_visit,
    may_delete_visit,
    refuse_stranded_programme,
)


def without(fields, name):
    return [
        tuple(f for f in field if f != name) if isinstance(field, tuple) else field
        for field in fields
        if field != name
    ]


class VisitForm(RefusableForm):
    """The status moves only along the lifecycle; the move's note goes to its record."""

    move_note = forms.CharField(
        label=_("note on the status change"), required=False, widget=forms.Textarea({"rows": 2})
    )
    # Offered (and labelled with their number) only while the visit may be confirmed and has
    # tentative engagements: VisitAdmin.get_form.
    confirm_programme = forms.BooleanField(
        required=False,
        help_text=_("Once the status is confirmed; calendars are told of each engagement."),
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


def record_delegation(formset) -> None:
    """For the admin's log: the rows as the officer changed them (the service wrote them)."""
    deleted = set(formset.deleted_forms)
    record_formset(
        formset,
        new=[f.instance for f in formset.extra_forms if f.has_changed() and f not in deleted],
        changed=[
            (f.instance, f.changed_data)
            for f in formset.initial_forms
            if f.has_changed() and f not in deleted
        ],
        deleted=[f.instance for f in formset.initial_forms if f in deleted],
    )


def save_checklist(formset, visit: Visit, by) -> None:
    """Each task added, changed or removed on the page, through the checklist's services."""
    deleted = set(formset.deleted_forms)
    new, changed, removed = [], [], []
    for form in formset.initial_forms:
        task = form.instance
        if form in deleted:
            delete_task(task, by=by)
            removed.append(task)
        elif form.has_changed():
            changes = {name: form.cleaned_data[name] for name in form.changed_data}
            changed.append((update_task(task, by=by, **changes), form.changed_data))
    for form in formset.extra_forms:
        if form.has_changed() and form not in deleted:
            fields = {name: form.cleaned_data[name] for name in TASK_FIELDS}
            new.append(add_task(visit, by=by, **fields))
    record_formset(formset, new=new, changed=changed, deleted=removed)


class VisitChangeList(LinkOnceChangeList):
    """The list reads the columns it shows, the principal guests' names among them, and no
    more: a visit's notes and the lead officer's account are for its own page."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return queryset.annotate(principal_names=principal_names()).only(*LIST_COLUMNS)


# What the list's columns read (VisitAdmin.list_display): a missing one would be read again
# for each row, which the query-count tests would see.
LIST_COLUMNS = [
    "reference",
    "occasion_fr",
    "occasion_en",
    "starts_on",
    "kind",
    "status",
    "confidentiality",
    "lead_officer__username",
]


@admin.register(Visit)
class VisitAdmin(
    SearchOnceMixin,
    LinkOnceMixin,
    MoveVisitMixin,
    UpcomingFirstMixin,
    VisitPageLayoutMixin,
    LocalTimesMixin,
    DeletionRuleMixin,
    DoorHistoryMixin,
    DoorModelAdmin,
):
    form = VisitForm
    add_title = _("New visit")
    date_field = "starts_on"  # the coming visits first, soonest first
    snapshot_leaves_out = ("move_note", "confirm_programme", "programme_links")
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
        VisitWhenFilter,
        "status",
        "kind",
        "confidentiality",
        VisitCountryFilter,
        "request_channel",
        "hosts",
    ]  # dates: the period above and the date hierarchy (years, months, days)
    list_select_related = ["lead_officer"]
    search_fields = ["pk__matches"]  # reference, occasions, notes, guests: models/search.py
    date_hierarchy = "starts_on"
    # "12 results (Show all)", not "(5,815 total)": a count of every visit on each filtered
    # or searched page, for a number nobody works from.
    show_full_result_count = False
    autocomplete_fields = ["hosts"]
    readonly_fields = ["reference", "created_at", "updated_at", "programme_links"]
    inlines = [VisitGuestInline, EngagementInline, ChecklistInline, TransitionInline]
    # What the delegation's and the checklist's services refuse shows above their rows.
    refusals_on_inlines = {"delegation": "participants", "checklist": "checklist"}
    filter_horizontal = ["followers"]

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
            # Offered: the moves a rule allows now. Accepted: the lifecycle's, so that one
            # refused by a rule (posted from a page left open) is told why, by clean().
            offered = [obj.status, *self.offered_moves(obj)]
            allowed = [obj.status, *allowed_moves(obj.status)]
            limit_status_choices(form, allowed, moves_message(obj.status), offered=offered)
        if "notes" in form.base_fields:  # a few lines to start with; it can be drawn taller
            form.base_fields["notes"].widget.attrs["rows"] = 4
        tentative = self.tentative_count(obj)
        if tentative:
            form.base_fields["confirm_programme"].label = ngettext(
                "Also confirm its tentative engagement",
                "Also confirm its %(count)d tentative engagements",
                tentative,
            ) % {"count": tentative}
        else:
            form.base_fields.pop("confirm_programme", None)
        return form

    def offered_moves(self, obj) -> tuple:
        """Read once per page: the form and its fieldsets both ask."""
        if not hasattr(obj, "_offered_moves"):
            obj._offered_moves = possible_moves(obj)
        return obj._offered_moves

    def tentative_count(self, obj) -> int:
        """Tentative engagements the move to confirmed may confirm too; 0 when it is not
        a move the visit may make."""
        if obj is None or VisitStatus.CONFIRMED not in self.offered_moves(obj):
            return 0
        if not hasattr(obj, "_tentative_count"):
            obj._tentative_count = tentative_engagements(obj).count()
        return obj._tentative_count

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        # A new visit is requested; it then moves along its lifecycle.
        return [*readonly, "status"] if obj is None else readonly

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        absent = ["move_note"] if obj is None else []
        if not self.tentative_count(obj):
            absent.append("confirm_programme")
        for name in absent:
            fieldsets = [
                (title, {**options, "fields": without(options["fields"], name)})
                for title, options in fieldsets
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
        """Written with its inlines, in `save_related`: a new visit is created with its
        delegation, as the API creates it."""

    def save_related(self, request, form, formsets, change):
        """The visit, its delegation, its move and its checklist, each through its service.
        A refusal of any undoes them all (Django's transaction for the page) and is shown."""
        by, data = request.user, form.cleaned_data
        formsets = {formset.prefix: formset for formset in formsets}
        delegation = formsets.get("participants")  # absent without the rights to it
        fields = {name: data[name] for name in visit_services.EDITABLE_FIELDS if name in data}
        people = {name: data[name] for name in ("hosts", "followers") if name in data}
        if change:
            saved = update_visit(form.instance, by=by, **people, **fields)
            if delegation is not None and delegation.has_changed():
                with shown_under("delegation"):
                    change_delegation(saved, by=by, delegation=delegation.delegation())
            if data["status"] != saved.status:
                saved = move_visit(
                    saved,
                    data["status"],
                    by=by,
                    note=data.get("move_note", ""),
                    confirm_programme=data.get("confirm_programme", False),
                )
        else:
            rows = delegation.delegation() if delegation is not None else []
            saved = create_visit(by=by, delegation=rows, **people, **fields)
        take_saved(form.instance, saved)
        if delegation is not None:
            record_delegation(delegation)
        if "checklist" in formsets:
            with shown_under("checklist"):
                save_checklist(formsets["checklist"], saved, by)
        for formset in formsets.values():
            if not hasattr(formset, "new_objects"):  # read only: nothing to save
                record_formset(formset)

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

    def get_changelist(self, request, **kwargs):
        return VisitChangeList

    @admin.display(description=_("occasion"), ordering="occasion_fr")
    def occasion(self, visit):
        return visit.occasion

    @admin.display(description=_("principal guests"))
    def principal_guests(self, visit):
        return visit.principal_names or ""
