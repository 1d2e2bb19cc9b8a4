"""Management commands run with DEBUG off: on the zero-setup SQLite with nothing set, and in
production once its settings are given; a missing setting is named in one line, no traceback."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, env: dict) -> subprocess.CompletedProcess:
    kept = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**kept, "DJANGO_SETTINGS_MODULE": "protocol.settings", **env},
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_create_api_token_runs_without_debug_on_the_zero_setup_database(tmp_path):
    bare = {"VAR_DIR": str(tmp_path)}  # no DEBUG, SECRET_KEY nor DATABASE_URL
    assert manage("migrate", "--noinput", "-v0", env=bare).returncode == 0
    made = manage("shell", "-c", MAKE_STAFF, env=bare)
    assert made.returncode == 0, made.stderr
    token = manage("create_api_token", "ada", "--name", "laptop", env=bare)
    assert token.returncode == 0, token.stderr
    assert len(token.stdout.strip()) >= 40 and "Traceback" not in token.stderr
    # The key made once is kept beside the database: the server and commands share it.
    key = (tmp_path / "secret_key").read_text()
    assert manage("check", env=bare).returncode == 0
    assert (tmp_path / "secret_key").read_text() == key and oct(
        (tmp_path / "secret_key").stat().st_mode & 0o777
    ) == oct(0o600)


MAKE_STAFF = (
    "from django.contrib.auth.models import Group, User; "
    "from visits.roles import STAFF; "
    "User.objects.create_user('ada').groups.add(Group.objects.get(name=STAFF))"
)


def test_a_production_command_without_a_secret_key_names_the_setting_in_one_line(tmp_path):
    production = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "VAR_DIR": str(tmp_path)}
    result = manage("create_api_token", "ada", env=production)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "manage.py: Set SECRET_KEY: a deployment with a DATABASE_URL brings its own "
        "(or set DEBUG=true for development)."
    ]
    assert not (tmp_path / "secret_key").exists()


def test_a_production_command_runs_once_its_settings_are_given(tmp_path):
    production = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SECRET_KEY": "a-production-like-secret-key-with-enough-variety-0123456789-ABCDEF",
        "ALLOWED_HOSTS": "protocole.paris.example",
    }
    assert manage("migrate", "--noinput", "-v0", env=production).returncode == 0
    result = manage("create_api_token", "nobody", env=production)
    # The command itself answers (no such user), not the settings.
    assert (result.returncode, result.stderr.strip()) == (
        1,
        "CommandError: No active user named 'nobody'.",
    )
