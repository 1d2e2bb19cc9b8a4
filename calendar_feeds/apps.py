from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarFeedsConfig(AppConfig):
    name = "calendar_feeds"
    verbose_name = _("Calendar feeds")

    def ready(self):
        from calendar_feeds import logs, signals

        signals.connect()
        logs.hide_tokens()
