from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Visits and protocol")

    def ready(self):
        from visits import checks, replanning  # noqa: F401 (registers and connects)
