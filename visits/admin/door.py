"""The project's admin base classes.

Links to other records offer and accept only what the user may see: autocomplete limits what a
search finds, not what a form accepts or redisplays, so without this `?visit=<id>` on an add
page would print a confidential visit's name (DESIGN.md, decision 1). And malformed ids, from a
hand-made URL or POST, are treated as absent rather than crashing the page.
"""

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import FieldDoesNotExist, ValidationError


def parses(field, value) -> bool:
    try:
        field.to_python(value)
    except (ValidationError, ValueError, TypeError):
        return False
    return True


class WellFormedIdsMixin:
    """Autocomplete widgets redisplay only ids of the right type (Django looks them up as is)."""

    def optgroups(self, name, value, attr=None):
        target = self.field.remote_field.model._meta.get_field(self.field.target_field.name)
        kept = [one for one in value if one in ("", None) or parses(target, one)]
        return super().optgroups(name, kept, attr)


class SafeAutocompleteSelect(WellFormedIdsMixin, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(WellFormedIdsMixin, AutocompleteSelectMultiple):
    pass


class VisibleLinksMixin:
    """`formfield_for_foreignkey` through the visibility door, for every link to a model
    whose queryset has `visible_to` (visits, engagements, guests)."""

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
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class DoorModelAdmin(VisibleLinksMixin, admin.ModelAdmin):
    """Lists, change pages and autocomplete show only what the user may see."""

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

    def response_action(self, request, queryset):
        """Selected ids that are not ids select nothing."""
        chosen = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        kept = [one for one in chosen if parses(self.model._meta.pk, one)]
        if kept != chosen:
            request.POST = request.POST.copy()
            request.POST.setlist(helpers.ACTION_CHECKBOX_NAME, kept)
        return super().response_action(request, queryset)


class DoorTabularInline(VisibleLinksMixin, admin.TabularInline):
    pass


class DoorStackedInline(VisibleLinksMixin, admin.StackedInline):
    pass
