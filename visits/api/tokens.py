"""Each user's own API tokens: listed with their last use, made (the secret is shown once),
revoked. Nobody sees or revokes another's.

Making one asks for no password: it takes a signed-in session (or a token), so the sign-in
throttle on the logins that make sessions (protocol/login_throttle.py) guards it too."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from visits.api.auth import SIGNED_IN
from visits.api.schemas import InputSchema, TokenId, with_errors
from visits.models import ApiToken
from visits.services.errors import RuleBroken

router = Router(tags=["tokens"], auth=SIGNED_IN)


class TokenOut(Schema):
    id: int = Field(description="The token's number, to revoke it.")
    name: str = Field(description="What it is for, as its owner named it.")
    prefix: str = Field(description="The first characters, to recognise it.")
    created_at: datetime = Field(description="When it was made.")
    last_used_at: datetime | None = Field(description="Its last use (to the minute), if any.")
    revoked_at: datetime | None = Field(description="When it was revoked; null while valid.")


class NewTokenOut(TokenOut):
    secret: str = Field(description="Shown this once: only its hash is kept.")


class TokenIn(InputSchema):
    name: str = Field(min_length=1, max_length=100, description="What it is for.")


@router.get("/tokens", response=with_errors({200: list[TokenOut]}), summary="Your API tokens")
def list_tokens(request):
    return ApiToken.objects.filter(user=request.auth)


@router.post("/tokens", response=with_errors({201: NewTokenOut}), summary="Make a token")
def create_token(request, payload: TokenIn):
    try:
        token, secret = ApiToken.issue(request.auth, payload.name)
    except ValidationError as refused:
        raise RuleBroken(refused.message_dict) from refused
    token.secret = secret
    return Status(201, token)


@router.delete("/tokens/{token_id}", response=with_errors({204: None}), summary="Revoke one")
def revoke_token(request, token_id: TokenId):
    token = get_object_or_404(ApiToken.objects.filter(user=request.auth), pk=token_id)
    if token.revoked_at is None:
        token.revoke()
    return Status(204, None)
