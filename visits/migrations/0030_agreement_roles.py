from django.db import migrations

from visits.roles import (
    AGREEMENT_MODELS,
    create_app_permissions,
    ensure_roles,
    office_rights,
    staff_rights,
)


def forwards(apps, schema_editor):
    create_app_permissions(apps, "visits")
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    office, staff = office_rights(AGREEMENT_MODELS), staff_rights(AGREEMENT_MODELS)
    ensure_roles(Group, Permission, office=office, staff=staff, unlocks=[])


class Migration(migrations.Migration):
    """The groups' rights on the agreements: the office keeps them, staff read them."""

    dependencies = [("visits", "0029_agreements")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
