from django.db import migrations

from visits.roles import INVITATION_OFFICE, INVITATION_STAFF, create_app_permissions, ensure_roles


def forwards(apps, schema_editor):
    create_app_permissions(apps, "visits")
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    ensure_roles(Group, Permission, office=INVITATION_OFFICE, staff=INVITATION_STAFF, unlocks=[])


class Migration(migrations.Migration):
    """The groups' rights on the invitations: the office all of them, staff reading them and
    checking invitees in at the door."""

    dependencies = [("visits", "0023_invitations")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
