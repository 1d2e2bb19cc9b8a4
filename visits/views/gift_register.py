"""The register of gifts received, for anyone (issue 18): the gifts the office published,
latest first, with the fields the office chose to publish (GiftRegisterOptions), in both
languages; as open data; and each photo, sent only to a reader who may see its gift."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from visits.models import Gift, GiftPhoto, GiftRegisterOptions
from visits.queries.gifts import PER_PAGE, gifts_seen
from visits.queries.guests import known_guests
from visits.views.media import image_response
from visits.views.open_data import DATA_FORMATS, data_response
from visits.views.page_cache import public_page
from visits.views.public import alternates

COLUMNS = [
    ("date", gettext_lazy("The day it was received (YYYY-MM-DD).")),
    ("description_fr", gettext_lazy("What it is, in French.")),
    ("description_en", gettext_lazy("What it is, in English.")),
    ("from", gettext_lazy("Who gave it.")),
    ("country", gettext_lazy("ISO 3166 code of the giver's country, or empty.")),
    ("received_by", gettext_lazy("Who received it for the City (if the office publishes it).")),
    ("value", gettext_lazy("Its estimated value (if the office publishes it).")),
    ("currency", gettext_lazy("The value's currency (ISO 4217).")),
    ("where", gettext_lazy("Where it is now, a code (if the office publishes it).")),
]


@public_page(params=("page",))
def gifts_received(request):
    options = GiftRegisterOptions.current()
    page = Paginator(gifts_seen(None), PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    keys = {gift.guest_id for gift in page.object_list}
    context = {
        "page": page,
        "options": options,
        "linked": set(known_guests().filter(pk__in=keys).values_list("pk", flat=True)),
        "alternates": alternates(request),
    }
    return render(request, "public/gifts.html", context)


@public_page
def gifts_data(request, file_format: str):
    if file_format not in DATA_FORMATS:
        raise Http404
    options = GiftRegisterOptions.current()
    rows = [row(gift, options) for gift in gifts_seen(None)]
    return data_response(
        file_format, rows, columns=COLUMNS, filename="gifts-received.csv", key="gifts"
    )


def row(gift, options) -> dict:
    value = options.publish_value and gift.estimated_value is not None
    return {
        "date": gift.given_on.isoformat(),
        "description_fr": gift.description_fr,
        "description_en": gift.description_en,
        "from": gift.guest.name,
        "country": gift.guest.country.code or "",
        "received_by": gift.host.name if options.publish_host and gift.host else "",
        "value": str(gift.estimated_value) if value else "",
        "currency": gift.currency if value else "",
        "where": gift.whereabouts if options.publish_whereabouts else "",
    }


@require_safe
def gift_photo(request, pk: int, kind: str):
    """A photo or its thumbnail, when the reader may see its gift (and, for the public, when
    the office publishes the photos); revalidated at each use."""
    if kind not in ("image", "thumbnail"):
        raise Http404
    gifts = Gift.objects.visible_to(request.user)
    photo = GiftPhoto.objects.filter(pk=pk, gift__in=gifts).select_related("gift").first()
    public = not request.user.has_perm("visits.view_gift")
    if photo is None or (public and not GiftRegisterOptions.current().publish_photos):
        raise Http404
    version = f"gift-{photo.pk}-{int(photo.gift.updated_at.timestamp())}-{kind}"
    return image_response(request, getattr(photo, kind), version, public=public)
