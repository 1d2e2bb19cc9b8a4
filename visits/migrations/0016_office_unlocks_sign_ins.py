from django.db import migrations

from visits.roles import PROTOCOL_OFFICE, create_app_permissions, unlocking


def forwards(apps, schema_editor):
    create_app_permissions(apps, "axes")
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    office, _ = Group.objects.get_or_create(name=PROTOCOL_OFFICE)
    office.permissions.add(*unlocking(Permission))


class Migration(migrations.Migration):
    """The protocol office lifts sign-in locks (django-axes's attempts) in the admin."""

    dependencies = [
        ("visits", "0015_one_line_text"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
