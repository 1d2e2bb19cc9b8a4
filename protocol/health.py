from django.db import connection
from django.http import HttpResponse


class HealthCheckMiddleware:
    """Answers `/healthz` before host validation and the HTTPS redirect: load balancers and
    compose healthchecks call it by IP over plain HTTP, whatever ALLOWED_HOSTS says.
    It answers once the database does."""

    path = "/healthz"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != self.path:
            return self.get_response(request)
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        response = HttpResponse("ok", content_type="text/plain")
        response["Cache-Control"] = "no-store"
        return response
