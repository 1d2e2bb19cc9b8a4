from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

from visits.roles import ACTIONS, DOMAIN_MODELS, PROTOCOL_OFFICE, STAFF, ensure_roles


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("visits")
    # The historical app config lacks it; both helpers check it. Restored after, since the
    # tests call this with the real app registry.
    previous = getattr(app_config, "models_module", None)
    app_config.models_module = previous or True
    try:
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = previous
    ensure_roles(
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        office={model: ACTIONS for model in DOMAIN_MODELS},  # the models of this migration's time
        staff={model: ["view"] for model in DOMAIN_MODELS},
        unlocks=[],  # sign-in locks came with 0016
    )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[PROTOCOL_OFFICE, STAFF]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("visits", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
