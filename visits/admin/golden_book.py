"""The Golden Book for the office: each signature with its signers, its text and the scanned
page, written through `visits.services.golden_book` (the scan through visits.uploads)."""

from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from visits.admin.door import DoorModelAdmin
from visits.admin.saving import take_saved
from visits.models import GoldenBookSignature
from visits.services import golden_book


@admin.register(GoldenBookSignature)
class GoldenBookSignatureAdmin(DoorModelAdmin):
    add_title = _("New Golden Book signature")
    list_display = ["signed_on", "signed_by", "engagement", "published", "with_scan"]
    list_filter = ["published", ("signed_on", admin.DateFieldListFilter)]
    list_select_related = ["engagement"]
    date_hierarchy = "signed_on"
    search_fields = [f"{name}__matches" for name in ("signers__name", "text")]
    autocomplete_fields = ["engagement", "signers"]
    fields = [
        "engagement",
        "signed_on",
        "signers",
        ("text", "language"),
        ("translation_fr", "translation_en"),
        "scan",
        ("scan_alt_fr", "scan_alt_en"),
        "published",
    ]

    def get_readonly_fields(self, request, obj=None):
        # A signature stays at its engagement: another one is another signature.
        readonly = super().get_readonly_fields(request, obj)
        return [*readonly, "engagement"] if obj is not None else readonly

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("signers")

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        scan = data.get("scan")
        upload = scan if isinstance(scan, UploadedFile) else None
        fields = {name: data[name] for name in golden_book.SIGNATURE_FIELDS if name in data}
        if change:
            saved = golden_book.change_signature(
                obj,
                by=request.user,
                signers=list(data["signers"]),
                scan=upload,
                remove_scan=scan is False,
                **fields,
            )
        else:
            saved = golden_book.record_signature(
                by=request.user,
                engagement=data["engagement"],
                signers=list(data["signers"]),
                scan=upload,
                **fields,
            )
        take_saved(obj, saved)

    def save_related(self, request, form, formsets, change):
        """The service set the signers (those the office may see): the form does not again."""

    @admin.display(description=_("signed by"))
    def signed_by(self, signature):
        return ", ".join(guest.name for guest in signature.signers.all())

    @admin.display(description=_("scan"), boolean=True)
    def with_scan(self, signature):
        return bool(signature.scan)
