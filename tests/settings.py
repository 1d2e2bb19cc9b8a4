"""The project's settings as production has them, with what tests cannot provide."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-" + "k3y" * 16)
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

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
