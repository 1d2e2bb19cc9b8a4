"""One Content-Security-Policy for every page, widened only where scripts must run.

The public and staff pages run no script: they get settings.CONTENT_SECURITY_POLICY as it is.
The admin and the API's documentation run this site's own scripts (and an inline one only with
the page's nonce, `{{ request.csp_nonce }}`): under settings.CSP_SCRIPTED_AREAS the policy is
widened by settings.CSP_SCRIPTED_ADDITIONS, nothing more.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class PolicyByAreaMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        scripted = request.path_info.startswith(tuple(settings.CSP_SCRIPTED_AREAS))
        if scripted and not report_only and parts.update is None:
            parts.update = settings.CSP_SCRIPTED_ADDITIONS
        return parts
