"""What the visit's page shows besides its own fields: the delegation and the checklist (edited
here, written by the services: visits.admin.visits), the programme and the lifecycle (read here)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from visits.admin.door import DoorTabularInline, ReadOnlyInlineMixin
from visits.admin.refusals import RefusableInlineFormSet
from visits.models import ChecklistTask, Engagement, VisitGuest, VisitTransition
from visits.roles import staff_members


class DelegationFormSet(RefusableInlineFormSet):
    """Its rules (a principal guest, who is free when the programme runs) are the service's,
    `change_delegation`, which the visit's admin calls with `delegation()`."""

    def delegation(self) -> list:
        """The rows kept, as (guest, role) in their order."""
        deleted = set(self.deleted_forms)
        kept = [
            (form.cleaned_data.get("position") or 0, number, form.cleaned_data)
            for number, form in enumerate(self.forms)
            if form not in deleted and form.cleaned_data.get("guest") is not None
        ]
        return [(data["guest"], data["role"]) for _position, _number, data in sorted(kept)]


class VisitGuestInline(DoorTabularInline):
    model = VisitGuest
    formset = DelegationFormSet
    add_text = _("Add a delegation member")
    extra = 1
    autocomplete_fields = ["guest"]
    fields = ["guest", "role", "position"]


class EngagementInline(ReadOnlyInlineMixin, DoorTabularInline):
    """The programme, in time order, to read here: each engagement is written on its own page,
    through the scheduling services (conflicts, time zone, history)."""

    model = Engagement
    add_text = _("Add an engagement")
    extra = 0
    ordering = ["starts_at"]
    show_change_link = True
    fields = ["starts_at", "ends_at", "title", "venue", "location", "status"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("venue")

    @admin.display(description=_("title"))
    def title(self, engagement):
        return engagement.title


class TransitionInline(ReadOnlyInlineMixin, DoorTabularInline):
    """The lifecycle so far: each move, when and by whom."""

    model = VisitTransition
    add_text = _("Add a lifecycle step")
    extra = 0
    fields = ["at", "from_status", "to_status", "by", "note"]
    readonly_fields = fields
    verbose_name_plural = _("lifecycle")
    classes = ["collapse"]  # read now and then: folded

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")


class ChecklistInline(DoorTabularInline):
    """The retro-planning: deadlines follow the visit's first day; assign and tick off here."""

    model = ChecklistTask
    add_text = _("Add a task")
    extra = 0
    fields = ["due_on", "title_fr", "title_en", "days_from_visit", "assignee", "done_at"]
    readonly_fields = ["due_on"]
    autocomplete_fields = []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":
            kwargs["queryset"] = staff_members()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Read the staff once for every task's select, not once per task.
        assignee = formset.form.base_fields["assignee"]
        assignee.choices = list(assignee.choices)
        return formset
