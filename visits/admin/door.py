"""The project's admin base classes.

Links to other records offer and accept only what the user may see: autocomplete limits what a
search finds, not what a form accepts or redisplays, so without this `?visit=<id>` on an add
page would print a confidential visit's name (DESIGN.md, decision 1). And malformed ids, from a
hand-made URL or POST, are treated as absent rather than crashing the page.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.shortcuts import redirect

from visits.admin.refusals import RefusableInlineFormSet, RefusalsShown
from visits.admin.titles import TitledAdminMixin, WordedLinksMixin


def parses(field, value) -> bool:
    try:
        field.to_python(value)
    except (ValidationError, ValueError, TypeError):
        return False
    return True


class WellFormedIdsMixin:
    """Autocomplete widgets redisplay only ids of the right type (Django looks them up as is)."""

    def optgroups(self, name, value, attr=None):
        kept = [one for one in value if one in ("", None) or parses(self.field.target_field, one)]
        return super().optgroups(name, kept, attr)


class SafeAutocompleteSelect(WellFormedIdsMixin, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(WellFormedIdsMixin, AutocompleteSelectMultiple):
    pass


class VisibleLinksMixin:
    """`formfield_for_foreignkey` and `formfield_for_manytomany` through the visibility door,
    for every link to a model whose queryset has `visible_to` (visits, engagements, guests)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        related = db_field.remote_field.model._default_manager.all()
        if "queryset" not in kwargs and hasattr(related, "visible_to"):
            kwargs["queryset"] = related.visible_to(request.user)
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        related = db_field.remote_field.model._default_manager.all()
        if "queryset" not in kwargs and hasattr(related, "visible_to"):
            kwargs["queryset"] = related.visible_to(request.user)
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class DoorModelAdmin(
    TitledAdminMixin, WordedLinksMixin, RefusalsShown, VisibleLinksMixin, admin.ModelAdmin
):
    """Lists, change pages and autocomplete show only what the user may see; a service's
    refusal of a save is shown on the page (visits.admin.refusals)."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if hasattr(queryset, "visible_to"):
            queryset = queryset.visible_to(request.user)
        return queryset

    def get_changeform_initial_data(self, request):
        """Values from the query string, parsed; a malformed one is left out."""
        initial = {}
        for name, value in super().get_changeform_initial_data(request).items():
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not field.concrete and not field.many_to_many or field.auto_created:
                continue  # a reverse relation, not a field of the form
            if field.many_to_many:
                target = field.target_field
                if all(parses(target, one) for one in value):
                    initial[name] = value
            elif field.is_relation:
                if parses(field.target_field, value):
                    initial[name] = value
            elif parses(field, value):
                initial[name] = field.to_python(value)
        return initial

    def get_changelist_instance(self, request):
        """A date filter beyond the calendar (`?starts_on__year=9999&…__month=12`) makes
        Django's filters overflow: treated as any other bad filter, a redirect to `?e=1`."""
        try:
            return super().get_changelist_instance(request)
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error

    def response_action(self, request, queryset):
        """Selected ids that are not ids select nothing."""
        chosen = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        kept = [one for one in chosen if parses(self.model._meta.pk, one)]
        if kept != chosen:
            request.POST = request.POST.copy()
            request.POST.setlist(helpers.ACTION_CHECKBOX_NAME, kept)
        return super().response_action(request, queryset)


class DeletionRuleMixin:
    """Deleting follows a rule of the services: the delete link shows only when the rule
    allows it, and a delete page opened anyway explains the refusal on the record's page.
    Bulk deletion, which would bypass the rule, is not offered."""

    def may_delete(self, obj) -> bool:
        raise NotImplementedError

    def deletion_refusal(self, obj) -> str:
        raise NotImplementedError

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or self.may_delete(obj))

    def delete_queryset(self, request, queryset):
        for obj in queryset.order_by("pk"):  # each through the service, should one be offered
            self.delete_model(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        # Only for those who may delete such records at all; the others get the usual 403.
        may_delete_any = super().has_delete_permission(request, obj)
        if obj is not None and may_delete_any and not self.may_delete(obj):
            self.message_user(request, self.deletion_refusal(obj), messages.ERROR)
            opts = self.model._meta
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", obj.pk)
        return super().delete_view(request, object_id, extra_context)


class ReadOnlyInlineMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def limit_status_choices(form, allowed, refusal: str, offered=None) -> None:
    """The status field accepts `allowed` only; any other value posted is told `refusal`.
    It offers `offered` (by default all those allowed): a move a rule refuses for now is
    not offered, and when posted anyway the form's clean() says which rule refuses it."""
    status = form.base_fields.get("status")
    if status is None:  # read only
        return
    status.choices = [(value, label) for value, label in status.choices if value in allowed]
    if offered is not None:
        status.widget.choices = [
            (value, label) for value, label in status.choices if value in offered
        ]
    status.error_messages = {**status.error_messages, "invalid_choice": refusal}


class DoorTabularInline(WordedLinksMixin, VisibleLinksMixin, admin.TabularInline):
    formset = RefusableInlineFormSet


class DoorStackedInline(WordedLinksMixin, VisibleLinksMixin, admin.StackedInline):
    formset = RefusableInlineFormSet
