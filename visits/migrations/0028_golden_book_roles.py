from django.db import migrations

from visits.roles import REGISTER_OFFICE, REGISTER_STAFF, create_app_permissions, ensure_roles


def forwards(apps, schema_editor):
    create_app_permissions(apps, "visits")
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    ensure_roles(Group, Permission, office=REGISTER_OFFICE, staff=REGISTER_STAFF, unlocks=[])


class Migration(migrations.Migration):
    """The groups' rights on the Golden Book: the office keeps it, staff read it."""

    dependencies = [("visits", "0027_golden_book")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
