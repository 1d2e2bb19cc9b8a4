"""A real browser (Debian's Chromium, driven by Playwright) against the live test server."""

import os
import shutil

import pytest
from django.conf import settings


@pytest.fixture(scope="session")
def chromium_path():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        message = "Chromium is missing: `apt-get install chromium` (.ci/run does it)."
        if os.environ.get("CI"):
            pytest.fail(message)  # CI must run the browser tests, never skip them
        pytest.skip(message)
    return path


@pytest.fixture
def browser_as(live_server, chromium_path, client, monkeypatch):
    """Opens pages in Chromium, without JavaScript, signed in as the given user."""
    from playwright.sync_api import sync_playwright

    # Playwright runs an event loop in this thread; the ORM calls of the test are still
    # synchronous ones, made before and after the browser works.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=["--no-sandbox"])

        def open_as(user, language="en"):
            client.force_login(user)
            context = browser.new_context(java_script_enabled=False, locale=language)
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
        browser.close()
