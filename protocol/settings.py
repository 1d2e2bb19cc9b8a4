"""Settings, all read from the environment (see the configuration table in README.md).

With no environment at all the project runs as `make run` wants it: SQLite in var/, an
embedded file-system broker, mail printed on the console. Production sets DEBUG off,
SECRET_KEY, DATABASE_URL, REDIS_URL and EMAIL_URL.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from protocol.media_storage import s3_storage

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# Local state of the zero-setup mode: SQLite database, file-system broker, beat schedule.
VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))

DEBUG = env.bool("DEBUG", default=False)


def local_secret_key() -> str:
    """The zero-setup mode's key (no DATABASE_URL: SQLite in VAR_DIR), made once and kept
    beside the database, so that the server and `manage.py` commands share it with DEBUG on
    or off."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        try:
            with open(path, "x", encoding="ascii") as new_key:  # two first runs: one key
                os.fchmod(new_key.fileno(), 0o600)
                new_key.write(secrets.token_urlsafe(50))
        except FileExistsError:
            pass
    return path.read_text(encoding="ascii").strip()


# Production (a DATABASE_URL) brings its own key; a development key is tolerated with DEBUG on.
SECRET_KEY = (
    env.str("SECRET_KEY", default="")
    or ("" if env.str("DATABASE_URL", default="") else local_secret_key())
    or ("django-insecure-development-only-key" if DEBUG else "")
)
if not SECRET_KEY:
    raise environ.ImproperlyConfigured(
        "Set SECRET_KEY: a deployment with a DATABASE_URL brings its own "
        "(or set DEBUG=true for development)."
    )
if not DEBUG and SECRET_KEY.startswith("change-me"):
    raise environ.ImproperlyConfigured("SECRET_KEY is still the example's placeholder.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    "protocol.admin_site.ProtocolAdminConfig",  # django.contrib.admin, index sorted by language
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_countries",
    "simple_history",
    "ninja",  # serves the API docs from its bundled files, not a CDN
    "visits",
    "calendar_feeds",
    "axes",
]

MIDDLEWARE = [
    "protocol.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "protocol.csp.PolicyByAreaMiddleware",
    # Kept public pages are served from here, before the layers they have no use for.
    "visits.views.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records the signed-in user on every history row written during a request.
    "simple_history.middleware.HistoryRequestMiddleware",
    "visits.api.idempotency.IdempotencyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Answers a sign-in that the throttle refused (below) with the lockout page.
    "axes.middleware.AxesMiddleware",
]

# History is read in the admin, never replayed: a revert would bypass the scheduling rules.
SIMPLE_HISTORY_REVERT_DISABLED = True
# Sign-in throttling (django-axes, counted in the database so that it holds across processes,
# on PostgreSQL as on the SQLite of `make run`). Failures within COOLOFF of each other add up;
# each limit locks what it counts until COOLOFF has passed without a new failure, or until the
# office lifts it (the admin's "Access attempts", or `manage.py axes_reset_username NAME`).
# The API's tokens are made by a signed-in session or token: no password, so these logins are
# the throttle there too.
LOGIN_THROTTLE = [
    (["username", "ip_address"], 5),  # one account from one address: someone guessing
    ("username", 20),  # one account from any address: guessing spread over many addresses
    ("ip_address", 30),  # one address, any account: trying one password on many accounts
]
AXES_LOCKOUT_PARAMETERS = [parameters for parameters, _limit in LOGIN_THROTTLE]
AXES_FAILURE_LIMIT = LOGIN_THROTTLE[0][1]
AXES_HANDLER = "protocol.login_throttle.TieredLimitsHandler"
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_CLIENT_IP_CALLABLE = "protocol.login_throttle.client_address"
AXES_LOCKOUT_CALLABLE = "visits.views.access.locked_out"
# Proxies in front of the web server that append the client's address to X-Forwarded-For;
# with none (the default) that header is the client's own word and is never believed.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked sign-in before the rest
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:today"

ROOT_URLCONF = "protocol.urls"
WSGI_APPLICATION = "protocol.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # `date` as Django's, with « 1er » for the first of a month in French.
            "builtins": ["visits.templatetags.dates"],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'protocol.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Stored in UTC, entered and shown in the protocol office's zone (DESIGN.md, decision 6).
USE_TZ = True
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Paris")

USE_I18N = True
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# 24-hour times in both languages (protocol/formats/).
FORMAT_MODULE_PATH = "protocol.formats"

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads (scans, photos): under MEDIA_ROOT, or in an S3-compatible store when a bucket is
# named (django-storages; the keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).
# Never served as files: each goes out through its record's view, when the reader may see it.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "media/"
if env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = s3_storage(
        env.str("AWS_STORAGE_BUCKET_NAME"),
        endpoint_url=env.str("AWS_S3_ENDPOINT_URL", default="") or None,
        region_name=env.str("AWS_S3_REGION_NAME", default="") or None,
    )

# Content-Security-Policy (django-csp; protocol/csp.py): the public and staff pages run no
# script at all and take styles and images from this site only (no inline style either).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "style-src": [SELF],
        "img-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    },
}
# The admin and the API's documentation (Swagger UI) run this site's scripts, which call back
# to it (autocomplete, the OpenAPI document); an inline script or style must carry the page's
# nonce. Swagger UI's stylesheet draws its icons as data: images.
CSP_SCRIPTED_AREAS = ["/admin/", "/api/v1/docs"]
CSP_SCRIPTED_ADDITIONS = {
    "script-src": [SELF, NONCE],
    "style-src": [NONCE],
    "img-src": ["data:"],
    "connect-src": [SELF],
}

# Each process keeps its own copies: the feeds' ETags and event texts (default), and the
# rendered public pages (visits/views/page_cache.py), under keys that change with the data.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "public-pages",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}
PUBLIC_PAGES_CACHE = env.bool("PUBLIC_PAGES_CACHE", default=True)
# PostgreSQL: each process listens for the notice of a change instead of asking at each page.
PUBLIC_STATE_LISTEN = env.bool("PUBLIC_STATE_LISTEN", default=True)
# Seconds: what a process knows of the public data is trusted no longer than this without
# proof that its listener still hears (a heartbeat every quarter of it); a change shows within
# it even when the listening connection dies in silence.
PUBLIC_STATE_MAX_AGE = env.float("PUBLIC_STATE_MAX_AGE", default=5.0)

# Mail: printed on the console unless EMAIL_URL names a real server (smtp://host:port).
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Protocole <protocole@localhost>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Celery: Redis when REDIS_URL is set; otherwise a broker kept in files under var/ that
# needs no server, so that `make run` starts worker and beat on a bare machine.
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_FOLDER = VAR_DIR / "broker"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_FOLDER),
        "data_folder_out": str(CELERY_BROKER_FOLDER),
        "processed_folder": str(CELERY_BROKER_FOLDER / "processed"),
        "control_folder": str(CELERY_BROKER_FOLDER / "control"),
        "store_processed": False,
    }
    CELERY_RESULT_BACKEND = None
# A reminder claimed by a worker that died is sent again after this many seconds. A worker
# sends 20 at a time (visits.services.dispatch.CHUNK), each within EMAIL_TIMEOUT: keep this
# above 20 x EMAIL_TIMEOUT, so that a slow server causes no duplicate (a system check warns).
REMINDER_STUCK_AFTER = env.int("REMINDER_STUCK_AFTER", default=1800)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=60)

# Seconds an Idempotency-Key's claim outlives a first request that died without answering
# (visits.api.idempotency); then one retry runs it. Above gunicorn's worker timeout (30 s).
IDEMPOTENCY_LEASE = env.int("IDEMPOTENCY_LEASE", default=60)
# Seconds an answer is kept for retries under its Idempotency-Key (a day, as payment APIs keep
# theirs); a daily task forgets older ones.
IDEMPOTENCY_KEPT = env.int("IDEMPOTENCY_KEPT", default=24 * 3600)
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# Security: with DEBUG off these make `manage.py check --deploy` clean. A TLS-terminating
# proxy is expected in front; it must set X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Failed sign-ins and lockouts are warnings; axes's step-by-step notes are not kept.
    "loggers": {"axes": {"level": "WARNING"}},
}
