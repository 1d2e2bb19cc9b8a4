"""Every control of the admin's forms named for screen readers.

Django's tabular inlines put a field's label in the column's header, not in a <label>, and a
split date-time has one label for two inputs; axe-core (WCAG 2.1 AA) finds those controls
nameless. Each widget gets its field's label as aria-label (lazy: read in the page's language),
the two halves of a date-time "… (date)" and "… (time)".
"""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


def name_the_controls(fields) -> None:
    for field in fields.values():
        widget = getattr(field.widget, "widget", field.widget)  # inside a related-field wrapper
        if isinstance(widget, forms.SplitDateTimeWidget):
            for part, half in zip((_("date"), _("time")), widget.widgets, strict=True):
                half.attrs.setdefault("aria-label", format_lazy("{} ({})", field.label, part))
        elif not isinstance(widget, forms.MultiWidget) and field.label:
            widget.attrs.setdefault("aria-label", field.label)
