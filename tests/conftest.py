import os

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.db import connection
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from tests.factories import UserFactory
from visits.ceremony_defaults import install_address_forms, install_precedence
from visits.checklist_defaults import install_checklists
from visits.models import (
    AddressForm,
    ChecklistTemplate,
    ChecklistTemplateTask,
    Office,
    PrecedenceList,
    PrecedenceRank,
)
from visits.models.public_state import WATCHED, trigger_name
from visits.roles import PROTOCOL_OFFICE, STAFF, ensure_roles

# In CI, property tests draw the same examples every run: a red build is then reproducible.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


def pytest_collection_modifyitems(config, items):
    """The suite is meant for PostgreSQL: refuse to pass quietly on anything else."""
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    if engine != "django.db.backends.postgresql":
        raise pytest.UsageError(
            f"Tests need PostgreSQL, got {engine}: run `make test` or set DATABASE_URL."
        )
    if not settings.REDIS_URL:
        raise pytest.UsageError("Tests need Redis: run `make test` or set REDIS_URL.")


def user_in(group_name: str, username: str, *extra_permissions: str):
    ensure_roles(Group, Permission)  # a transactional test may have flushed the migration's rows
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group_name))
    for codename in extra_permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


@pytest.fixture(autouse=True)
def default_checklists(request, django_db_blocker):
    """The data migration's checklist templates, which a transactional test's flush removes:
    every database test starts with them, whatever ran before."""
    uses_db = {"db", "transactional_db"} & set(request.fixturenames)
    if request.node.get_closest_marker("django_db") is None and not uses_db:
        return
    request.getfixturevalue("django_db_setup")  # the test database, before writing to it
    with django_db_blocker.unblock():
        install_checklists(ChecklistTemplate, ChecklistTemplateTask)
        # Likewise the décret's lists and the forms-of-address table (migration 0020).
        if not PrecedenceList.objects.exists():
            install_precedence(Office, PrecedenceList, PrecedenceRank)
        if not AddressForm.objects.exists():
            install_address_forms(AddressForm)


@pytest.fixture(autouse=True)
def public_pages_see_each_write(request, django_db_blocker):
    """The public pages' cache starts empty, and its key moves at each write.

    In production the triggers that move the key run at commit; a test that runs in one
    transaction never commits, so they run at each statement instead, which is what a test
    that writes, reads a page, writes again and reads again needs."""
    caches["pages"].clear()
    marker = request.node.get_closest_marker("django_db")
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames)
    if marker is None or marker.kwargs.get("transaction") or transactional:
        return  # real commits: the triggers run as in production
    request.getfixturevalue("db")
    names = ", ".join(map(trigger_name, WATCHED))
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(f"SET CONSTRAINTS {names} IMMEDIATE")


@pytest.fixture(autouse=True)
def media_in_a_folder_of_its_own(settings, tmp_path_factory):
    """Uploads land in a folder each test starts empty, never in the project's."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture
def officer(db):
    """A member of the protocol office, not cleared for confidential visits."""
    return user_in(PROTOCOL_OFFICE, "officer")


@pytest.fixture
def cleared_officer(db):
    return user_in(PROTOCOL_OFFICE, "cleared", "view_confidential_visits")


@pytest.fixture
def staff_member(db):
    return user_in(STAFF, "staff")


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; tests about French switch explicitly."""
    with translation.override("en"):
        yield
