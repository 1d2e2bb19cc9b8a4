"""Each row of a list links to its record, with the list's filters kept for the way back.

Django builds that link anew on each row: a reverse() and then a resolve() of the whole URL
configuration to merge the filters in, a fifth of the time of a 100-row page. Here the link is
built once per page, the way Django builds it, and each row puts its key in.
"""

from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import quote
from django.contrib.admin.views.main import ChangeList
from django.urls import reverse

KEY = "row-key"  # a path segment no admin URL has; the filters after `?` are URL-encoded


class LinkOnceChangeList(ChangeList):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        opts = self.opts
        link = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change",
            args=[KEY],
            current_app=self.model_admin.admin_site.name,
        )
        self.row_link = add_preserved_filters(
            {"preserved_filters": self.preserved_filters, "opts": opts}, link
        )
        # Already in `row_link`; Django's rows would merge them in again, one resolve each.
        self.preserved_filters = ""

    def url_for_result(self, result):
        key = quote(getattr(result, self.pk_attname))
        return self.row_link.replace(f"/{KEY}/", f"/{key}/", 1)


class LinkOnceMixin:
    def get_changelist(self, request, **kwargs):
        return LinkOnceChangeList
