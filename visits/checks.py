"""System checks of settings the domain depends on."""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def reminders_are_not_released_while_being_sent(app_configs, **kwargs):
    from visits.services.dispatch import CHUNK

    slowest_chunk = CHUNK * settings.EMAIL_TIMEOUT
    if slowest_chunk < settings.REMINDER_STUCK_AFTER:
        return []
    return [
        Warning(
            f"REMINDER_STUCK_AFTER ({settings.REMINDER_STUCK_AFTER} s) should exceed {CHUNK} x "
            f"EMAIL_TIMEOUT ({slowest_chunk} s): reminders a slow mail server is still sending "
            "would be released and sent twice.",
            id="visits.W001",
        )
    ]
