"""The project's settings as production has them, with what tests cannot provide."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-" + "k3y" * 16)
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")


def redis_url_of_this_worker(url: str, worker: str) -> str:
    """pytest-xdist runs the suite in several processes, each with its own test database
    (pytest-django adds the worker's name); each takes its own Redis database too (the given
    index plus the worker's number), so that one worker's Celery tasks never reach another's."""
    from urllib.parse import urlsplit, urlunsplit

    if not url or not worker.startswith("gw"):
        return url
    parts = urlsplit(url)
    index = parts.path.strip("/") or "0"
    if parts.scheme not in ("redis", "rediss") or not index.isdigit():
        raise RuntimeError(
            f"REDIS_URL={url}: the parallel tests give each worker a database of their own and "
            "need redis://host:port/N; or run them in one process (PYTEST_WORKERS=0)."
        )
    return urlunsplit(parts._replace(path=f"/{int(index) + int(worker[2:])}"))


os.environ["REDIS_URL"] = redis_url_of_this_worker(
    os.environ.get("REDIS_URL", ""), os.environ.get("PYTEST_XDIST_WORKER", "")
)

from protocol.settings import *  # noqa: E402,F403

# No collectstatic before tests: serve static files unhashed.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STATIC_ROOT = None  # nothing collected in tests: whitenoise serves from the finders
WHITENOISE_USE_FINDERS = True
# Tests write and read in one transaction that never commits, so no notice would come: pages
# read the state at each request, except in the tests of the listener (test_state_watch.py).
PUBLIC_STATE_LISTEN = False
