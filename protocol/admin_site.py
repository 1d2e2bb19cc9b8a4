"""The admin site of the protocol office: its index in the reader's alphabetical order.

Django sorts apps and models by their names' code points, so in French "Élus hôtes" came
after "Visites" and accented or capitalised names fell out of place. Here the names are
compared as a dictionary does: accents and case are ignored, then they break ties.
"""

import unicodedata

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig


def dictionary_order(name: str) -> tuple[str, str]:
    """Primary key without accents or case ("Élu" beside "elu"), then the name itself."""
    decomposed = unicodedata.normalize("NFKD", str(name))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return letters.casefold(), str(name)


class ProtocolAdminSite(AdminSite):
    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        apps.sort(key=lambda app: dictionary_order(app["name"]))
        for app in apps:
            app["models"].sort(key=lambda model: dictionary_order(model["name"]))
        return apps


class ProtocolAdminConfig(AdminConfig):
    default_site = "protocol.admin_site.ProtocolAdminSite"
