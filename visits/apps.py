from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Visits and protocol")

    def ready(self):
        from visits import replanning  # noqa: F401 (connects its receivers)
