"""The register of gifts for the office: each gift with its photos, written through
`visits.services.gifts` (the photos through visits.uploads); and the register's options (the
declaration threshold, the fields published), one row."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from visits.admin.door import DoorModelAdmin, DoorTabularInline
from visits.admin.refusals import shown_under
from visits.admin.saving import record_formset, take_saved
from visits.models import Gift, GiftPhoto, GiftRegisterOptions
from visits.services import gifts


class GiftPhotoInline(DoorTabularInline):
    model = GiftPhoto
    extra = 1
    fields = ["image", "alt_fr", "alt_en"]

    def has_change_permission(self, request, obj=None):
        return False  # a photo is replaced by deleting it and adding the new one

    def has_view_permission(self, request, obj=None):
        return True


@admin.register(Gift)
class GiftAdmin(DoorModelAdmin):
    add_title = _("New gift")
    list_display = ["given_on", "description_fr", "direction", "guest", "host", "published"]
    list_filter = ["direction", "whereabouts", "published", ("given_on", admin.DateFieldListFilter)]
    list_select_related = ["guest", "host"]
    date_hierarchy = "given_on"
    search_fields = [
        f"{name}__matches" for name in ("description_fr", "description_en", "guest__name")
    ]
    autocomplete_fields = ["guest", "host", "visit", "engagement", "room"]
    inlines = [GiftPhotoInline]
    fieldsets = [
        (None, {"fields": ["direction", ("guest", "host"), ("visit", "engagement"), "given_on"]}),
        (_("The gift"), {"fields": [("description_fr", "description_en")]}),
        (
            _("Its value"),
            {"fields": [("estimated_value", "currency"), "value_in_euros", "value_basis"]},
        ),
        (
            _("Where it is now"),
            {"fields": ["whereabouts", ("room", "whereabouts_detail"), "holder"]},
        ),
        (_("Declaration and publication"), {"fields": ["declared_on", "published"]}),
    ]

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        fields = {name: data[name] for name in gifts.GIFT_FIELDS if name in data}
        if change:
            saved = gifts.update_gift(obj, by=request.user, **fields)
        else:
            saved = gifts.record_gift(by=request.user, **fields)
        take_saved(obj, saved)

    def save_formset(self, request, form, formset, change):
        added, deleted = [], []
        with shown_under(formset.prefix):
            for photo_form in formset.forms:
                data = getattr(photo_form, "cleaned_data", {})
                photo = photo_form.instance
                if data.get("DELETE") and photo.pk:
                    gifts.remove_photo(photo, by=request.user)
                    deleted.append(photo)
                elif photo.pk is None and data.get("image"):
                    added.append(
                        gifts.add_photo(
                            form.instance,
                            by=request.user,
                            upload=data["image"],
                            alt_fr=data.get("alt_fr", ""),
                            alt_en=data.get("alt_en", ""),
                        )
                    )
        record_formset(formset, new=added, deleted=deleted)


@admin.register(GiftRegisterOptions)
class GiftRegisterOptionsAdmin(admin.ModelAdmin):
    fields = [
        "declaration_threshold",
        "publish_value",
        "publish_whereabouts",
        "publish_photos",
        "publish_host",
    ]

    def has_add_permission(self, request):
        return False  # one row, made on the first visit (asked on every admin page: no query)

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        """The list of one row is that row's page."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        options = GiftRegisterOptions.objects.order_by("pk").first()
        if options is None:
            options = GiftRegisterOptions.objects.create()
        return redirect("admin:visits_giftregisteroptions_change", options.pk)
