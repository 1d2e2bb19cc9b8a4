"""“Move with its programme” on a visit's page: a form (by a number of days, or to a new first
day), a preview of each engagement's old and new times, then the move, through
`visits.services.shifting`. No JavaScript: the preview and the confirmation are two POSTs, and
the confirmation carries the values previewed, not the form's."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import time_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from visits.dates import date_format
from visits.models.choices import EngagementStatus
from visits.models.text import validate_one_line
from visits.services.errors import RuleBroken
from visits.services.shifting import MOVABLE_STATUSES, NOTE_LENGTH, plan_shift, shift_visit

DAYS_LIMIT = 36_500  # a century either way: further is a typing slip


class MoveVisitForm(forms.Form):
    days = forms.IntegerField(
        label=gettext_lazy("Move by this many days"),
        required=False,
        min_value=-DAYS_LIMIT,
        max_value=DAYS_LIMIT,
        help_text=gettext_lazy("Negative to move it earlier."),
    )
    first_day = forms.DateField(
        label=gettext_lazy("Or to a new first day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    note = forms.CharField(
        label=gettext_lazy("Why"),
        required=False,
        max_length=NOTE_LENGTH,
        validators=[validate_one_line],
        help_text=gettext_lazy("Kept in the visit's history."),
    )
    # The visit's version when the preview was shown: a change since is not confirmed blind.
    version = forms.CharField(required=False, widget=forms.HiddenInput)

    def move(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("days", "first_day")}

    def show(self, refusal: RuleBroken) -> None:
        for field, reasons in refusal.message_dict.items():
            self.add_error(field if field in self.fields else None, reasons)


def version_of(visit) -> str:
    return visit.updated_at.isoformat()


def unchanged_since(version: str):
    def precondition(current):
        if version_of(current) != version:
            message = _("The visit changed since this preview: look at it again, then confirm.")
            raise RuleBroken({NON_FIELD_ERRORS: [message]})

    return precondition


def slot(starts_at, ends_at) -> str:
    """ "Tue 6 July 2027, 10:00–11:00", in Paris time: the weekday helps see a day's move."""
    start, end = localtime(starts_at), localtime(ends_at)
    day = f"{date_format(start, 'D')} {date_format(start, 'DATE_FORMAT')}"
    return _("%(day)s, %(start)s–%(end)s") % {
        "day": day,
        "start": time_format(start, "H:i"),
        "end": time_format(end, "H:i"),
    }


def preview_rows(plan) -> list[dict]:
    return [
        {
            "engagement": shift.engagement,
            "before": slot(shift.engagement.starts_at, shift.engagement.ends_at),
            "after": slot(shift.starts_at, shift.ends_at),
        }
        for shift in plan.shifts
    ]


def moved_message(visit, count: int) -> str:
    return ngettext(
        "%(reference)s now starts on %(day)s, with its %(count)d engagement.",
        "%(reference)s now starts on %(day)s, with its %(count)d engagements.",
        count,
    ) % {
        "reference": visit.reference,
        "day": date_format(visit.starts_on, "DATE_FORMAT"),
        "count": count,
    }


class MoveVisitMixin:
    """For VisitAdmin: the page at <visit>/move/, and the button to it on the visit's page
    (templates/admin/visits/visit/change_form.html)."""

    move_template = "admin/visits/visit/move.html"

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_move"
        view = self.admin_site.admin_view(self.move_view)
        # Before the default ones: "<id>/" would otherwise catch "<id>/move/".
        return [path("<path:object_id>/move/", view, name=name), *super().get_urls()]

    def may_move(self, request, visit) -> bool:
        return visit.status in MOVABLE_STATUSES and self.has_change_permission(request, visit)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["may_move_visit"] = obj is not None and self.may_move(request, obj)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def move_view(self, request, object_id):
        visit = self.get_object(request, unquote(object_id))
        if visit is None:
            raise Http404
        if not self.has_change_permission(request, visit):
            raise PermissionDenied
        form = MoveVisitForm(request.POST or None)
        plan = None
        if request.method == "POST" and form.is_valid():
            try:
                if "confirm" in request.POST:
                    return self.confirm_move(request, visit, form)
                plan = plan_shift(visit, by=request.user, **form.move())
            except RuleBroken as refusal:
                form.show(refusal)
        if plan is not None:
            form = MoveVisitForm(initial={**form.cleaned_data, "version": version_of(visit)})
        context = {
            **self.admin_site.each_context(request),
            "title": _("Move %(reference)s with its programme") % {"reference": visit.reference},
            "opts": self.opts,
            "original": visit,
            "form": form,
            "plan": plan,
            "rows": preview_rows(plan) if plan is not None else [],
            "change_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[visit.pk]
            ),
        }
        return TemplateResponse(request, self.move_template, context)

    def confirm_move(self, request, visit, form):
        moved = shift_visit(
            visit,
            by=request.user,
            note=form.cleaned_data["note"],
            precondition=unchanged_since(form.cleaned_data["version"]),
            **form.move(),
        )
        count = moved.engagements.exclude(status=EngagementStatus.CANCELLED).count()
        self.message_user(request, moved_message(moved, count), messages.SUCCESS)
        url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[visit.pk])
        return redirect(url)
