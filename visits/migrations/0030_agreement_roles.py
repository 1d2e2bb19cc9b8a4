from django.db import migrations

from visits.roles import AGREEMENT_MODELS, grant


def forwards(apps, schema_editor):
    grant(apps, AGREEMENT_MODELS)


class Migration(migrations.Migration):
    """The groups' rights on the agreements: the office keeps them, staff read them."""

    dependencies = [("visits", "0029_agreements")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
