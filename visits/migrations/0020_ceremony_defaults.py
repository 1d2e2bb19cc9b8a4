from django.db import migrations

from visits.ceremony_defaults import install_address_forms, install_precedence
from visits.roles import CEREMONY_OFFICE, CEREMONY_STAFF, create_app_permissions, ensure_roles


def forwards(apps, schema_editor):
    create_app_permissions(apps, "visits")
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    ensure_roles(Group, Permission, office=CEREMONY_OFFICE, staff=CEREMONY_STAFF, unlocks=[])
    install_precedence(
        apps.get_model("visits", "Office"),
        apps.get_model("visits", "PrecedenceList"),
        apps.get_model("visits", "PrecedenceRank"),
    )
    install_address_forms(apps.get_model("visits", "AddressForm"))


class Migration(migrations.Migration):
    """The groups' rights on the ceremony models, the décret's two lists and the table of
    forms of address."""

    dependencies = [("visits", "0019_ceremony")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
