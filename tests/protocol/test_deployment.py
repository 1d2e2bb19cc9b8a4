"""What production relies on: settings, migrations, the compose file, the catalogues."""

import json
import os
import subprocess
import sys
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from protocol.health import HealthCheckMiddleware

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-like-secret-key-with-enough-variety-0123456789-ABCDEF",
    "ALLOWED_HOSTS": "protocole.paris.example",
    "DJANGO_SETTINGS_MODULE": "protocol.settings",
}


def manage(*args, env=None):
    # Only what a production host would have: not the test settings' relaxations.
    kept = ("PATH", "HOME", "DATABASE_URL", "REDIS_URL")
    environment = {k: v for k, v in os.environ.items() if k in kept}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_debug_off():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_migrations_are_complete():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_french_catalogue_is_compiled_and_used():
    from visits.models import Visit

    with translation.override("fr"):
        assert str(Visit._meta.verbose_name_plural) == "visites"
    with translation.override("en"):
        assert str(Visit._meta.verbose_name_plural) == "visits"


def test_catalogues_have_no_untranslated_or_fuzzy_message():
    from babel.messages.pofile import read_po

    for language in ("fr", "en"):
        with open(ROOT / "locale" / language / "LC_MESSAGES" / "django.po", "rb") as handle:
            catalogue = read_po(handle)
        missing = [m.id for m in catalogue if m.id and (not m.string or m.fuzzy)]
        assert missing == [], f"{language}: {missing[:5]}"


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["protocole.paris.example"])
def test_healthz_answers_by_ip_over_http_whatever_the_allowed_hosts(client):
    response = client.get("/healthz", HTTP_HOST="127.0.0.1:8000")
    assert (response.status_code, response.content) == (200, b"ok")
    assert client.get("/admin/", HTTP_HOST="127.0.0.1:8000").status_code == 400


def test_production_refuses_the_example_secret_key():
    example = next(
        line.split("=", 1)[1]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line.startswith("SECRET_KEY=")
    )
    result = manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": example})
    assert result.returncode != 0
    assert "SECRET_KEY is still the example's placeholder." in result.stderr


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_the_services_production_needs():
    services = compose()["services"]
    assert {"db", "redis", "web", "worker", "beat", "mail"} <= set(services)
    assert services["db"]["image"].startswith("postgres:16")
    assert services["redis"]["image"].startswith("redis:7")
    assert all("healthcheck" in services[name] for name in ("db", "redis", "web"))


def test_compose_commands_point_at_modules_that_exist():
    services = compose()["services"]
    web = " ".join(services["web"]["command"])
    assert "gunicorn" in web and "protocol.wsgi:application" in web
    assert hasattr(import_module("protocol.wsgi"), "application")
    for name, role in (("worker", "worker"), ("beat", "beat")):
        command = services[name]["command"]
        assert command[:3] == ["celery", "-A", "protocol"] and command[3] == role
    assert import_module("protocol").celery_app.main == "protocol"
    for service in services.values():
        settings_module = service.get("environment", {}).get("DJANGO_SETTINGS_MODULE")
        if settings_module:
            assert find_spec(settings_module) is not None


def test_compose_environment_names_settings_that_the_project_reads():
    settings_source = (ROOT / "protocol" / "settings.py").read_text()
    example = (ROOT / ".env.example").read_text().splitlines()
    names = [line.split("=")[0] for line in example if line and not line.startswith("#")]
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS", "EMAIL_URL"} <= set(names)
    for name in names:
        assert f'"{name}"' in settings_source, f"{name} is not read by protocol/settings.py"


def test_compose_healthcheck_and_dockerfile_paths_exist():
    services = compose()["services"]
    assert "protocol.health.HealthCheckMiddleware" in settings.MIDDLEWARE
    assert HealthCheckMiddleware.path in " ".join(services["web"]["healthcheck"]["test"])
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "requirements.txt" in dockerfile and "collectstatic" in dockerfile
    cmd = json.loads(next(line for line in dockerfile.splitlines() if line.startswith("CMD "))[4:])
    assert cmd[:2] == ["gunicorn", "protocol.wsgi:application"]
