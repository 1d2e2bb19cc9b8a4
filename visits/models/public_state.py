from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicState(models.Model):
    """One row whose `version` moves whenever anything a public page shows may have changed.

    Database triggers move it (migration 0013), not signals: a service, the admin, a bulk
    update, an import and raw SQL all count. On PostgreSQL the triggers run at commit, so the
    new version is seen with the data, never before it, and no write takes the row's lock
    while it still waits for others.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("public data version")

    def __str__(self):
        return str(self.version)
