"""Public pages kept rendered on the server, under a key that changes whenever visible data
changes (visits/queries/public_state.py), and answered with 304 when the client has them.

Each process keeps its own copies (the "pages" cache, in memory): a page costs one small
query to serve, and nothing breaks when Redis is away.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response

from visits.queries.public_state import public_state

KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language", "X-Robots-Tag")
# Browsers and proxies may keep a copy, but ask each time whether it is still right.
CACHE_CONTROL = "public, no-cache"
LARGEST_KEPT = 1 << 20  # bytes: a bigger answer (a whole archive as open data) is made anew


def page_key(request, params: tuple[str, ...], state: str) -> str:
    """The page as asked: its address (pages hold absolute links: scheme and host count) and
    the parameters it reads, in a fixed order; others make no new copy."""
    asked = sorted((name, request.GET.getlist(name)) for name in params if name in request.GET)
    wanted = f"{request.scheme}://{request.get_host()}{request.path}|{asked}|{state}"
    return "public-page:" + hashlib.sha256(wanted.encode()).hexdigest()


def rendered(view, request, *args, **kwargs) -> tuple[dict, bytes] | HttpResponse:
    response = view(request, *args, **kwargs)
    if hasattr(response, "render"):
        response.render()  # a TemplateResponse (the sitemap)
    if response.status_code != 200 or response.streaming:
        return response  # errors are rare and cheap: not worth keeping
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    headers["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    return headers, response.content


def cached_public_page(view=None, *, params: tuple[str, ...] = ()):
    """Serves `view`'s page from the cache while the public data stays the same. `params`:
    the query parameters the page reads; it must render no other."""
    if view is None:
        return lambda view: cached_public_page(view, params=params)

    @wraps(view)
    def serve(request, *args, **kwargs):
        if not settings.PUBLIC_PAGES_CACHE or request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        pages = caches["pages"]
        key = page_key(request, params, public_state())
        page = pages.get(key)
        if page is None:
            page = rendered(view, request, *args, **kwargs)
            if isinstance(page, HttpResponse):
                return page
            if len(page[1]) <= LARGEST_KEPT:
                pages.set(key, page)
        headers, content = page
        not_modified = get_conditional_response(request, etag=headers["ETag"])
        response = not_modified or HttpResponse(content)
        for name, value in headers.items():
            if not_modified is None or name == "ETag":
                response[name] = value
        response["Cache-Control"] = CACHE_CONTROL
        return response

    # A read needs no transaction of its own: that saves two round trips per page.
    return transaction.non_atomic_requests(serve)
