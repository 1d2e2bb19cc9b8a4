"""One shape for every error the API returns:

    {"error": "<code>", "message": "<what went wrong>", "fields": {"<field>": ["<why>"]}}

`fields` names the offending input when there is one; the status says the kind (400 bad input,
401 not signed in, 403 not allowed, 404 not found or not visible, 409 conflict, 422 unreadable
input).
"""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as InputError

from visits.services.errors import Conflict, RuleBroken, TransitionRefused


class InvalidToken(AuthenticationError):
    """An `Authorization` header that signs nobody in: unknown, revoked, malformed."""


class Forbidden(PermissionDenied):
    """A refusal whose message tells the caller what is missing (the services' refusals keep
    theirs for the logs)."""


CHALLENGE = 'Bearer realm="api"'


def error_body(code: str, message: str, fields: dict | None = None) -> dict:
    return {"error": code, "message": message, "fields": fields or {}}


def field_name(location) -> str:
    # ninja's locations look like ("query", "limit") or ("body", "payload", "starts_on").
    parts = [str(part) for part in location if part not in ("query", "path", "body", "payload")]
    return ".".join(parts) or NON_FIELD_ERRORS


def install(api) -> None:
    @api.exception_handler(InputError)
    def unreadable(request, error):
        fields = {}
        for problem in error.errors:
            fields.setdefault(field_name(problem.get("loc", ())), []).append(problem["msg"])
        message = _("The request could not be read: see the fields.")
        return api.create_response(request, error_body("invalid", message, fields), status=422)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, error):
        # RFC 9110 asks a 401 to say how to sign in; RFC 6750 names a bad token's error.
        if isinstance(error, InvalidToken):
            message = _(
                "This token is not valid: it is unknown or revoked, or its account is closed."
            )
            challenge = f'{CHALLENGE}, error="invalid_token"'
        else:
            message = _("Sign in, or send a personal token as “Authorization: Bearer …”.")
            challenge = CHALLENGE
        response = api.create_response(request, error_body("unauthorized", message), status=401)
        response["WWW-Authenticate"] = challenge
        return response

    @api.exception_handler(PermissionDenied)
    def forbidden(request, error):
        if isinstance(error, Forbidden):
            message = str(error)
        else:
            message = _("You are not allowed to do this.")
        return api.create_response(request, error_body("forbidden", message), status=403)

    @api.exception_handler(Http404)
    def not_found(request, error):
        message = _("Not found.")
        return api.create_response(request, error_body("not_found", message), status=404)

    @api.exception_handler(RuleBroken)
    def refused(request, error):
        status = 409 if isinstance(error, Conflict | TransitionRefused) else 400
        code = "conflict" if status == 409 else "refused"
        fields = error.message_dict if hasattr(error, "error_dict") else {}
        message = " ".join(error.messages)
        return api.create_response(request, error_body(code, message, fields), status=status)

    codes = {400: "unreadable", 403: "forbidden", 412: "stale", 428: "precondition_required"}

    @api.exception_handler(HttpError)
    def http_error(request, error):
        message = str(error)
        if error.status_code == 400:  # ninja could not parse the body (visits.api.parsing)
            message = _("The body could not be read: send a JSON object, in UTF-8 text.")
        body = error_body(codes.get(error.status_code, "error"), message)
        return api.create_response(request, body, status=error.status_code)
