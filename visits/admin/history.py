"""The admin's history pages (django-simple-history), through the visibility door.

simple-history falls back to the latest history row when an object is outside the admin's
queryset, which would show a hidden visit's past to anyone; here such an object is a 404. And
history is read, never replayed: a revert would bypass the scheduling services.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin


class DoorHistoryMixin(SimpleHistoryAdmin):
    # Translates each row's change reason, stored in English (visits.services.attribution).
    object_history_list_template = "admin/history_list.html"

    def history_view(self, request, object_id, extra_context=None):
        self.visible_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.visible_or_404(request, object_id)
        if request.method == "POST":
            raise PermissionDenied(_("History is kept as it was; change the record instead."))
        return super().history_form_view(request, object_id, version_id, extra_context)

    def visible_or_404(self, request, object_id):
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404
