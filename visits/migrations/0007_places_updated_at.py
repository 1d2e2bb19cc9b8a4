import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """Rooms and hosts carry the time of their last change: the API's ETags are built from it."""

    dependencies = [("visits", "0006_idempotent_requests")]

    operations = [
        migrations.AddField(
            model_name="host",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="updated"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="venue",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="updated"
            ),
            preserve_default=False,
        ),
    ]
