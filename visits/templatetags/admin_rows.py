"""`{% written_result_list cl %}`: Django's `result_list`, its rows written by
visits/admin/row_writer.py, into the same `change_list_results.html`."""

from django import template
from django.contrib.admin.templatetags.base import InclusionAdminNode

from visits.admin.row_writer import result_list

register = template.Library()


@register.tag(name="written_result_list")
def written_result_list(parser, token):
    return InclusionAdminNode(
        parser,
        token,
        func=result_list,
        template_name="change_list_results.html",
        takes_context=False,
    )
