"""The admin's history pages (django-simple-history), through the visibility door.

simple-history falls back to the latest history row when an object is outside the admin's
queryset, which would show a hidden visit's past to anyone; here such an object is a 404. And
history is read, never replayed: a revert would bypass the scheduling services.
"""

from collections import defaultdict

from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import ModelChange
from simple_history.utils import get_m2m_reverse_field_name

from visits.admin.history_text import change_lines


class DoorHistoryMixin(SimpleHistoryAdmin):
    # Each row as sentences in the reader's language; its change reason, stored in English
    # (visits.services.attribution), translated.
    object_history_list_template = "admin/history_list.html"
    # A past version: every field read only, a banner saying so, no button but the way back.
    object_history_form_template = "admin/history_snapshot.html"
    # Form-only fields, and what a past version cannot show as it was (its links today).
    snapshot_leaves_out = ()

    def history_view(self, request, object_id, extra_context=None):
        self.visible_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_view_title(self, request, obj):
        return _("History of %(record)s") % {"record": obj}

    def history_form_view_title(self, request, obj):
        return _("%(record)s, a past version") % {"record": obj}

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.visible_or_404(request, object_id)
        if request.method == "POST":
            raise PermissionDenied(_("History is kept as it was; change the record instead."))
        record = self.model.history.filter(history_id=version_id).select_related("history_user")
        request.viewing_snapshot = True
        context = {**(extra_context or {}), "record": record.first()}
        return super().history_form_view(request, object_id, version_id, context)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not getattr(request, "viewing_snapshot", False):
            return fieldsets
        # Many-to-many links are today's, not the version's: its history rows say them.
        hidden = {*self.snapshot_leaves_out, *(f.name for f in self.model._meta.many_to_many)}
        kept = [
            (title, {**options, "fields": leave_out(options["fields"], hidden)})
            for title, options in fieldsets
        ]
        return [(title, options) for title, options in kept if options["fields"]]

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if getattr(request, "viewing_snapshot", False):
            return [*readonly, *flatten_fieldsets(self.get_fieldsets(request, obj))]
        return readonly

    def visible_or_404(self, request, object_id):
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """The library's deltas, with the many-to-many ones (hosts) read in one query for
        the whole page instead of two per row."""
        records = list(historical_records)
        m2m_names = [field.name for field in self.model.history.model._history_m2m_fields]
        linked = self.m2m_rows_by_record(records, m2m_names)
        for newer, older in zip(records, records[1:], strict=False):
            delta = newer.diff_against(
                older, excluded_fields=m2m_names, foreign_keys_are_objs=foreign_keys_are_objs
            )
            changes = list(delta.changes)
            for name in m2m_names:
                before, after = linked[name][older.pk], linked[name][newer.pk]
                if before != after:
                    changes.append(ModelChange(name, before, after))
            newer.history_delta_changes = change_lines(self.model, changes)

    def m2m_rows_by_record(self, records, m2m_names) -> dict:
        """{field name: {history id: [{target name: object}, ...] in a stable order}}."""
        linked = {}
        for name in m2m_names:
            target = get_m2m_reverse_field_name(self.model._meta.get_field(name))
            rows = (
                getattr(self.model.history.model, name)
                .model.objects.filter(history__in=[record.pk for record in records])
                .select_related(target)
                .order_by(target)
            )
            by_record = defaultdict(list)
            for row in rows:
                by_record[row.history_id].append({target: getattr(row, target)})
            linked[name] = by_record
        return linked


def leave_out(fields, names) -> list:
    """A fieldset's fields without `names` (in rows of several fields too); empty rows gone."""
    kept = []
    for field in fields:
        if isinstance(field, list | tuple):
            row = tuple(name for name in field if name not in names)
            if row:
                kept.append(row)
        elif field not in names:
            kept.append(field)
    return kept
