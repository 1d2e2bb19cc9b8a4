"""The Golden Book as its readers see it, through the door (GoldenBookSignature.visible_to):
the public book, newest first; a guest's signatures; one signature's scan."""

from django.db.models import Prefetch

from visits.models import GoldenBookSignature, Guest

PER_PAGE = 30


def signatures_seen(viewer):
    """Newest first, each with its engagement, visit and signers (alphabetical): three queries
    for any number."""
    signers = Guest.objects.order_by("sort_name", "name", "pk")
    return (
        GoldenBookSignature.objects.visible_to(viewer)
        .select_related("engagement__visit")
        .prefetch_related(Prefetch("signers", signers))
        .order_by("-signed_on", "-pk")
    )


def signatures_of(guest, viewer):
    return signatures_seen(viewer).filter(signers=guest)


def signature_seen(pk: int, viewer) -> GoldenBookSignature | None:
    return GoldenBookSignature.objects.visible_to(viewer).filter(pk=pk).first()
