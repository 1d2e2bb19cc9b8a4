"""schemathesis against the live OpenAPI document: every operation, generated input, a real
token; no server error, and every response as the document says."""

import os
from datetime import date
from uuid import uuid4

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    ignored_auth,
    missing_required_header,
    positive_data_acceptance,
)

from protocol.api import api
from protocol.wsgi import application
from tests.ceremony_factories import AttendanceFactory, SeatingPairFactory
from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    HostFactory,
    VenueFactory,
    VisitFactory,
)
from visits.models import AddressCard, ApiToken
from visits.services.invitations import invite

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


@pytest.fixture
def world(db):
    """Records for the generated calls to reach: with unknown ids, every call would stop at a
    404 and the code behind it would go untested."""
    visit = VisitFactory(starts_on=date(2027, 7, 6), status="approved")
    honour = HonoraryCitizenshipFactory()
    engagement = EngagementFactory(visit=visit, status="tentative")
    attendee, other = AttendanceFactory.create_batch(2, engagement=engagement)
    return {
        "reference": visit.reference,
        "uid": str(engagement.uid),
        "attendee_id": attendee.pk,
        "pair_id": SeatingPairFactory(engagement=engagement, first=attendee, second=other).pk,
        # GET .../ceremony/why?first=&second=: two attendees of the same engagement.
        "first": attendee.pk,
        "second": other.pk,
        # A guest in the address book: /invitees/{guest_id} reads and changes their card.
        "guest_id": AddressCard.objects.create(guest=GuestFactory()).guest_id,
        "venue_id": VenueFactory().pk,
        "host_id": HostFactory().pk,
        "honour_id": honour.pk,
        "invitation_id": invite(engagement, [GuestFactory()], by=None)[0].pk,
    }


def generated_valid(case, location) -> bool:
    component = case.meta.components.get(location) if case.meta else None
    return component is not None and component.mode == GenerationMode.POSITIVE


@pytest.mark.django_db
@schema.parametrize()
@settings(
    # 15 keeps CI quick; run deeper with API_FUZZ_EXAMPLES=200 (see README).
    max_examples=int(os.environ.get("API_FUZZ_EXAMPLES", "15")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema_and_never_fails(case, bearer, world):
    # Valid paths and headers are pointed at real records, and writes at their current version,
    # so generated bodies get applied; invalid ones are sent as generated.
    if case.path_parameters and generated_valid(case, ParameterLocation.PATH):
        case.path_parameters = {
            name: world.get(name, value) for name, value in case.path_parameters.items()
        }
    if (
        case.headers
        and "If-Match" in case.headers
        and generated_valid(case, ParameterLocation.HEADER)
    ):
        case.headers["If-Match"] = "*"
    if case.headers and case.headers.get("Idempotency-Key"):
        # Each case is a new request: one drawing the key of an earlier success would get that
        # answer replayed before its own If-Match is read (a body-less POST like .../gather
        # has nothing else to tell them apart). Replays: tests/api/test_idempotency.py.
        case.headers["Idempotency-Key"] = uuid4().hex[:8] + case.headers["Idempotency-Key"]
    response = case.call(headers=bearer)
    case.validate_response(
        response,
        # Not applicable: the calls carry a real token on purpose (so writes get past the
        # door); a schema-valid body may still name a record that does not exist; and a
        # missing If-Match is answered 428 Precondition Required (RFC 6585), which this
        # check does not know (tests/api/test_visit_changes_api.py asserts it).
        excluded_checks=[ignored_auth, positive_data_acceptance, missing_required_header],
    )
