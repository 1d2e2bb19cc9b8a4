"""A real browser (Debian's Chromium, driven by Playwright) against the live test server."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Quiet and reproducible: no updates, sync or first-run pages fetched behind the test's back.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def unavailable(message):
    """A missing browser tool fails the run in CI, which must run the browser tests, and
    skips it on a developer's machine."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium_path():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        unavailable("Chromium is missing: `apt-get install chromium` (.ci/run does it).")
    return path


@pytest.fixture(scope="session")
def axe_script():
    """axe-core, Deque's accessibility checker, from package-lock.json."""
    if not AXE_SCRIPT.is_file():
        unavailable(f"{AXE_SCRIPT.relative_to(ROOT)} is missing: run `make install` (npm ci).")
    return AXE_SCRIPT


@pytest.fixture(scope="module")
def shared_chromium(chromium_path):
    """One Chromium for a module's tests: launching it is most of a short test's time."""
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        # Playwright runs an event loop in this thread; the ORM calls of the tests are still
        # synchronous ones, made before and after the browser works.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def browser_as(live_server, shared_chromium, client):
    """Opens pages in Chromium, without JavaScript, signed in as the given user."""
    contexts = []

    def open_as(user, language="en"):
        client.force_login(user)
        context = shared_chromium.new_context(java_script_enabled=False, locale=language)
        contexts.append(context)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        return context.new_page()

    yield open_as
    for context in contexts:
        context.close()


@pytest.fixture
def anonymous_browser(live_server, shared_chromium):
    """Opens pages in Chromium as the public, signed out, with JavaScript on: the pages need
    none, axe-core does. Returns the page and the list its console errors and uncaught
    exceptions are written to (a Content-Security-Policy violation is a console error).
    `bypass_csp` lets a test inject a script the page's policy would refuse."""
    contexts = []

    def open_page(language="en", *, bypass_csp=False):
        context = shared_chromium.new_context(locale=language, bypass_csp=bypass_csp)
        contexts.append(context)
        page = context.new_page()
        errors = []

        def console(message):
            where = message.location
            if message.type == "error":
                errors.append(f"console: {message.text} ({where['url']}:{where['lineNumber']})")

        page.on("console", console)
        page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
        return page, errors

    yield open_page
    for context in contexts:
        context.close()
