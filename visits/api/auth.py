"""Who calls the API: a personal token (`Authorization: Bearer pt_…`) or the browser session,
for a user who holds the permission the staff pages ask for (one definition:
`visits.models.visibility.STAFF_PERMISSION`). The public lists under `/public` ask for nothing.

A request that sends an `Authorization` header is answered on that header alone: a token that
is unknown, revoked or malformed is a 401, never a fall back to the session (whose writes would
then be refused for want of a CSRF token, with a misleading 403). A session is asked for its
CSRF token on every unsafe method, once it is known to be signed in: a caller with no session at
all is told to sign in (401).
"""

from django.utils.translation import gettext as _
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from visits.api.errors import Forbidden, InvalidToken
from visits.models import ApiToken
from visits.models.visibility import STAFF_PERMISSION
from visits.roles import STAFF


def token_user(request):
    """The user of the request's `Authorization` header; None without one; InvalidToken for
    one that signs nobody in."""
    header = request.headers.get("Authorization")
    if not header:
        return None
    scheme, _space, raw = header.strip().partition(" ")
    user = ApiToken.user_for(raw.strip()) if scheme.lower() == "bearer" and raw.strip() else None
    if user is None:
        raise InvalidToken
    return user


def require_staff(user):
    if not user.has_perm(STAFF_PERMISSION):
        raise Forbidden(
            _(
                "The API is for City Hall staff: your account lacks the permission "
                "“%(permission)s”. Ask an administrator to add you to the “%(group)s” group."
            )
            % {"permission": STAFF_PERMISSION, "group": STAFF}
        )
    return user


class PersonalToken(HttpBearer):
    def __call__(self, request):
        user = token_user(request)
        if user is None:
            return None  # no header: the session may sign the caller in
        request.user = user
        return require_staff(user)

    def authenticate(self, request, token):  # pragma: no cover - __call__ reads the header
        raise NotImplementedError


class ActiveSession(SessionAuth):
    def __call__(self, request):
        if "Authorization" in request.headers:
            return None  # answered on the header alone (PersonalToken)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            # ninja's own check, with a message the caller can read in their language
            raise Forbidden(
                _("Send the CSRF token with a signed-in browser's writes (X-CSRFToken).")
            )
        return require_staff(user)

    def authenticate(self, request, key):  # pragma: no cover - __call__ reads the session
        raise NotImplementedError


SIGNED_IN = [PersonalToken(), ActiveSession()]


def api_caller(request):
    """The user the API will serve this request for (its token's, else its session's), or None
    when it will refuse it (401 or 403). Checks no CSRF token: the API does that itself."""
    try:
        user = token_user(request)
    except InvalidToken:
        return None
    if user is None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
    return user if user.has_perm(STAFF_PERMISSION) else None
