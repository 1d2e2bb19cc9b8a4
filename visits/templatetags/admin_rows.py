"""`{% written_result_list cl %}`: Django's `result_list`, its rows written by
visits/admin/row_writer.py, into the same `change_list_results.html`; and
`{% drilled_date_hierarchy cl %}`, Django's `date_hierarchy` in one query."""

from django import template
from django.contrib.admin.templatetags.base import InclusionAdminNode

from visits.admin.date_drill import drill
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


@register.tag(name="drilled_date_hierarchy")
def drilled_date_hierarchy(parser, token):
    """Django's `date_hierarchy`, read in one query (visits/admin/date_drill.py)."""
    return InclusionAdminNode(
        parser,
        token,
        func=drill,
        template_name="date_hierarchy.html",
        takes_context=False,
    )
