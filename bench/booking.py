"""What the scheduling rules cost a booking: `create_engagement` (validation, row locks, three
overlap queries, one history row) against writing the same engagement and hosts directly, in
the same run. Each round books in turns and is rolled back, so the data stays as seeded."""

import statistics
import time
from datetime import datetime, timedelta
from datetime import time as clock

from django.db import transaction
from django.utils import timezone

from visits import services
from visits.models import Engagement, Host, Venue, Visit
from visits.models.choices import VisitStatus


class Rollback(Exception):
    pass


def slots(day, count):
    start = timezone.make_aware(datetime.combine(day, clock(8, 0)))
    return [
        (start + timedelta(minutes=50 * n), start + timedelta(minutes=50 * n + 20))
        for n in range(count)
    ]


def run(user, repeat: int, per_round: int = 10) -> list[tuple[str, float, float]]:
    visit = Visit.objects.filter(status=VisitStatus.APPROVED).order_by("-starts_on").first()
    venue, host = Venue.objects.filter(is_active=True).last(), Host.objects.last()
    day = visit.starts_on + timedelta(days=400)  # a free day far ahead
    fields = {"kind": "meeting", "title_fr": "Réunion", "title_en": "Meeting", "venue": venue}

    def direct():
        for start, end in slots(day, per_round):
            engagement = Engagement.objects.create(
                visit=visit, starts_at=start, ends_at=end, **fields
            )
            engagement.hosts.set([host])

    def through_services():
        for start, end in slots(day, per_round):
            services.create_engagement(
                visit=visit, by=user, starts_at=start, ends_at=end, hosts=[host], **fields
            )

    samples = {"direct": [], "services": []}
    for _ in range(repeat):
        for name, book in (("direct", direct), ("services", through_services)):
            started = time.perf_counter()
            try:
                with transaction.atomic():
                    book()
                    raise Rollback
            except Rollback:
                pass
            samples[name].append((time.perf_counter() - started) / per_round)
    base = statistics.median(samples["direct"])
    return [
        ("direct insert (baseline)", base, 1.0),
        (
            "create_engagement",
            statistics.median(samples["services"]),
            statistics.median(samples["services"]) / base,
        ),
    ]
