"""Public pages kept rendered on the server, under a key that changes whenever visible data
changes (visits/queries/public_state.py), and answered with 304 when the client has them.

A view says it may be kept with `@public_page(params=...)`; the middleware serves kept pages
before the session, authentication and the other layers a public page has no use for. Each
process keeps its own copies (the "pages" cache, in memory): a kept page costs no query while
the process hears of every change (state_watch), one otherwise; nothing breaks when Redis is
away.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control

from visits.queries.public_state import public_state

# Browsers and proxies may keep a copy, but ask each time whether it is still right.
CACHE_CONTROL = "public, no-cache"
LARGEST_KEPT = 1 << 20  # bytes: a bigger answer (a whole archive as open data) is made anew
LEFT_TO_OUTER_LAYERS = {"content-security-policy", "content-length"}


def public_page(view=None, *, params: tuple[str, ...] = ()):
    """Marks `view` as a page the public may be served from the cache. `params`: the query
    parameters it reads; it must render no other (they make the key)."""
    if view is None:
        return lambda view: public_page(view, params=params)
    view.public_page_params = params
    # A read needs no transaction of its own: that saves two round trips per page.
    return transaction.non_atomic_requests(view)


def page_key(request, params: tuple[str, ...], state: str) -> str:
    """The page as asked: its address (pages hold absolute links: scheme and host count) and
    the parameters it reads, in a fixed order; others make no new copy."""
    asked = sorted((name, request.GET.getlist(name)) for name in params if name in request.GET)
    wanted = f"{request.scheme}://{request.get_host()}{request.path}|{asked}|{state}"
    return "public-page:" + hashlib.sha256(wanted.encode()).hexdigest()


@functools.cache
def public_prefixes() -> tuple[str, ...]:
    """Where public pages live: under a language (i18n_patterns), and the sitemap."""
    return (*(f"/{code}/" for code, _name in settings.LANGUAGES), reverse("sitemap"))


def params_of(request) -> tuple[str, ...] | None:
    """The parameters of the public page asked for, or None for any other address."""
    if not request.path_info.startswith(public_prefixes()):
        return None  # the admin, the staff pages, the API: not even resolved here
    language = translation.get_language_from_path(request.path_info)
    with translation.override(language):  # translated paths resolve in their language
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
    return getattr(match.func, "public_page_params", None)


def answer(request, headers: dict, content: bytes) -> HttpResponse:
    response = get_conditional_response(request, etag=headers["ETag"])
    if response is not None:  # 304
        response["ETag"] = headers["ETag"]
    else:
        response = HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        response["Content-Length"] = str(len(content))
    response["Cache-Control"] = CACHE_CONTROL
    return response


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PUBLIC_PAGES_CACHE or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        params = params_of(request)
        if params is None:
            return self.get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            # Someone with a session, maybe signed in: the page may carry their own links (the
            # staff workspace's), so it is made for them alone, never kept nor served from here.
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        pages = caches["pages"]
        key = page_key(request, params, public_state())
        kept = pages.get(key)
        if kept is not None:
            return answer(request, *kept)
        response = self.get_response(request)
        if response.status_code != 200 or response.streaming:
            return response  # errors are rare and cheap: not worth keeping
        headers = {
            name: value
            for name, value in response.items()
            if name.lower() not in LEFT_TO_OUTER_LAYERS
        }
        headers["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        if len(response.content) <= LARGEST_KEPT:
            pages.set(key, (headers, response.content))
        return answer(request, headers, response.content)
