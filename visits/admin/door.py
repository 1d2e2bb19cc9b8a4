"""Links to other records in the admin's forms offer and accept only what the user may see.

Autocomplete limits what a search finds, not what a form accepts or redisplays: without this,
`?visit=<id>` on an add page would print a confidential visit's name (DESIGN.md, decision 1).
"""

from django.contrib import admin


class VisibleLinksMixin:
    """`formfield_for_foreignkey` through the visibility door, for every link to a model
    whose queryset has `visible_to` (visits, engagements, guests)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        related = db_field.remote_field.model._default_manager.all()
        if "queryset" not in kwargs and hasattr(related, "visible_to"):
            kwargs["queryset"] = related.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DoorModelAdmin(VisibleLinksMixin, admin.ModelAdmin):
    """Lists, change pages and autocomplete show only what the user may see."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if hasattr(queryset, "visible_to"):
            queryset = queryset.visible_to(request.user)
        return queryset


class DoorTabularInline(VisibleLinksMixin, admin.TabularInline):
    pass


class DoorStackedInline(VisibleLinksMixin, admin.StackedInline):
    pass
