"""What the OpenAPI document says beyond the schemas: what each error status means here, the
ETag each resource carries, how a 401 says to sign in, when to retry a key still running, the
headers of a deprecated answer, and the `If-Match` and `Idempotency-Key` headers writes take."""

ERRORS = {
    "400": (
        "refused: the office's rules refuse the input; `fields` names what to change. "
        "Or unreadable: the body is not a JSON object in storable text (no NUL, no lone "
        "surrogate)."
    ),
    "401": (
        "unauthorized: sign in, or send `Authorization: Bearer <token>`. A request with an "
        "`Authorization` header is answered on it alone: an unknown, revoked or malformed "
        "token is a 401 whatever the method, never read as the browser session."
    ),
    "403": (
        "forbidden: your account lacks the permission this needs (the message names it: the "
        "staff permission to read, the protocol office's to write), or a signed-in browser's "
        "write came without its CSRF token."
    ),
    "404": "not_found: no such record, or not one you may see.",
    "409": (
        "conflict: a room, host or principal guest is taken (the clashing engagement is named "
        "when you may see it), a move the lifecycle does not allow, or the same "
        "Idempotency-Key still running."
    ),
    "412": "stale: changed since you read it; read it again, then retry.",
    "422": "invalid: the input could not be read; `fields` names each problem.",
    "428": "precondition_required: send the ETag you last read as If-Match.",
}
CHALLENGE = {
    "description": (
        '`Bearer realm="api"`; with `error="invalid_token"` when the token sent signs nobody in '
        "(RFC 6750)."
    ),
    "required": True,
    "schema": {"type": "string"},
}
ETAG = {
    "description": "The version of what you read; send it back as If-Match to change it.",
    "schema": {"type": "string"},
}


def header(description: str) -> dict:
    return {"description": description, "required": True, "schema": {"type": "string"}}


# Answers that carry a deprecated field say so in headers (visits.api.public).
DEPRECATION_HEADERS = {
    "/public/distinguished-guests": {
        "Deprecation": header(
            "RFC 9745: since when a field is deprecated (`@` and Unix seconds): `reference`."
        ),
        "Sunset": header("RFC 8594: when the deprecated field goes (an HTTP date)."),
        "Link": header('The documentation of the deprecation (`rel="deprecation"`).'),
    },
}
IF_MATCH = {
    "in": "header",
    "name": "If-Match",
    "required": True,
    "description": "The ETag you last read (or `*` to overwrite whatever is there).",
    "schema": {"type": "string"},
}
IDEMPOTENCY_KEY = {
    "in": "header",
    "name": "Idempotency-Key",
    "required": False,
    "description": (
        "Any unique text (a UUID) of at most 200 characters: a retry with the same key and "
        "body gets the first response again, marked `Idempotent-Replayed: true`. While the "
        "first runs, a retry gets 409 `in_progress`; if the first died without answering "
        "(nothing it wrote is kept), its claim lapses after a lease (the server's "
        "IDEMPOTENCY_LEASE, 60 seconds by default) and one retry runs the request."
    ),
    "schema": {"type": "string", "maxLength": 200},
}
RETRY_AFTER = {
    "description": (
        "With `in_progress`: the seconds until the first request's claim lapses (its lease). "
        "By then it has answered, or a retry runs the request."
    ),
    "required": False,
    "schema": {"type": "integer", "minimum": 1},
}


def versioned(path: str) -> bool:
    """Visits, engagements, guests, rooms, hosts, honours; not tokens or the public lists."""
    return "/tokens" not in path and "/public/" not in path


# The errors each kind of operation can answer (every operation is declared with all of them,
# in one shape: the document lists only those that can happen).
READ_ERRORS = {"401", "403", "404", "422"}
CREATE_ERRORS = {"400", "401", "403", "404", "409", "422"}
CHANGE_ERRORS = CREATE_ERRORS | {"412", "428"}
DELETE_ERRORS = CHANGE_ERRORS - {"409"}


# POSTs that change a resource rather than create one: they take If-Match as a PATCH does
# (an attendee, a seating rule or the gathered attendance changes the ceremony, whose ETag
# it sends).
CHANGING_POSTS = ("/move", "/attendees", "/gather", "/pairs", "/reply")
# Reads of one thing under a record (not lists): found, or 404 as the record would be.
ONE_THING_READS = ("/ceremony", "/address", "/why", "/invitations")
# Made from several records at once, with nothing to send back: no ETag.
UNVERSIONED_READS = ("/address", "/why", "/invitations")
# Reads asking about records they name in the query: 400 names one that does not fit.
QUESTIONS = ("/why",)


def lists(path: str, method: str) -> bool:
    return method == "get" and not path.endswith("}") and not path.endswith(ONE_THING_READS)


def changes_with_post(path: str, method: str) -> bool:
    return method == "post" and path.endswith(CHANGING_POSTS)


def possible_errors(path: str, method: str, operation: dict) -> set[str]:
    kinds = {"get": READ_ERRORS, "post": CREATE_ERRORS, "delete": DELETE_ERRORS}
    errors = CHANGE_ERRORS if changes_with_post(path, method) else kinds.get(method, CHANGE_ERRORS)
    if lists(path, method):
        errors = errors - {"404"}  # a list is never missing, at most empty
    if method == "get" and path.endswith(QUESTIONS):
        errors = errors | {"400"}
    if not versioned(path):
        errors = errors - {"412", "428"}
    if not operation.get("security"):  # anonymous: nobody is refused for not signing in
        errors = errors - {"401", "403"}
    return errors


def document_conventions(schema: dict) -> dict:
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            tagged = versioned(path) and not lists(path, method)
            tagged = tagged and not path.endswith(UNVERSIONED_READS)
            possible = possible_errors(path, method, operation)
            deprecation = next(
                (h for suffix, h in DEPRECATION_HEADERS.items() if path.endswith(suffix)), None
            )
            operation["responses"] = {
                status: response
                for status, response in operation["responses"].items()
                if str(status) not in ERRORS or str(status) in possible
            }
            for status, response in operation["responses"].items():
                # ninja's keys are numbers; a document read back from JSON has text.
                if str(status) in ERRORS:
                    response["description"] = ERRORS[str(status)]
                if str(status) == "401":
                    response["headers"] = {"WWW-Authenticate": CHALLENGE}
                elif str(status) == "409" and method == "post":
                    response["headers"] = {"Retry-After": RETRY_AFTER}
                elif str(status) in ("200", "201") and tagged:
                    response["headers"] = {"ETag": ETAG}
                elif str(status) == "200" and deprecation:
                    response["headers"] = deprecation
            parameters = operation.setdefault("parameters", [])
            changes = method in ("patch", "put", "delete") or changes_with_post(path, method)
            if changes and versioned(path):
                parameters.append(IF_MATCH)
            if method == "post":
                parameters.append(IDEMPOTENCY_KEY)
    return schema
