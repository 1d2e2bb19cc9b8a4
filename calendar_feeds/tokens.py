"""Secret feed URLs: 192 random bits, kept only as a SHA-256 digest. A digest is looked up by
equality in a unique index, so a guess learns nothing from how long the answer took: an
unknown token and a known one cost the same lookup."""

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(24)  # 192 bits (the issue asks for at least 128)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
