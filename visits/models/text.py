"""What a text field may hold, checked by the model (so the admin, the API and imports agree).

A one-line field (a title, a name, an office, a reference...) holds no line break and no
control character: such a value cannot go into an e-mail's subject, a calendar's SUMMARY or a
place card, and a line break in a subject even lets a title add mail headers ("Bcc: ...").
A text that may run over several lines (notes, citations) keeps its line breaks and tabs but
refuses the other control characters, NUL first, which PostgreSQL cannot store.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The control characters (C0, DEL, C1) and Unicode's line and paragraph separators.
NOT_ON_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# The same, less the line breaks and the tab a text of several lines may hold.
NOT_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Where str.splitlines() breaks a line, and so may a mail client or a calendar.
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def control_character(character: str) -> ValidationError:
    return ValidationError(
        _("This text holds an invisible control character (%(character)s): remove it."),
        code="control_character",
        params={"character": f"U+{ord(character):04X}"},
    )


def validate_one_line(value) -> None:
    """For every CharField: one line, no control character."""
    found = NOT_ON_ONE_LINE.search(value) if isinstance(value, str) else None
    if found is None:
        return
    if found[0] in LINE_BREAKS:
        raise ValidationError(
            _("Write this on one line: a line break is not allowed here."), code="line_break"
        )
    if found[0] == "\t":
        raise ValidationError(_("A tab is not allowed here: use a space."), code="tab")
    raise control_character(found[0])


def validate_text(value) -> None:
    """For every TextField: line breaks and tabs, but no other control character."""
    found = NOT_IN_TEXT.search(value) if isinstance(value, str) else None
    if found is not None:
        raise control_character(found[0])
