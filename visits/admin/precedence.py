"""Offices and the precedence lists that order them (décret n° 89-655, art. 2 and 3): data the
protocol office edits, so a new list in force or a renamed office needs no new release."""

from django.contrib import admin
from django.contrib.admin.utils import NestedObjects
from django.db import router
from django.db.models import Count
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from visits.admin.concealment import describe_engagements
from visits.admin.door import DoorModelAdmin, DoorTabularInline, SafeAutocompleteSelect
from visits.models import (
    Ceremony,
    Engagement,
    Guest,
    Office,
    OfficeHolding,
    PrecedenceList,
    PrecedenceRank,
)


class KeptDescribedMixin:
    """What keeps a record from being deleted, named only as far as the viewer may see: a
    ceremony ranked by a list, a guest holding an office may belong to a confidential visit
    (Django's delete page would name them all)."""

    def get_deleted_objects(self, objs, request):
        to_delete, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            collector = NestedObjects(using=router.db_for_write(self.model))
            collector.collect(objs)
            protected = kept_by(collector.protected, request.user)
        return to_delete, counts, perms_needed, protected


def kept_by(rows, viewer) -> list[str]:
    engagements = [row.engagement_id for row in rows if isinstance(row, Ceremony)]
    found = Engagement.objects.filter(pk__in=engagements).order_by("starts_at")
    lines = describe_engagements(found, viewer) if engagements else []
    people = [row.guest_id for row in rows if hasattr(row, "guest_id")]  # held, attended
    seen = set(Guest.objects.visible_to(viewer).filter(pk__in=people).values_list("pk", flat=True))
    for row in sorted(rows, key=lambda row: (row._meta.label, row.pk)):
        kind = row._meta.verbose_name
        if isinstance(row, Ceremony):
            continue
        if hasattr(row, "guest_id") and row.guest_id not in seen:
            lines.append(gettext("Confidential guest (%(kind)s)") % {"kind": kind})
        else:
            lines.append(f"{capfirst(kind)}: {row}")  # as Django writes it
    return lines


@admin.register(Office)
class OfficeAdmin(KeptDescribedMixin, DoorModelAdmin):
    add_title = _("New office")
    list_display = ["label_fr", "label_en", "group", "national", "elected"]
    list_filter = ["group", "national", "elected", "military"]
    search_fields = [f"{name}__matches" for name in ("label_fr", "label_en", "code")]
    autocomplete_fields = ["vice_president_after"]
    fields = [
        "code",
        ("label_fr", "label_en"),
        "group",
        ("national", "elected", "military"),
        ("vice_president_rule", "vice_president_after"),
        "address_style",
    ]


class ReadOnceAutocomplete(SafeAutocompleteSelect):
    """Labels its chosen record from those the page read already (`known`, by key): Django
    reads it again for each row, forty queries for the forty ranks of the Paris list."""

    known: dict = {}

    def optgroups(self, name, value, attr=None):
        chosen = [str(one) for one in value if one not in ("", None)]
        if len(chosen) != 1 or chosen[0] not in self.known:
            return super().optgroups(name, value, attr)
        record = self.known[chosen[0]]
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        label = self.choices.field.label_from_instance(record)
        options.append(self.create_option(name, record.pk, label, True, len(options)))
        return [(None, options, 0)]


class OfficesReadOnceMixin:
    """For inlines whose rows each name an office, picked by autocomplete: the page reads the
    offices of its rows once. `offices_of` is the lookup from an office to the page's record."""

    offices_of = None

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("office")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "office":
            using = kwargs.get("using")
            kwargs["widget"] = ReadOnceAutocomplete(db_field, self.admin_site, using=using)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        widget = formset.form.base_fields["office"].widget
        widget = getattr(widget, "widget", widget)  # inside the add and change links
        if obj is not None and isinstance(widget, ReadOnceAutocomplete):
            offices = Office.objects.filter(**{self.offices_of: obj}).distinct()
            widget.known = {str(office.pk): office for office in offices}
        return formset


class PrecedenceRankInline(OfficesReadOnceMixin, DoorTabularInline):
    model = PrecedenceRank
    offices_of = "ranks__precedence_list"
    add_text = _("Add a rank")
    extra = 0
    ordering = ["position", "pk"]
    fields = ["position", "office", "article"]


@admin.register(PrecedenceList)
class PrecedenceListAdmin(KeptDescribedMixin, DoorModelAdmin):
    """A list in force from a date: a new décret is a new list, and engagements held before it
    keep being ranked by the old one."""

    add_title = _("New precedence list")
    list_display = ["scope", "name", "effective_from", "rank_count"]
    list_filter = ["scope"]
    search_fields = [f"{name}__matches" for name in ("name_fr", "name_en", "article")]
    fields = [
        "scope",
        ("name_fr", "name_en"),
        ("article", "effective_from"),
        "representative_takes_rank",
        "spouses_follow",
        "notes",
    ]
    inlines = [PrecedenceRankInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(rank_count=Count("ranks"))

    @admin.display(description=_("name"), ordering="name_fr")
    def name(self, precedence_list):
        return precedence_list.name

    @admin.display(description=_("ranks"), ordering="rank_count")
    def rank_count(self, precedence_list):
        return precedence_list.rank_count


class OfficeHoldingInline(OfficesReadOnceMixin, DoorTabularInline):
    """On the guest's page: the offices that rank them at a ceremony, serving or former."""

    model = OfficeHolding
    offices_of = "holdings__guest"
    add_text = _("Add an office held")
    extra = 0
    fields = ["office", "first_elected_on", "took_office_on", "left_office_on"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("guest")  # each row names them
