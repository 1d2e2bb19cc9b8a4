"""The REST API, `/api/v1/`: the OpenAPI document at `openapi.json`, interactive docs at `docs`
(served from django-ninja's bundled static files, nothing fetched from the internet)."""

from ninja import NinjaAPI

from visits.api import engagements, errors, public, tokens, visits

api = NinjaAPI(
    title="Protocol office API",
    version="1",
    description=(
        "Visits, engagements and guests of the protocol office. Authenticate with a personal "
        "token (`Authorization: Bearer pt_…`, see `manage.py create_api_token`) or the browser "
        "session (with its CSRF token for writes). Errors share one shape: "
        '`{"error": code, "message": text, "fields": {field: [reasons]}}`.'
    ),
    urls_namespace="api",
)
errors.install(api)
api.add_router("", visits.router)
api.add_router("", engagements.router)
api.add_router("", public.router)
api.add_router("", tokens.router)
