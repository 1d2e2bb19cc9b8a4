"""Who calls the API: a personal token (`Authorization: Bearer pt_…`) or the browser session.

A token request carries no cookie, so it needs no CSRF token; a session request does, for every
unsafe method (ninja's SessionAuth checks it). The token is tried first so that an integration
that also happens to hold a session cookie is not asked for CSRF.
"""

from ninja.security import HttpBearer, SessionAuth

from visits.models import ApiToken


class PersonalToken(HttpBearer):
    def authenticate(self, request, token):
        user = ApiToken.user_for(token)
        if user is not None:
            request.user = user
        return user


class ActiveSession(SessionAuth):
    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


SIGNED_IN = [PersonalToken(), ActiveSession()]
