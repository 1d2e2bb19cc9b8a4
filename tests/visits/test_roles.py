from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from visits.roles import PROTOCOL_OFFICE, STAFF

pytestmark = pytest.mark.django_db

roles_migration = import_module("visits.migrations.0002_roles")


def permissions_of(name):
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


def test_the_data_migration_creates_both_groups_with_their_permissions():
    Group.objects.filter(name__in=[PROTOCOL_OFFICE, STAFF]).delete()
    roles_migration.create_roles(apps, schema_editor=None)
    office, staff = permissions_of(PROTOCOL_OFFICE), permissions_of(STAFF)
    assert {"add_visit", "change_engagement", "delete_guest", "view_honorarycitizenship"} <= office
    assert len(office) == 28
    assert staff == {c for c in office if c.startswith("view_")} and len(staff) == 7
    assert "view_confidential_visits" not in office | staff


def test_the_data_migration_can_be_reversed_and_replayed():
    roles_migration.remove_roles(apps, schema_editor=None)
    assert not Group.objects.filter(name__in=[PROTOCOL_OFFICE, STAFF]).exists()
    roles_migration.create_roles(apps, schema_editor=None)
    roles_migration.create_roles(apps, schema_editor=None)
    assert Group.objects.filter(name__in=[PROTOCOL_OFFICE, STAFF]).count() == 2
