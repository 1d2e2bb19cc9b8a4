"""What the scheduling rules cost a booking: `create_engagement` (permission, validation, row
locks, three overlap queries, one history row) against writing the same engagement and hosts
directly, in the same run. Each round makes a visit, books ten engagements in it (timed) and is
rolled back, so the data stays as seeded."""

import statistics
import time
from datetime import datetime, timedelta
from datetime import time as clock

from django.db import transaction
from django.utils import timezone

from visits import services
from visits.models import Engagement, Guest, Host, Venue, Visit
from visits.models.choices import DelegationRole


class Rollback(Exception):
    pass


def slots(day, count):
    start = timezone.make_aware(datetime.combine(day, clock(8, 0)))
    return [
        (start + timedelta(minutes=50 * n), start + timedelta(minutes=50 * n + 20))
        for n in range(count)
    ]


def run(user, repeat: int, per_round: int = 10) -> list[tuple[str, float, float]]:
    latest = Visit.objects.order_by("-starts_on").first().starts_on
    day = latest + timedelta(days=30)  # a free day after everything in the data
    venue, host = Venue.objects.filter(is_active=True).last(), Host.objects.last()
    fields = {"kind": "meeting", "title_fr": "Réunion", "title_en": "Meeting", "venue": venue}

    def new_visit():
        return services.create_visit(
            by=user,
            delegation=[(Guest.objects.first(), DelegationRole.PRINCIPAL)],
            kind="working_visit",
            occasion_fr="Banc d'essai",
            occasion_en="Benchmark",
            starts_on=day,
        )

    def direct(visit):
        for start, end in slots(day, per_round):
            engagement = Engagement.objects.create(
                visit=visit, starts_at=start, ends_at=end, **fields
            )
            engagement.hosts.set([host])

    def through_services(visit):
        for start, end in slots(day, per_round):
            services.create_engagement(
                visit=visit, by=user, starts_at=start, ends_at=end, hosts=[host], **fields
            )

    samples = {"direct": [], "services": []}
    for _ in range(repeat):
        for name, book in (("direct", direct), ("services", through_services)):
            try:
                with transaction.atomic():
                    visit = new_visit()
                    started = time.perf_counter()
                    book(visit)
                    samples[name].append((time.perf_counter() - started) / per_round)
                    raise Rollback
            except Rollback:
                pass
    base = statistics.median(samples["direct"])
    return [
        ("direct insert (baseline)", base, 1.0),
        (
            "create_engagement",
            statistics.median(samples["services"]),
            statistics.median(samples["services"]) / base,
        ),
    ]
