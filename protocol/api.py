"""The REST API, `/api/v1/`: the OpenAPI document at `openapi.json`, interactive docs at `docs`
(served from django-ninja's bundled static files, nothing fetched from the internet)."""

from ninja import NinjaAPI

from visits.api import (
    ceremony,
    engagements,
    errors,
    guests,
    honours,
    invitations,
    invitees,
    moves,
    places,
    public,
    tokens,
    visit_changes,  # noqa: F401 (adds the visits router's writes)
    visits,
)
from visits.api.openapi import document_conventions
from visits.api.parsing import StorableJsonParser

DESCRIPTION = """
Visits, engagements, guests, rooms, hosts and honorary citizenships of the protocol office.

**Sign in** with a personal token, `Authorization: Bearer pt_…` (make one with `POST /tokens`
or `manage.py create_api_token USERNAME`), or with the browser session, whose writes need the
CSRF token. A request with an `Authorization` header is answered on it alone: a token unknown,
revoked or malformed is a 401, whatever the method. Reading needs the staff permission, as the
staff pages do (`visits.view_visit`, held by the Staff and Protocol office groups): an account
without it gets 403 naming it. The protocol office writes; confidential visits are shown only
to those cleared for them, and anything else you may not see answers 404, as if it did not
exist. The lists under `/public` ask for nothing.

**Errors** share one shape: `{"error": code, "message": text, "fields": {field: [reasons]}}`.
400 `refused` (the office's rules refuse the input: the field is named) or `unreadable` (the
body is not a JSON object of storable text), 401 `unauthorized`,
403 `forbidden`, 404 `not_found`, 409 `conflict` (a room, host or guest is taken: the clashing
engagement is named when you may see it; or a lifecycle move that is not allowed), 412 `stale`,
422 `invalid` (the input could not be read), 428 `precondition_required`.

**No lost updates**: each resource carries an `ETag` (opaque: compare it, do not read it); a
`PATCH`, `PUT` or `DELETE`, and `POST /visits/{reference}/move`, must send it back as
`If-Match`. A stale one, or one in an earlier form, gets 412; a missing one 428.

**Idempotent creation**: a `POST` with an `Idempotency-Key` header is done once; a replay gets
the first answer (with `Idempotent-Replayed: true`), a duplicate still running gets 409 with
`Retry-After`. A first request that died without answering wrote nothing; after its lease
(60 seconds by default) one retry runs it.

**Deprecated**: `reference` in `GET /public/distinguished-guests` is null since 4 December 2026
(the visits' numbers let anyone count those not published) and goes on 1 July 2027; link each
guest's public page (`page_fr`, `page_en`). Those answers carry `Deprecation`, `Sunset` and
`Link: rel="deprecation"` headers (RFC 9745, RFC 8594).

**Lists** are pages: `limit` (at most 100) and `offset`; `count` is the total.
"""


class ProtocolAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        return document_conventions(super().get_openapi_schema(**kwargs))


api = ProtocolAPI(
    title="Protocol office API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    parser=StorableJsonParser(),
)
errors.install(api)
api.add_router("", visits.router)
api.add_router("", moves.router)
api.add_router("", engagements.router)
api.add_router("", ceremony.router)
api.add_router("", guests.router)
api.add_router("", places.router)
api.add_router("", honours.router)
api.add_router("", invitations.router)
api.add_router("", invitees.router)
api.add_router("", public.router)
api.add_router("", tokens.router)
