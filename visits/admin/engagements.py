from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ImproperlyConfigured
from django.forms.models import construct_instance
from django.utils.formats import time_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from visits.admin.door import DeletionRuleMixin, DoorModelAdmin, limit_status_choices
from visits.admin.fields import LocalTimesMixin
from visits.admin.history import DoorHistoryMixin
from visits.admin.list_filters import EngagementWhenFilter, UpcomingFirstMixin
from visits.admin.refusals import RefusableForm
from visits.admin.saving import take_saved
from visits.dates import date_format
from visits.models import Engagement, Visit
from visits.models.visits import principal_names
from visits.roles import staff_members
from visits.services import RuleBroken, cancel_engagement, confirm_engagement, engagements

# What an officer edits of an engagement.
ENGAGEMENT_FIELDS = [
    "kind",
    ("title_fr", "title_en"),
    ("starts_at", "ends_at"),
    "status",
    ("venue", "location"),
    "hosts",
    "assigned_staff",
    "notes",
]


class EngagementForm(RefusableForm):
    """Runs the scheduling rules while validating, so a refusal (a clash, a closed visit, a
    forbidden status) shows beside its field. The rows checked stay locked until the admin's
    transaction commits the save, which runs the same service again."""

    viewer = None  # set per request by the admin

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if self.viewer is None:
            raise ImproperlyConfigured("EngagementForm needs the viewer")
        fields = {name: data[name] for name in engagements.EDITABLE_FIELDS if name in self.fields}
        try:
            if self.instance.pk is None:
                engagements.check_new_engagement(
                    visit=data["visit"], by=self.viewer, hosts=data["hosts"], **fields
                )
            else:
                engagements.check_engagement_changes(
                    self.instance, by=self.viewer, hosts=data["hosts"], **fields
                )
        except RuleBroken as refusal:
            self.add_error(None, refusal)
        return data

    def _post_clean(self):
        # The model's own checks already ran in clean(), through the services, which also
        # write the engagement (the admin's save_model): the form only fills its instance.
        construct_instance(self, self.instance, self._meta.fields, self._meta.exclude)


class EngagementChangeList(ChangeList):
    """The list's rows with their visit's principal guests' names (the guests' column), in
    the page's own query; a single engagement's page does not need them."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return queryset.annotate(principal_names=principal_names("visit"))


@admin.register(Engagement)
class EngagementAdmin(
    UpcomingFirstMixin, LocalTimesMixin, DeletionRuleMixin, DoorHistoryMixin, DoorModelAdmin
):
    form = EngagementForm
    add_title = _("New engagement")
    date_field = "starts_at"  # from today on, soonest first
    list_display = ["title", "guests", "visit_reference", "kind", "when", "venue", "status"]
    list_filter = [
        EngagementWhenFilter,
        "status",
        "kind",
        "venue",
        "hosts",
        ("starts_at", admin.DateFieldListFilter),
    ]
    list_select_related = ["visit", "venue"]
    search_fields = ["pk__matches"]  # titles, location, the visit's: models/search.py
    date_hierarchy = "starts_at"
    autocomplete_fields = ["visit", "venue", "hosts"]
    readonly_fields = ["uid", "sequence", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["visit", *ENGAGEMENT_FIELDS]}),
        # The calendars' identity and revision of the event: for support, folded.
        (
            _("Record"),
            {
                "classes": ["collapse"],
                "fields": [("created_at", "updated_at"), ("uid", "sequence")],
            },
        ),
    ]
    actions = ["confirm_selected", "cancel_selected"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.viewer = request.user
        if obj is not None:
            limit_status_choices(
                form,
                engagements.allowed_engagement_statuses(obj.status),
                engagements.status_moves_message(obj.status),
            )
        return form

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return fieldsets if obj is not None else fieldsets[:1]  # a new one has no record yet

    def get_changeform_initial_data(self, request):
        """`?visit=<id>` (the visit page's "Add an engagement") starts the engagement on the
        visit's first day, the hour left to choose."""
        initial = super().get_changeform_initial_data(request)
        if "visit" in initial:
            visible = Visit.objects.visible_to(request.user).filter(pk=initial["visit"])
            first_day = visible.values_list("starts_on", flat=True).first()
            if first_day is not None:
                initial["starts_at"] = initial["ends_at"] = [first_day, None]
        return initial

    def get_readonly_fields(self, request, obj=None):
        # An engagement stays in its visit: moving it would change whose programme it is.
        readonly = super().get_readonly_fields(request, obj)
        return [*readonly, "visit"] if obj is not None else readonly

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        fields = {name: data[name] for name in engagements.EDITABLE_FIELDS if name in data}
        people = {name: data[name] for name in ("hosts", "assigned_staff") if name in data}
        if change:
            saved = engagements.update_engagement(obj, by=request.user, **people, **fields)
        else:
            saved = engagements.create_engagement(
                visit=data["visit"], by=request.user, **people, **fields
            )
        take_saved(obj, saved)

    def save_related(self, request, form, formsets, change):
        """Nothing left: the service wrote the hosts and the staff assigned (and planned their
        reminders)."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "assigned_staff":
            kwargs["queryset"] = staff_members()
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def may_delete(self, obj):
        return engagements.may_delete(obj)

    def deletion_refusal(self, obj):
        return engagements.deletion_refusal(obj)

    def delete_model(self, request, obj):
        engagements.delete_engagement(obj, by=request.user)

    def get_changelist(self, request, **kwargs):
        return EngagementChangeList

    @admin.display(description=_("principal guests"))
    def guests(self, engagement):
        return engagement.principal_names or ""

    @admin.display(description=_("date and time"), ordering="starts_at")
    def when(self, engagement):
        """One column for the day and the hours ("17 décembre 2026, 11:00–12:00")."""
        starts, ends = localtime(engagement.starts_at), localtime(engagement.ends_at)
        hours = f"{time_format(starts)}–{time_format(ends)}"
        if starts.date() == ends.date():
            return f"{date_format(starts)}, {hours}"
        return f"{date_format(starts, 'DATETIME_FORMAT')} – {date_format(ends, 'DATETIME_FORMAT')}"

    @admin.display(description=_("visit"), ordering="visit__reference")
    def visit_reference(self, engagement):
        return engagement.visit.reference

    @admin.action(description=_("Confirm the selected engagements"), permissions=["change"])
    def confirm_selected(self, request, queryset):
        self.apply_to_each(request, queryset, confirm_engagement)

    @admin.action(description=_("Cancel the selected engagements"), permissions=["change"])
    def cancel_selected(self, request, queryset):
        self.apply_to_each(request, queryset, cancel_engagement)

    def apply_to_each(self, request, queryset, service):
        # The request is one transaction: lock every visit, then every engagement, each in
        # key order, so that two officers acting on overlapping selections wait, not deadlock.
        list(Visit.objects.select_for_update().filter(engagements__in=queryset).order_by("pk"))
        list(Engagement.objects.select_for_update().filter(pk__in=queryset).order_by("pk"))
        done = 0
        for engagement in queryset:
            try:
                service(engagement, by=request.user)
                done += 1
            except RuleBroken as refusal:
                for message in refusal.messages:
                    self.message_user(request, f"{engagement}: {message}", messages.ERROR)
        if done:
            self.message_user(
                request,
                ngettext("%(count)d engagement updated.", "%(count)d engagements updated.", done)
                % {"count": done},
                messages.SUCCESS,
            )
