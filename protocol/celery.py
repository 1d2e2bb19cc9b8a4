"""The Celery app. Broker and backend come from settings (REDIS_URL, else files in var/)."""

import os
from pathlib import Path

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "protocol.settings")

app = Celery("protocol")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def make_broker_folders(sender, **kwargs):
    """The embedded file-system broker (no REDIS_URL) needs its folders to exist."""
    options = sender.conf.broker_transport_options or {}
    for key in ("data_folder_in", "processed_folder", "control_folder"):
        if key in options:
            Path(options[key]).mkdir(parents=True, exist_ok=True)


app.conf.beat_schedule = {
    "mark-held-visits": {
        "task": "visits.tasks.mark_held_visits",
        "schedule": crontab(minute=5, hour=0),  # in TIME_ZONE, just after midnight
    },
    "dispatch-reminders": {
        "task": "visits.tasks.dispatch_due_reminders",
        "schedule": 60.0,
    },
    # 18:00 in TIME_ZONE, then catch-up ticks in case beat was down at 18:00: the rows' keys
    # make each subscriber's agenda one message whatever the number of ticks.
    "daily-agendas": {
        "task": "visits.tasks.plan_daily_agendas",
        "schedule": crontab(minute="0,15,30,45", hour="18-19"),
    },
    "clear-expired-sessions": {
        "task": "visits.tasks.clear_expired_sessions",
        "schedule": crontab(minute=17, hour=3),
    },
    "forget-idempotency-keys": {
        "task": "visits.tasks.forget_idempotency_keys",
        "schedule": crontab(minute=27, hour=3),
    },
    "erase-needs-past-their-time": {
        "task": "visits.tasks.erase_needs_past_their_time",
        "schedule": crontab(minute=37, hour=3),
    },
}
