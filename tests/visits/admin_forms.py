"""What a browser posts back from an admin page: every field as the page shows it."""

from django.forms import MultiWidget


def posted_back(response, **changes) -> dict:
    """The data of the page's form and inline formsets (from the response's context), with
    `changes` applied."""
    data: dict = {}
    add_form(data, response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        add_form(data, inline.formset.management_form)
        for form in inline.formset.forms:
            add_form(data, form)
    return data | changes


def add_form(data: dict, form) -> None:
    for bound in form:
        value, widget = bound.value(), bound.field.widget
        if isinstance(widget, MultiWidget):
            parts = value if isinstance(value, list) else widget.decompress(value)  # bound: data
            for number, part in enumerate(parts):
                data[f"{bound.html_name}_{number}"] = "" if part is None else str(part)
        elif isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(one) for one in value]
        else:
            data[bound.html_name] = "" if value is None else str(value)
