from django.conf import settings
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
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
