from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from visits.admin.concealment import describe_engagements
from visits.admin.directory import ThroughDirectory
from visits.admin.door import DoorModelAdmin
from visits.models import Engagement, Host, Venue


@admin.register(Venue)
class VenueAdmin(ThroughDirectory, DoorModelAdmin):
    add_title = _("New venue")
    list_display = ["name", "building", "capacity", "turnover_minutes", "is_active"]
    list_filter = ["is_active", "building"]
    search_fields = ["name__matches", "building__matches", "notes__matches"]

    def get_deleted_objects(self, objs, request):
        """Django lists the engagements that keep a room from being deleted; hidden ones are
        named only as busy blocks, so a confidential visit does not leak through this page."""
        to_delete, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            engagements = Engagement.objects.filter(venue__in=objs).order_by("starts_at")
            protected = describe_engagements(engagements, request.user)
        return to_delete, counts, perms_needed, protected


@admin.register(Host)
class HostAdmin(ThroughDirectory, DoorModelAdmin):
    add_title = _("New host")
    list_display = ["name", "office", "precedence", "user", "is_active"]
    list_filter = ["is_active"]
    list_select_related = ["user"]
    search_fields = [f"{name}__matches" for name in ("name", "office_fr", "office_en", "email")]
    autocomplete_fields = ["person"]  # their registry entry: the offices that rank them

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":  # officers may not browse the user admin: a plain list
            kwargs["queryset"] = (
                get_user_model().objects.filter(is_active=True).order_by("username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_actions(self, request):
        # Bulk deletion would bypass the check below: it is not offered for hosts.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_delete_permission(self, request, obj=None):
        """A host who has received stays in the record: mark them as no longer in office."""
        if obj is not None and (obj.engagements.exists() or obj.visits.exists()):
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description=_("office"), ordering="office_fr")
    def office(self, host):
        return host.office
