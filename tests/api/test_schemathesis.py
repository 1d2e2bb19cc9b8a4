"""schemathesis against the live OpenAPI document: every operation, generated input, a real
token; no server error, and every response as the document says."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from protocol.api import api
from protocol.wsgi import application
from visits.models import ApiToken

# The document as /api/v1/openapi.json serves it (read in-process: collecting tests may not
# touch the database, which every request does); calls go to the WSGI application.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
schema.app = application


@pytest.fixture
def connections_kept_open():
    """Calls go straight to the WSGI application, whose end-of-request handler would close the
    test's connection (Django's test client unhooks it the same way)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(officer, connections_kept_open):
    _token, raw = ApiToken.issue(officer, "schemathesis")
    return {"Authorization": f"Bearer {raw}"}


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema_and_never_fails(case, bearer):
    response = case.call(headers=bearer)
    case.validate_response(
        response,
        # Not applicable: the calls carry a real token on purpose (so writes get past the
        # door), and a schema-valid body may still name a record that does not exist.
        excluded_checks=[ignored_auth, positive_data_acceptance],
    )
