from django.db import migrations

from visits.checklist_defaults import install_checklists
from visits.roles import PLANNING_OFFICE, PLANNING_STAFF, create_app_permissions, ensure_roles


def forwards(apps, schema_editor):
    create_app_permissions(apps, "visits")
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
