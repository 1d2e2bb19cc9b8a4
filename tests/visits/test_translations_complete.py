"""Every string marked for translation has its French: the strings are extracted from the
code and templates as `makemessages` does (GNU gettext's xgettext and msgmerge), into a copy
of the project, so the real catalogue is never rewritten. A new string therefore fails here
the day it is written, not the day someone regenerates the catalogue."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext

ROOT = Path(__file__).resolve().parents[2]
# What makemessages reads: the project's code and templates, and the catalogue it merges into.
SOURCES = ("manage.py", "protocol", "visits", "calendar_feeds", "templates", "locale")
pytestmark = pytest.mark.skipif(
    os.environ.get("CI") != "true" and shutil.which("xgettext") is None,
    reason="GNU gettext is not installed (CI installs it and fails without it)",
)


def extracted_catalogue(copy: Path) -> Path:
    """The French catalogue as makemessages would leave it, made in `copy`."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            ignored = shutil.ignore_patterns("__pycache__", "*.mo", "static", "fixtures")
            shutil.copytree(source, copy / name, ignore=ignored)
        else:
            shutil.copy2(source, copy / name)
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(copy)),
        "DJANGO_SETTINGS_MODULE": "protocol.settings",
        "DEBUG": "true",
        "VAR_DIR": str(copy / "var"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "fr", "--domain", "django"],
        cwd=copy,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return copy / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def named(message) -> str:
    text = message.id if isinstance(message.id, str) else message.id[0]
    return f"{message.context} | {text}" if message.context else text


def strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def translated_elsewhere(message) -> bool:
    """Django's own catalogues already say it (a copied admin template's "Toggle sorting")."""
    with translation.override("fr"):
        if isinstance(message.id, tuple):
            singular, plural = message.id[:2]
            return ngettext(singular, plural, 2) != plural
        if message.context:
            return pgettext(message.context, message.id) != message.id
        return gettext(message.id) != message.id


def test_every_translatable_string_has_a_french_translation(tmp_path):
    with open(extracted_catalogue(tmp_path), "rb") as handle:
        catalogue = read_po(handle)
    missing = sorted(
        named(message)
        for message in catalogue
        if message.id
        and (message.fuzzy or not all(strings(message)))
        and not translated_elsewhere(message)
    )
    assert missing == [], "\n".join(["Without French (or fuzzy):", *missing])
