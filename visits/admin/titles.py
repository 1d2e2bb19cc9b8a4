"""Page titles and buttons in the words an officer writes, in French as in English.

Django titles every list "Select visit to change" (« Sélectionnez l’objet visite à changer »),
every new record "Add visit" (« Ajout de visite ») and every inline's button "Add another
Delegation member" (« Ajouter un objet Membre de la délégation supplémentaire »): one sentence
for all models, so French gets no article and no agreement. Here a list is titled by its plural
(« Visites »), a record by its kind (« Visite », its name below), a new record and the list's
button for it by the admin's `add_title` (« Nouvelle visite »), an inline's button by its `add_text`
(« Ajouter un membre de la délégation »). The icons beside a link to another record are named
without an article (« Nouvelle fiche (invité) »): `WordedLinksMixin`.
"""

import json

from django.contrib.admin.helpers import InlineAdminFormSet
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.utils.text import capfirst


class TitledAdminMixin:
    add_title = None  # "New visit": each model's own words (gender, elision)

    def changelist_view(self, request, extra_context=None):
        words = {"add_title": self.add_title}  # the list's "add" button
        if IS_POPUP_VAR not in request.GET:  # a popup asks to pick one: Django's "Select …"
            words["title"] = capfirst(self.model._meta.verbose_name_plural)
        extra_context = {**words, **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        kind = capfirst(self.model._meta.verbose_name)
        title = self.add_title if object_id is None else kind
        if title:  # the breadcrumbs name a new record with `add_title` too
            extra_context = {"title": title, "add_title": self.add_title, **(extra_context or {})}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        admin_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for admin_formset in admin_formsets:
            add_text = getattr(admin_formset.opts, "add_text", None)
            if add_text:
                # The template reads `inline_formset_data`: this instance's shadows the method.
                admin_formset.inline_formset_data = lambda f=admin_formset, t=add_text: (
                    with_add_text(f, t)
                )
        return admin_formsets


def with_add_text(admin_formset, add_text) -> str:
    """Django's data for inlines.js, with the inline's own "add" button."""
    data = json.loads(InlineAdminFormSet.inline_formset_data(admin_formset))
    data["options"]["addText"] = str(add_text)
    return json.dumps(data)


class WordedLinksMixin:
    """For admins and inlines: the add, change, view and delete icons beside a link to another
    record are named by visits/templates/visits/related_widget_wrapper.html, not Django's
    « Ajouter un autre objet invité »."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
            formfield.widget.template_name = "visits/related_widget_wrapper.html"
        return formfield
