from django.db import migrations

from visits.roles import (
    GOLDEN_BOOK_MODELS,
    create_app_permissions,
    ensure_roles,
    office_rights,
    staff_rights,
)


def forwards(apps, schema_editor):
    create_app_permissions(apps, "visits")
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    office, staff = office_rights(GOLDEN_BOOK_MODELS), staff_rights(GOLDEN_BOOK_MODELS)
    ensure_roles(Group, Permission, office=office, staff=staff, unlocks=[])


class Migration(migrations.Migration):
    """The groups' rights on the Golden Book: the office keeps it, staff read it."""

    dependencies = [("visits", "0027_golden_book")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
