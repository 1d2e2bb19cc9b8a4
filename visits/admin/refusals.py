"""A service's refusal of an admin save is shown on the page, and nothing of the save is kept.

The admin writes a record and then its inlines, each through a service (DESIGN.md, decision 2),
inside the transaction Django opens for the page. A service that refuses raises RuleBroken,
keyed by field: that transaction is rolled back (the record's own save with it) and the page is
validated again with the refusal added, beside its field, or on the inline its key names, as
any other form error. A refused deletion or action is rolled back and said in a message.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.shortcuts import redirect

from visits.admin.labels import name_the_controls
from visits.services.errors import RuleBroken

REFUSAL = "refused_on_save"  # the request's attribute, for the second validation


@dataclass
class Refusal:
    beside: dict  # field (or NON_FIELD_ERRORS) → messages, for the record's form
    on_inlines: dict = field(default_factory=dict)  # inline prefix → messages


def messages_by_key(refusal: RuleBroken) -> dict:
    if hasattr(refusal, "error_dict"):
        return {
            key: [message for error in errors for message in error.messages]
            for key, errors in refusal.error_dict.items()
        }
    return {NON_FIELD_ERRORS: refusal.messages}


@contextmanager
def shown_under(key: str):
    """A refusal from inside is shown under `key` (an inline's), whatever fields it names."""
    try:
        yield
    except RuleBroken as refusal:
        raise RuleBroken({key: refusal.messages}) from refusal


class RefusableForm(forms.ModelForm):
    """The record's form, which shows a refusal given to it (set per request by the admin)."""

    refusal: Refusal | None = None

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or self.refusal is None:
            return
        for key, problems in self.refusal.beside.items():
            self.add_error(key if key in self.fields else None, problems)
        for problems in self.refusal.on_inlines.values():  # an inline not on this page
            self.add_error(None, problems)


class RefusableInlineFormSet(BaseInlineFormSet):
    """An inline's formset, which shows a refusal given to it above its rows."""

    refusal: list | None = None

    def add_fields(self, form, index):
        super().add_fields(form, index)
        name_the_controls(form.fields)  # a tabular row's labels are its columns' headers

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.refusal:
            self._non_form_errors.extend(self.refusal)


class RefusalsShown:
    """For ModelAdmins whose saves call services: see the module's docstring."""

    form = RefusableForm
    # A service's error key → the prefix of the inline that shows it ("delegation" →
    # "participants"); any other key goes beside the form's field of that name, or above it.
    refusals_on_inlines: dict[str, str] = {}

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except RuleBroken as refusal:
            if request.method != "POST" or hasattr(request, REFUSAL):
                raise
            setattr(request, REFUSAL, self.placed(refusal))
        # Django's transaction for the page is rolled back: validate again, refusal shown.
        return super().changeform_view(request, object_id, form_url, extra_context)

    def placed(self, refusal: RuleBroken) -> Refusal:
        placed = Refusal(beside={})
        for key, problems in messages_by_key(refusal).items():
            prefix = self.refusals_on_inlines.get(key)
            target = placed.on_inlines if prefix else placed.beside
            target.setdefault(prefix or key, []).extend(problems)
        return placed

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.refusal = getattr(request, REFUSAL, None)
        return form

    def get_formsets_with_inlines(self, request, obj=None):
        refusal = getattr(request, REFUSAL, None)
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if refusal is not None and formset.get_default_prefix() in refusal.on_inlines:
                # Taken from what the record's form shows: the formsets are made before the
                # form is validated.
                formset.refusal = refusal.on_inlines.pop(formset.get_default_prefix())
            yield formset, inline

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except RuleBroken as refusal:
            self.message_user(request, " ".join(refusal.messages), messages.ERROR)
            opts = self.model._meta
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", object_id)

    def response_action(self, request, queryset):
        try:
            with transaction.atomic():
                return super().response_action(request, queryset)
        except RuleBroken as refusal:
            self.message_user(request, " ".join(refusal.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
