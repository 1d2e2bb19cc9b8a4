from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

from visits.checklist_defaults import install_checklists
from visits.roles import PLANNING_OFFICE, PLANNING_STAFF, ensure_roles


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("visits")
    previous = getattr(app_config, "models_module", None)
    app_config.models_module = previous or True  # see 0002_roles
    try:
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = previous
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    ensure_roles(Group, Permission, office=PLANNING_OFFICE, staff=PLANNING_STAFF, unlocks=[])
    install_checklists(
        apps.get_model("visits", "ChecklistTemplate"),
        apps.get_model("visits", "ChecklistTemplateTask"),
    )


class Migration(migrations.Migration):
    """The groups' rights on the planning models, and each kind of visit's checklist."""

    dependencies = [("visits", "0010_reminders_and_checklists")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
