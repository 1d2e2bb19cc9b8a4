"""The Golden Book for anyone (issue 18): the signatures the office published, newest first,
each with who signed, when and at what occasion, what they wrote and its translation, and the
scanned page; and each scan, sent only to a reader who may see its signature."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from visits.queries.golden_book import PER_PAGE, signature_seen, signatures_seen
from visits.queries.guests import known_guests
from visits.views.media import image_response
from visits.views.page_cache import public_page
from visits.views.public import alternates

IMAGE_KINDS = ("scan", "thumbnail")


@public_page(params=("page",))
def golden_book(request):
    page = Paginator(signatures_seen(None), PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    for signature in page.object_list:
        describe(signature)
    context = {
        "page": page,
        "linked": pages_of_signers(page.object_list),
        "alternates": alternates(request),
    }
    return render(request, "public/golden_book.html", context)


def pages_of_signers(signatures) -> set[int]:
    """The signers with a public page (received or honoured): their names link to it."""
    keys = {guest.pk for signature in signatures for guest in signature.signers.all()}
    return set(known_guests().filter(pk__in=keys).values_list("pk", flat=True))


def describe(signature) -> None:
    """The translation shown is the page's language's, unless the text is in it already."""
    language = (get_language() or "fr")[:2]
    written_in = (signature.language or "")[:2].lower()
    signature.shown_translation = "" if written_in == language else signature.translation


@require_safe
def signature_image(request, pk: int, kind: str):
    """The scan or its thumbnail, as the door lets the reader see its signature; revalidated at
    each use, so a signature withdrawn from the public stops being served at once."""
    signature = signature_seen(pk, request.user) if kind in IMAGE_KINDS else None
    image = getattr(signature, kind, None)
    if not image:
        raise Http404
    version = f"{signature.pk}-{int(signature.updated_at.timestamp())}-{kind}"
    return image_response(request, image, version, public=not request.user.is_authenticated)
