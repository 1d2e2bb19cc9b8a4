from django.db import migrations

from visits.models.public_state import HOST_TABLES, install_triggers, remove_triggers


def create_triggers(apps, schema_editor):
    install_triggers(schema_editor.connection, HOST_TABLES)


def drop_triggers(apps, schema_editor):
    remove_triggers(schema_editor.connection, HOST_TABLES, functions=False)


class Migration(migrations.Migration):
    """The public registers name the City's officials (who received a gift, who signed an
    agreement): renaming one moves the public state, as writing any table they show does."""

    dependencies = [("visits", "0031_gifts")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
