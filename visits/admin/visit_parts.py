"""What the visit's page shows besides its own fields: the delegation (edited here), the
programme and the lifecycle (read here)."""

from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from visits.admin.door import DoorTabularInline, ReadOnlyInlineMixin
from visits.models import ChecklistTask, Engagement, VisitGuest, VisitTransition
from visits.models.choices import DelegationRole
from visits.roles import staff_members
from visits.services import Conflict
from visits.services.conflicts import refuse_delegation_conflicts


class DelegationFormSet(BaseInlineFormSet):
    viewer = None  # set per request by the inline

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            f.cleaned_data for f in self.forms if f.cleaned_data and not self._should_delete_form(f)
        ]
        principals = [
            data["guest"] for data in kept if data.get("role") == DelegationRole.PRINCIPAL
        ]
        if not principals:
            raise ValidationError(_("A visit needs at least one principal guest."))
        if self.instance.pk is None:
            return
        if self.viewer is None:
            raise ImproperlyConfigured("DelegationFormSet needs the viewer")
        # Only a guest who becomes principal now must be free when the programme runs: a clash
        # already there (imported data) does not block every other edit of the visit.
        already = set(
            self.instance.participants.filter(role=DelegationRole.PRINCIPAL).values_list(
                "guest_id", flat=True
            )
        )
        added = [guest for guest in principals if guest.pk not in already]
        try:
            refuse_delegation_conflicts(self.instance, added, self.viewer)
        except Conflict as refusal:
            raise ValidationError(refusal.messages) from refusal


class VisitGuestInline(DoorTabularInline):
    model = VisitGuest
    formset = DelegationFormSet
    extra = 1
    autocomplete_fields = ["guest"]
    fields = ["guest", "role", "position"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.viewer = request.user
        return formset


class EngagementInline(ReadOnlyInlineMixin, DoorTabularInline):
    """The programme, in time order, to read here: each engagement is written on its own page,
    through the scheduling services (conflicts, time zone, history)."""

    model = Engagement
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
    extra = 0
    fields = ["at", "from_status", "to_status", "by", "note"]
    readonly_fields = fields
    verbose_name_plural = _("lifecycle")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")


class ChecklistInline(DoorTabularInline):
    """The retro-planning: deadlines follow the visit's first day; assign and tick off here."""

    model = ChecklistTask
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
