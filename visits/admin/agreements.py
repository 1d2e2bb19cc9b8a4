"""The agreements with partner cities for the office: each with its signatories, the visits and
actions under it and its texts (PDFs), written through `visits.services.agreements`; its history
kept."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from visits.admin.door import DoorModelAdmin, DoorStackedInline, DoorTabularInline
from visits.admin.history import DoorHistoryMixin
from visits.admin.refusals import shown_under
from visits.admin.saving import record_formset, take_saved
from visits.models import Agreement, AgreementAction, AgreementText
from visits.services import agreements


class AgreementTextInline(DoorTabularInline):
    model = AgreementText
    extra = 1
    fields = ["language", "document"]

    def has_change_permission(self, request, obj=None):
        return False  # a text is replaced by deleting it and adding the new one

    def has_view_permission(self, request, obj=None):
        return True


class AgreementActionInline(DoorStackedInline):
    model = AgreementAction
    extra = 0
    fields = [
        "theme",
        ("title_fr", "title_en"),
        ("description_fr", "description_en"),
        ("started_on", "started_on_precision", "ended_on"),
        "published",
    ]


@admin.register(Agreement)
class AgreementAdmin(DoorHistoryMixin, DoorModelAdmin):
    add_title = _("New agreement")
    list_display = ["partner_city_fr", "country", "kind", "signed_on", "status", "renewal_on"]
    list_filter = ["kind", "status", "published", "country"]
    search_fields = [f"{name}__matches" for name in ("partner_city_fr", "partner_city_en")]
    autocomplete_fields = ["signatory_hosts", "signatory_guests", "visits"]
    inlines = [AgreementActionInline, AgreementTextInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("partner_city_fr", "partner_city_en"),
                    "country",
                    ("latitude", "longitude"),
                ]
            },
        ),
        (
            _("The agreement"),
            {
                "fields": [
                    "kind",
                    ("signed_on", "signed_on_precision"),
                    "signed_at",
                    ("signatory_hosts", "signatory_guests"),
                    "signatories_text",
                    ("term_years", "renewal_on"),
                    "status",
                    ("summary_fr", "summary_en"),
                    "visits",
                    "source",
                    "published",
                ]
            },
        ),
    ]

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        fields = {name: data[name] for name in agreements.AGREEMENT_FIELDS if name in data}
        links = {
            name: list(data[name])
            for name in ("signatory_hosts", "signatory_guests", "visits")
            if name in data
        }
        if change:
            saved = agreements.update_agreement(obj, by=request.user, **links, **fields)
        else:
            saved = agreements.create_agreement(by=request.user, **links, **fields)
        take_saved(obj, saved)

    def save_related(self, request, form, formsets, change):
        """The service set the links; the actions and texts go through it too (save_formset)."""
        for formset in formsets:
            self.save_formset(request, form, formset, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is AgreementAction:
            return self.save_actions(request, form, formset)
        added, deleted = [], []
        with shown_under(formset.prefix):
            for text_form in formset.forms:
                if not text_form.has_changed() and not text_form.cleaned_data.get("DELETE"):
                    continue
                text = text_form.instance
                if text_form.cleaned_data.get("DELETE") and text.pk:
                    agreements.remove_text(text, by=request.user)
                    deleted.append(text)
                elif text.pk is None and text_form.cleaned_data.get("document"):
                    added.append(
                        agreements.add_text(
                            form.instance,
                            by=request.user,
                            language=text_form.cleaned_data["language"],
                            upload=text_form.cleaned_data["document"],
                        )
                    )
        record_formset(formset, new=added, deleted=deleted)

    def save_actions(self, request, form, formset):
        added, changed, deleted = [], [], []
        with shown_under(formset.prefix):
            for action_form in formset.forms:
                data, action = action_form.cleaned_data, action_form.instance
                if data.get("DELETE") and action.pk:
                    agreements.remove_action(action, by=request.user)
                    deleted.append(action)
                elif not action_form.has_changed() or data.get("DELETE"):
                    continue
                elif action.pk is None:
                    fields = {name: data[name] for name in agreements.ACTION_FIELDS}
                    added.append(agreements.add_action(form.instance, by=request.user, **fields))
                else:
                    names = action_form.changed_data
                    fields = {name: data[name] for name in names}
                    saved = agreements.change_action(action, by=request.user, **fields)
                    changed.append((saved, names))
        record_formset(formset, new=added, changed=changed, deleted=deleted)
