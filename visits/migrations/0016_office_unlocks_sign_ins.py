from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

from visits.roles import PROTOCOL_OFFICE, unlocking


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("axes")
    previous = getattr(app_config, "models_module", None)
    app_config.models_module = previous or True  # see 0002_roles
    try:
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = previous
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
