from django.db import migrations

from visits.roles import (
    ACTIONS,
    DOMAIN_MODELS,
    PROTOCOL_OFFICE,
    STAFF,
    create_app_permissions,
    ensure_roles,
)


def create_roles(apps, schema_editor):
    create_app_permissions(apps, "visits")
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
