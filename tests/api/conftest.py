import pytest

from tests.factories import UserFactory


@pytest.fixture
def user_in_no_group(db):
    """An active account that belongs to no group: signed in, but not City Hall staff."""
    return UserFactory(username="nobody")
