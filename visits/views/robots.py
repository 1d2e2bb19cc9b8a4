from django.http import HttpResponse
from django.urls import reverse


def robots_txt(request):
    """Crawlers read the public pages (listed in the sitemap), not the staff's."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /staff/",
        "Disallow: /api/",
        "Disallow: /calendars/",
        # the host asked, as the sitemap's own addresses are
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
