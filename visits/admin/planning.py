"""Reminders (read, and retried when they failed), checklist templates, staff profiles."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from visits.admin.door import DoorModelAdmin
from visits.admin.titles import TitledAdminMixin
from visits.models import ChecklistTemplate, ChecklistTemplateTask, Reminder, StaffProfile
from visits.services import dispatch
from visits.services.reminders import replan_for


@admin.register(Reminder)
class ReminderAdmin(DoorModelAdmin):
    add_title = _("New reminder")
    list_display = ["due_at", "kind", "recipient", "engagement", "task", "status", "attempts"]
    list_filter = ["status", "kind", ("due_at", admin.DateFieldListFilter)]
    list_select_related = ["recipient", "engagement", "task"]
    search_fields = ["key", "recipient__username", "recipient__email", "last_error"]
    date_hierarchy = "due_at"
    actions = ["retry_selected"]
    readonly_fields = [
        "key",
        "kind",
        "recipient",
        "engagement",
        "task",
        "due_at",
        "status",
        "attempts",
        "last_error",
        "claimed_at",
        "sent_at",
        "details",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request):
        return False  # written by the services only

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send the selected failed reminders again"), permissions=["change"])
    def retry_selected(self, request, queryset):
        count = dispatch.retry(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d failed reminder will be sent again within a minute.",
                "%(count)d failed reminders will be sent again within a minute.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


class ChecklistTemplateTaskInline(admin.TabularInline):
    model = ChecklistTemplateTask
    add_text = _("Add a task")
    extra = 1
    fields = ["days_from_visit", "title_fr", "title_en"]


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(TitledAdminMixin, admin.ModelAdmin):
    """New visits get their kind's tasks; visits planned already keep theirs."""

    add_title = _("New checklist template")

    list_display = ["visit_kind"]
    inlines = [ChecklistTemplateTaskInline]


class StaffProfileInline(admin.StackedInline):
    model = StaffProfile
    can_delete = False
    fields = ["language", "email", "lead_times", "wants_daily_agenda"]


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class UserWithProfileAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, StaffProfileInline]

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is StaffProfile and formset.has_changed():
            # As the person's own page does: their reminders follow the new settings at once.
            replan_for(form.instance)
