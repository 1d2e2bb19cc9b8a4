from django.db import migrations

from visits.roles import GOLDEN_BOOK_MODELS, grant


def forwards(apps, schema_editor):
    grant(apps, GOLDEN_BOOK_MODELS)


class Migration(migrations.Migration):
    """The groups' rights on the Golden Book: the office keeps it, staff read it."""

    dependencies = [("visits", "0027_golden_book")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
