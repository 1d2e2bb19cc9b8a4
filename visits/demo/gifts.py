"""The demo's register of gifts (issue 18): what was given and received at real receptions is
not known here, so these gifts are invented, and each says so in both languages."""

from datetime import timedelta
from decimal import Decimal

from visits.models import Gift, Host, Visit
from visits.services.gifts import record_gift

MARK_FR = "[Démonstration, cadeau inventé] "
MARK_EN = "[Demo, invented gift] "
# (visit's import key, direction, description in French and English, value, basis, where)
GIFTS = [
    ("past:2026-gualtieri", "received", "Une louve capitoline en bronze",
     "A bronze Capitoline wolf", Decimal("450"), "estimated", "displayed"),
    ("past:2025-watson", "given", "Un livre sur les jardins de Paris",
     "A book on the gardens of Paris", Decimal("45"), "invoice", "gone"),
    ("past:2010-medvedev", "received", "Un vase de porcelaine peint à la main",
     "A hand-painted porcelain vase", Decimal("900"), "appraisal", "collection"),
]  # fmt: skip


def add_demo_gifts() -> int:
    """Records the gifts of those visits that have none yet; returns how many were added."""
    host = Host.objects.order_by("precedence", "pk").first()  # the demo's (fictional) Mayor
    room = None
    added = 0
    for key, direction, french, english, value, basis, where in GIFTS:
        visit = Visit.objects.filter(import_key=key).first()
        if visit is None or Gift.objects.filter(visit=visit).exists():
            continue
        engagement = visit.engagements.order_by("starts_at").first()
        room = engagement.venue if engagement else None
        record_gift(
            by=None,
            direction=direction,
            guest=visit.guests.first(),
            host=host,
            visit=visit,
            engagement=engagement,
            given_on=visit.starts_on,
            description_fr=MARK_FR + french,
            description_en=MARK_EN + english,
            estimated_value=value,
            value_basis=basis,
            whereabouts=where if where != "displayed" or room else "collection",
            room=room if where == "displayed" else None,
            declared_on=visit.starts_on + timedelta(days=10) if direction == "received" else None,
            published=direction == "received",
        )
        added += 1
    return added
