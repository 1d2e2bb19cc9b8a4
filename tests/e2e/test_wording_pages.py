"""Words on the pages, in Chromium: the admin index in each language's alphabetical order and
My calendars' « Créé ». Screenshots in test-artefacts/screenshots/wording-*."""

import pytest
from django.contrib.auth import get_user_model

from protocol.admin_site import dictionary_order
from tests.e2e.test_public_pages import PHONE, SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("words", "words@example.org", "x")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_admin_index_lists_models_in_the_reader_alphabetical_order(
    browser_as, live_server, superuser, language
):
    page = browser_as(superuser, language)
    page.goto(f"{live_server.url}/admin/")
    tables = page.locator("#content-main .module")
    assert tables.count() >= 2
    for number in range(tables.count()):
        names = tables.nth(number).locator("th[scope=row]").all_inner_texts()
        assert names == sorted(names, key=dictionary_order)
    if language == "fr":
        names = page.locator("#content-main th[scope=row]").all_inner_texts()
        assert names.index("Élus hôtes") < names.index("Visites")
    page.screenshot(path=SCREENSHOTS / f"wording-admin-index-{language}.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / f"wording-admin-index-{language}-phone.png", full_page=True)
