"""A page per guest the public may know of: who they are, when the City received them, their
honorary citizenship and what they wrote in the Golden Book."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from visits.queries.golden_book import signatures_of
from visits.queries.guests import past_principal_guests, received_guest
from visits.queries.honours import visible_honours
from visits.views import golden_book
from visits.views.honours import describe
from visits.views.page_cache import public_page
from visits.views.public import alternates


@public_page
def guest_page(request, pk: int, slug: str):
    guest = received_guest(pk)
    if guest is None:
        raise Http404
    canonical = guest.public_path
    if request.path != canonical:
        # A former or mistyped name, or a number written otherwise. Not permanent: a guest
        # renamed back would leave browsers going round between two addresses.
        return redirect(canonical)
    honour = visible_honours(None).filter(honoree=guest).first()
    if honour is not None:
        describe(honour, timezone.localdate())
    signatures = list(signatures_of(guest, None))
    for signature in signatures:
        golden_book.describe(signature)
    context = {
        "guest": guest,
        "visits": past_principal_guests().filter(guest=guest),
        "honour": honour,
        "signatures": signatures,
        "linked": golden_book.pages_of_signers(signatures) if signatures else set(),
        "alternates": alternates(request),
    }
    return render(request, "public/guest.html", context)
