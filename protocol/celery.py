"""The Celery app. Broker and backend come from settings (REDIS_URL, else files in var/)."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "protocol.settings")

app = Celery("protocol")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "clear-expired-sessions": {
        "task": "visits.tasks.clear_expired_sessions",
        "schedule": crontab(minute=17, hour=3),
    },
}
