"""Celery workers (and ticks of the dispatcher) as separate processes, on the test database,
a given Redis and the test's SMTP server: what `make run` and production run."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))


def workers_database_url(run_url: str, test_name: str) -> str:
    """The URL this run was given, naming the test database instead: its host (a socket folder
    for the throwaway server), port, user, password and options stay as given."""
    parts = urlsplit(run_url)
    return urlunsplit(parts._replace(path=f"/{test_name}"))


def database_url_for_processes() -> str:
    """The test database, which a transactional test commits to, on the server this run uses:
    for the other processes a test starts."""
    return workers_database_url(os.environ["DATABASE_URL"], connection.settings_dict["NAME"])


def environment(smtp_port: int, redis_url: str, var_dir: Path) -> dict:
    database_url = database_url_for_processes()
    kept = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME")}
    return {
        **kept,
        "DJANGO_SETTINGS_MODULE": "protocol.settings",
        "DEBUG": "true",
        # The site's key, as the web and the workers share it in production (an invitation's
        # reply link is derived with it).
        "SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "REMINDER_STUCK_AFTER": "2",
        "VAR_DIR": str(var_dir),
        "PYTHONUNBUFFERED": "1",
    }


class Worker:
    def __init__(self, env: dict, log: Path, name: str, concurrency: int = 2):
        self.log = log
        self.process = subprocess.Popen(
            [
                CELERY,
                "-A",
                "protocol",
                "worker",
                "--pool=threads",
                f"--concurrency={concurrency}",
                f"--hostname={name}@%h",
                "--without-mingle",
                "--without-gossip",
                "--loglevel=INFO",
            ],
            cwd=ROOT,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while "ready." not in (log.read_text() if log.exists() else ""):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"worker did not start:\n{log.read_text()}")
            time.sleep(0.2)

    def kill(self) -> None:
        """SIGKILL: no shutdown, no acknowledgement, no cleanup."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


TICK = (
    "import django; django.setup();"
    "from visits.tasks import dispatch_due_reminders as tick; print(tick())"
)


def tick(env: dict) -> subprocess.CompletedProcess:
    """One beat tick: the dispatcher claims what is due and hands it to the workers."""
    return subprocess.run(
        [sys.executable, "-c", TICK], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def start_tick(env: dict) -> subprocess.Popen:
    """A tick left running, to start another at the same time."""
    return subprocess.Popen([sys.executable, "-c", TICK], cwd=ROOT, env=env)


def redis_answers(port: int) -> bool:
    import redis

    try:
        return bool(redis.Redis(port=port, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def wait_until(predicate, seconds: float, every: float = 0.3, then=None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        if then is not None:
            then()
        time.sleep(every)
    raise AssertionError("timed out")
