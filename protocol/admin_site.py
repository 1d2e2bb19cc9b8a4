"""The admin site of the protocol office: its index in the reader's alphabetical order.

Django sorts apps and models by their names' code points, so in French "Élus hôtes" came
after "Visites" and accented or capitalised names fell out of place. Here the names are
compared as a dictionary does: accents and case are ignored, then they break ties.
"""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig


def dictionary_order(name: str) -> tuple[str, str]:
    """Primary key without accents or case ("Élu" beside "elu"), then the name itself."""
    # The search's folding; imported here, since this module loads before the apps do.
    from visits.models.search import fold

    return fold(str(name)), str(name)


class ProtocolAdminSite(AdminSite):
    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        apps.sort(key=lambda app: dictionary_order(app["name"]))
        for app in apps:
            app["models"].sort(key=lambda model: dictionary_order(model["name"]))
        return apps


class ProtocolAdminConfig(AdminConfig):
    default_site = "protocol.admin_site.ProtocolAdminSite"
