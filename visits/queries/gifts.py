"""The register of gifts as its readers see it, through the door (Gift.visible_to): the
office's register with what is to declare, what to give a visit's guests (what they and their
country were given before, what they gave), and the public register of gifts received."""

from django.db.models import Prefetch, Q

from visits.models import Gift, GiftPhoto, GiftRegisterOptions
from visits.models.gifts import GiftDirection
from visits.models.visits import principals_of

PER_PAGE = 50


def gifts_seen(viewer):
    """Latest first, each with its guest, official, visit and room, and its photos."""
    return (
        Gift.objects.visible_to(viewer)
        .select_related("guest", "host", "visit", "room")
        .prefetch_related(Prefetch("photos", GiftPhoto.objects.order_by("pk")))
        .order_by("-given_on", "-pk")
    )


def register(viewer, *, direction: str = "", declaration: str = ""):
    """`declaration`: "due" (to declare, not declared yet) or "declared"."""
    gifts = gifts_seen(viewer)
    if direction in GiftDirection.values:
        gifts = gifts.filter(direction=direction)
    if declaration:
        threshold = GiftRegisterOptions.current().declaration_threshold
        gifts = declarable(gifts, threshold).filter(declared_on__isnull=declaration == "due")
    return gifts


def declarable(gifts, threshold):
    """Those received by an elected official worth `threshold` euros or more, valued as
    `Gift.euros` values them: a value in euros as it is, else the office's conversion."""
    valued_in_euros = Q(currency__iexact="EUR", estimated_value__isnull=False)
    in_euros = (valued_in_euros & Q(estimated_value__gte=threshold)) | (
        ~valued_in_euros & Q(value_in_euros__gte=threshold)
    )
    return gifts.filter(in_euros, direction=GiftDirection.RECEIVED, host__isnull=False)


def for_choosing(visit, viewer) -> dict:
    """What helps the office choose a visit's gift: what its principal guests were given
    before, what others of their countries were given, and what they gave the City."""
    guests = [participant.guest for participant in principals_of(visit)]
    countries = {str(guest.country) for guest in guests if guest.country}
    seen = gifts_seen(viewer).exclude(visit=visit)
    given = seen.filter(direction=GiftDirection.GIVEN)
    return {
        "guests": guests,
        "given_to_them": list(given.filter(guest__in=guests)),
        "given_to_their_country": list(
            given.filter(guest__country__in=countries).exclude(guest__in=guests)
        ),
        "received_from_them": list(seen.filter(direction=GiftDirection.RECEIVED, guest__in=guests)),
    }
