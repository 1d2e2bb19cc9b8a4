"""The visit's page in the order of the work: what, when, who (the delegation, then who
receives), the programme and its checklist, then confidentiality and notes, and the rare parts
(request, followers, lifecycle, record) folded. Stock Django puts every inline after every
fieldset; here each inline follows the fieldset it belongs after
(templates/admin/visits/visit/visit_form.html)."""

from django.template.loader import select_template
from django.utils.translation import gettext_lazy as _

FOLDED = {"classes": ["collapse"]}  # Django 5.2 renders a <details>: closed until opened

VISIT_FIELDSETS = [
    (
        None,
        {
            "fields": [
                "reference",
                "kind",
                ("occasion_fr", "occasion_en"),
                ("status", "move_note"),
                "confirm_programme",
            ]
        },
    ),
    (_("Dates"), {"fields": [("starts_on", "ends_on")]}),
    (_("Who receives"), {"fields": [("hosts", "lead_officer")]}),
    (None, {"fields": ["programme_links"]}),
    (_("Confidentiality"), {"fields": [("confidentiality", "embargo_until")]}),
    (_("Notes"), {"fields": ["notes"]}),
    (_("Request"), {**FOLDED, "fields": [("request_channel", "requested_on")]}),
    (_("Followers"), {**FOLDED, "fields": ["followers"]}),
    (_("Record"), {**FOLDED, "fields": [("created_at", "updated_at")]}),
]

# Each inline (by its formset's prefix) and the number of the fieldset it follows.
INLINES_AFTER = {"participants": 1, "engagements": 2, "checklist": 3, "transitions": 7}

# The move helper's template for the visit's page, when it exists; Django's otherwise.
BASES = ["admin/visits/visit/change_form.html", "admin/change_form.html"]


def page_sections(adminform, inline_admin_formsets) -> list:
    """[("fieldset" or "inline", the part, its number)] in the page's order; an inline not
    placed comes at the end, as Django would put it."""
    inlines = {}
    for inline in inline_admin_formsets:
        inlines.setdefault(INLINES_AFTER.get(inline.formset.prefix), []).append(inline)
    sections = []
    for number, fieldset in enumerate(adminform):
        sections.append(("fieldset", fieldset, number))
        sections.extend(("inline", inline, number) for inline in inlines.pop(number, []))
    sections.extend(("inline", inline, None) for rest in inlines.values() for inline in rest)
    return sections


class VisitPageLayoutMixin:
    change_form_template = "admin/visits/visit/visit_form.html"
    fieldsets = VISIT_FIELDSETS

    def render_change_form(self, request, context, *args, **kwargs):
        context["visit_form_base"] = select_template(BASES)
        context["page_sections"] = page_sections(
            context["adminform"], context.get("inline_admin_formsets", [])
        )
        return super().render_change_form(request, context, *args, **kwargs)
