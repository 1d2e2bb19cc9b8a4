"""`make run` without Redis: worker and beat still run, on the file-system broker, and a due
reminder is printed by the console mail backend."""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))


def zero_setup_env(var_dir: Path) -> dict:
    """The environment of `make run` on a bare machine: no database or broker URL."""
    kept = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME")}
    return {**kept, "DEBUG": "true", "VAR_DIR": str(var_dir), "PYTHONUNBUFFERED": "1"}


def wait_for(path: Path, text: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        content = path.read_text() if path.exists() else ""
        if text in content:
            return content
        time.sleep(0.3)
    raise AssertionError(f"{text!r} not in {path}:\n{content}")


def test_worker_and_beat_run_a_task_without_redis(tmp_path):
    env = zero_setup_env(tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    worker_log, beat_log = tmp_path / "worker.log", tmp_path / "beat.log"
    processes = [
        subprocess.Popen(
            [CELERY, "-A", "protocol", "worker", "--pool=solo", "--loglevel=INFO"],
            cwd=ROOT,
            env=env,
            stdout=worker_log.open("w"),
            stderr=subprocess.STDOUT,
        ),
        subprocess.Popen(
            [CELERY, "-A", "protocol", "beat", "--loglevel=INFO"],
            cwd=ROOT,
            env=env,
            stdout=beat_log.open("w"),
            stderr=subprocess.STDOUT,
        ),
    ]
    try:
        wait_for(worker_log, "ready.", 60)
        wait_for(beat_log, "beat: Starting...", 60)
        send = (
            "import django; django.setup();"
            "from visits.tasks import clear_expired_sessions as t; print(t.delay().id)"
        )
        task_id = subprocess.run(
            [sys.executable, "-c", send],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**env, "DJANGO_SETTINGS_MODULE": "protocol.settings"},
            check=True,
            timeout=60,
        ).stdout.strip()
        log = wait_for(worker_log, f"[{task_id}] succeeded", 60)
        assert "filesystem://" in log
        assert (tmp_path / "celerybeat-schedule").exists() or list(tmp_path.glob("celerybeat*"))
        # A reminder due now: the dispatcher (beat's task, sent at once here) hands it to the
        # worker, whose console mail backend prints it.
        remind = (
            "import django; django.setup();"
            "from visits.demo.seed import seed_demo; seed_demo();"
            "from django.utils import timezone; from visits.models import Reminder;"
            "row = Reminder.objects.filter(kind='engagement').first();"
            "Reminder.objects.filter(pk=row.pk).update(due_at=timezone.now());"
            "from visits.tasks import dispatch_due_reminders as t; t.delay()"
        )
        subprocess.run(
            [sys.executable, "-c", remind],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "protocol.settings"},
            check=True,
            timeout=120,
        )
        log = wait_for(worker_log, "X-Protocol-Reminder: engagement:", 60)
        assert "Bonjour admin," in log and "Content-Type: text/calendar" in log
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
