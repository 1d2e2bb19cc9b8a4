"""The public home page (/fr/, /en/): what the protocol office's public records hold and where
to read them; and `/`, which sends each visitor to the home in their language."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from visits.queries.guests import received_guests
from visits.views.page_cache import public_page
from visits.views.public import alternates

RECENT = 4  # guests shown on the home page


def home_in_language(request):
    """`/`: the home in the language the visitor chose (the language cookie) or their browser
    asks for (Accept-Language), as LocaleMiddleware decides, else French. A redirect rather
    than the page itself: each language's home keeps one address (hreflang, the page cache)."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("public:home"))
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def public_calendar_links(request) -> tuple[str, str]:
    """The public calendar's address in this page's language, and the same as webcal://, which
    opens the visitor's calendar application to subscribe."""
    path = f"{reverse('calendars:public')}?lang={translation.get_language()}"
    https = request.build_absolute_uri(path)
    return https, "webcal://" + https.split("://", 1)[1]


@public_page
def home(request):
    calendar, subscribe = public_calendar_links(request)
    context = {
        "recent": received_guests().select_related("guest")[:RECENT],
        "calendar_url": calendar,
        "subscribe_url": subscribe,
        "alternates": alternates(request),
    }
    return render(request, "public/home.html", context)
