"""The OpenAPI document describes every field, parameter and error, and the headers that
writes need: an integration can be written from it alone."""

import pytest

from protocol.api import api
from visits.api.openapi import ERRORS
from visits.api.schemas import ERROR_CODES


@pytest.fixture(scope="module")
def document():
    return api.get_openapi_schema(path_prefix="/api/v1/")


def operations(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", path, method, operation


def test_every_field_of_every_schema_is_described(document):
    undescribed = [
        f"{name}.{field}"
        for name, component in document["components"]["schemas"].items()
        for field, spec in component.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undescribed == []


def test_every_parameter_is_described(document):
    undescribed = [
        f"{name} {parameter['name']}"
        for name, _path, _method, operation in operations(document)
        for parameter in operation.get("parameters", [])
        if not parameter.get("description")
    ]
    assert undescribed == []


def test_every_operation_lists_the_errors_it_can_answer_with_their_meaning(document):
    def errors(path, method):
        responses = document["paths"][path][method]["responses"]
        return {str(status) for status in responses if int(status) >= 400}

    assert errors("/api/v1/visits", "get") == {"401", "403", "422"}
    assert errors("/api/v1/visits/{reference}", "get") == {"401", "403", "404", "422"}
    assert errors("/api/v1/visits", "post") == {"400", "401", "403", "404", "409", "422"}
    assert errors("/api/v1/visits/{reference}", "patch") == {
        "400",
        "401",
        "403",
        "404",
        "409",
        "412",
        "422",
        "428",
    }
    assert errors("/api/v1/engagements/{uid}", "delete") == {
        "400",
        "401",
        "403",
        "404",
        "412",
        "422",
        "428",
    }
    assert errors("/api/v1/public/honorary-citizens", "get") == {"422"}
    for name, _path, _method, operation in operations(document):
        for status, response in operation["responses"].items():
            if int(status) >= 400:
                assert str(status) in {str(code) for code in ERROR_CODES}, name
                assert response["description"] == ERRORS[str(status)], name
                assert response["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/ErrorOut"
                }


def test_versioned_writes_ask_for_if_match_and_posts_take_an_idempotency_key(document):
    headers = {
        name: {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}
        for name, _path, _method, operation in operations(document)
    }
    assert headers["PATCH /api/v1/visits/{reference}"] == {"If-Match"}
    assert headers["PUT /api/v1/visits/{reference}/delegation"] == {"If-Match"}
    assert headers["PATCH /api/v1/guests/{guest_id}"] == {"If-Match"}
    assert headers["DELETE /api/v1/engagements/{uid}"] == {"If-Match"}
    assert headers["DELETE /api/v1/tokens/{token_id}"] == set()  # one's own, not versioned
    assert headers["POST /api/v1/visits"] == {"Idempotency-Key"}
    assert headers["GET /api/v1/visits"] == set()


def test_every_401_says_how_to_sign_in(document):
    challenges = {
        name: response["headers"]["WWW-Authenticate"]["required"]
        for name, _path, _method, operation in operations(document)
        for status, response in operation["responses"].items()
        if str(status) == "401"
    }
    assert len(challenges) > 30 and set(challenges.values()) == {True}


def test_posts_document_when_to_retry_a_key_still_running(document):
    def retry_after(path, method):
        responses = document["paths"][path][method]["responses"]
        conflict = next(r for status, r in responses.items() if str(status) == "409")
        return conflict.get("headers", {}).get("Retry-After")

    documented = retry_after("/api/v1/visits", "post")
    assert documented["required"] is False and "lease" in documented["description"]
    assert retry_after("/api/v1/visits/{reference}", "patch") is None
    key = next(
        parameter
        for parameter in document["paths"]["/api/v1/visits"]["post"]["parameters"]
        if parameter["name"] == "Idempotency-Key"
    )
    assert "IDEMPOTENCY_LEASE" in key["description"]


def test_resources_document_their_etag_and_lists_do_not(document):
    def etag_documented(path, method, status):
        response = document["paths"][path][method]["responses"][status]
        return "ETag" in response.get("headers", {})

    assert etag_documented("/api/v1/visits/{reference}", "get", 200)
    assert etag_documented("/api/v1/honours", "post", 201)
    assert not etag_documented("/api/v1/visits", "get", 200)
    assert not etag_documented("/api/v1/public/honorary-citizens", "get", 200)


def test_served_document_is_the_described_one(db, client, document):
    served = client.get("/api/v1/openapi.json").json()
    assert served["paths"]["/api/v1/visits/{reference}"]["patch"]["parameters"][-1] == {
        "in": "header",
        "name": "If-Match",
        "required": True,
        "description": "The ETag you last read (or `*` to overwrite whatever is there).",
        "schema": {"type": "string"},
    }
    assert set(served["paths"]) == set(document["paths"])
