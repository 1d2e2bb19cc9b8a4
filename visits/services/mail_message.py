"""The message class every reminder row is sent as (visits.services.messages and
invitee_messages): Django's, written out faster to the same bytes."""

import secrets
from email.policy import Compat32

from django.core.mail import EmailMultiAlternatives


class QuickFolding(Compat32):
    """Compat32, except that a short printable ASCII header is written as it is: the standard policy
    builds and encodes a Header object for every header of every part, to the same effect."""

    def _fold(self, name, value, sanitize):
        # Printable: no control character, which the standard policy may take for a line end.
        short = isinstance(value, str) and len(name) + len(value) < 76
        if short and value.isascii() and value.isprintable():
            return f"{name}: {value}{self.linesep}"
        return super()._fold(name, value, sanitize)


QUICK_FOLDING = QuickFolding()


class ReminderMessage(EmailMultiAlternatives):
    """Faster to write out, to the same bytes, than Django's: sending is most of a reminder's
    cost."""

    def message(self):
        message = super().message()
        message.policy = QUICK_FOLDING
        for part in message.walk():
            if part.is_multipart():
                # Random, like the generator's own, which then compiles a regular expression
                # per part to check that the body does not contain it.
                part.set_boundary(f"=_{secrets.token_hex(12)}")
        return message
