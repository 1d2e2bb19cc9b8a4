"""The reminder's quicker MIME writing gives the same bytes as Python's standard policy."""

from email import message_from_bytes
from email.errors import HeaderParseError
from email.generator import BytesGenerator
from email.policy import compat32
from io import BytesIO

import pytest
from hypothesis import given
from hypothesis import strategies as st

from visits.services.mail_message import QUICK_FOLDING, ReminderMessage

SUBJECTS = [
    "Reminder: Reception, July 6, 2027, 10:00–11:00",  # not ASCII: encoded
    "Rappel : Réception de la délégation de la Ville de Rome, 6 juillet 2027, 10:00–11:00",
    "Reminder: a title long enough to be folded by the standard policy, " + "x" * 40,
    "Short",
]


def standard_bytes(message) -> bytes:
    out = BytesIO()
    BytesGenerator(out, mangle_from_=False, policy=compat32).flatten(message, linesep="\r\n")
    return out.getvalue()


@pytest.mark.parametrize("subject", SUBJECTS)
def test_a_reminder_is_written_as_the_standard_policy_writes_it(settings, subject):
    settings.DEFAULT_FROM_EMAIL = "Protocole <protocole@example.org>"
    message = ReminderMessage(
        subject,
        "Bonjour,\n\nRappel de cette séquence.\n" + "ligne longue " * 100,
        to=["chargee.de.mission@example.org"],
        headers={"X-Protocol-Reminder": "engagement:12:34:P1D"},
    )
    message.attach_alternative("<p>Bonjour,</p>", "text/html")
    message.attach(
        "0c9f1b9e-0000-4000-8000-000000000000.ics", "BEGIN:VCALENDAR\r\n", "text/calendar"
    )
    mime = message.message()
    written = mime.as_bytes(linesep="\r\n")
    assert written == standard_bytes(mime)
    assert message_from_bytes(written).get_payload()[1].get_filename().endswith(".ics")


def test_each_part_has_its_own_unpredictable_boundary():
    message = ReminderMessage("Short", "Body", to=["a@example.org"])
    message.attach_alternative("<p>Body</p>", "text/html")
    message.attach("a.ics", "BEGIN:VCALENDAR\r\n", "text/calendar")
    boundaries = [part.get_boundary() for part in message.message().walk() if part.is_multipart()]
    again = [part.get_boundary() for part in message.message().walk() if part.is_multipart()]
    assert len(boundaries) == 2 and len(set(boundaries + again)) == 4
    assert all(len(boundary) == 26 for boundary in boundaries)


@given(
    name=st.sampled_from(["Subject", "To", "X-Protocol-Reminder", "Content-Type"]),
    value=st.text(
        st.characters(min_codepoint=9, max_codepoint=126, exclude_characters="\r\n\x0b\x0c"),
        max_size=80,
    ),
)
def test_any_short_ascii_header_folds_as_the_standard_policy_folds_it(name, value):
    assert outcome(QUICK_FOLDING, name, value) == outcome(compat32, name, value)


def outcome(policy, name, value):
    """The folded bytes, or the error (some control characters read as an embedded header)."""
    try:
        return policy.fold_binary(name, value)
    except HeaderParseError as error:
        return type(error)
