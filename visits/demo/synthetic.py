"""Years of realistic generated history, for benchmarks: a few hundred visits a year.

Deterministic (the same year always gives the same visits) and idempotent (a year already
generated is skipped). Written with bulk inserts: twenty years take seconds, not minutes.
"""

import random
from datetime import date, time, timedelta
from decimal import Decimal

from django.db import transaction

from visits.demo.guests import fictional_guests
from visits.demo.names import fictional_guest, weighted_choice
from visits.demo.programmes import visit_plan
from visits.demo.schedule import engagement_status_for, programme
from visits.models import Engagement, Gift, Host, Venue, Visit, VisitGuest
from visits.models.choices import Confidentiality, RequestChannel, VisitStatus
from visits.models.gifts import GiftDirection, ValueBasis, Whereabouts
from visits.models.references import reserve_visit_references

GUEST_POOL = 4000  # fictional guests drawn from; some come back over the years, as they do
SLOTS = [time(9, 30), time(13, 0), time(16, 30)]
STATUS_WEIGHTS = {
    VisitStatus.HELD: 85,
    VisitStatus.CANCELLED: 6,
    VisitStatus.DECLINED: 5,
    VisitStatus.POSTPONED: 4,
}
CONFIDENTIALITY_WEIGHTS = {
    Confidentiality.PUBLIC: 80,
    Confidentiality.RESTRICTED: 15,
    Confidentiality.CONFIDENTIAL: 5,
}


def add_synthetic_history(years: int, today: date | None = None) -> int:
    """Adds the `years` full years before this one; returns how many visits were created."""
    this_year = (today or date.today()).year
    venues = list(Venue.objects.filter(is_active=True).order_by("pk"))
    hosts = list(Host.objects.filter(is_active=True).order_by("precedence"))
    created = 0
    for year in range(this_year - years, this_year):
        if not Visit.objects.filter(import_key__startswith=f"synthetic:{year}:").exists():
            created += add_year(year, venues, hosts)
        gifts = Gift.objects.filter(visit__import_key__startswith=f"synthetic:{year}:")
        if hosts and not gifts.exists():
            add_gifts(year, hosts)
    return created


# What a held visit brings and leaves (issue 18): a gift received, often one given.
GIFT_VALUES = [Decimal(v) for v in ("60", "120", "180", "250", "400", "900", "1500")]
GIFT_WORDS = [
    ("Un vase de porcelaine", "A porcelain vase"),
    ("Un livre d’art", "An art book"),
    ("Une médaille de la ville", "The city's medal"),
    ("Une gravure ancienne", "An old engraving"),
    ("Un tapis tissé à la main", "A hand-woven rug"),
    ("Une sculpture en bronze", "A bronze sculpture"),
]


@transaction.atomic
def add_gifts(year: int, hosts: list[Host]) -> int:
    """The gifts of the year's held visits: one received from the principal guest by the Mayor
    (published when the visit is public), and for one in three, one given; by bulk insert."""
    rng = random.Random(f"gifts-{year}")
    held = (
        VisitGuest.objects.filter(
            visit__import_key__startswith=f"synthetic:{year}:", visit__status=VisitStatus.HELD
        )
        .select_related("visit")
        .order_by("visit_id")
    )
    gifts = []
    for participant in held:
        visit = participant.visit
        public = visit.confidentiality == Confidentiality.PUBLIC
        french, english = rng.choice(GIFT_WORDS)
        common = {"guest_id": participant.guest_id, "visit": visit, "given_on": visit.starts_on}
        gifts.append(
            Gift(
                direction=GiftDirection.RECEIVED,
                host=hosts[0],
                description_fr=french,
                description_en=english,
                estimated_value=rng.choice(GIFT_VALUES),
                value_basis=ValueBasis.ESTIMATED,
                published=public,
                **common,
            )
        )
        if rng.random() < 1 / 3:
            gifts.append(
                Gift(
                    direction=GiftDirection.GIVEN,
                    description_fr="La médaille de la Ville de Paris",
                    description_en="The medal of the City of Paris",
                    whereabouts=Whereabouts.GONE,
                    **common,
                )
            )
    Gift.objects.bulk_create(gifts)
    return len(gifts)


def pick_slots(rng: random.Random, year: int, count: int) -> list[tuple[date, time]]:
    """Distinct (day, slot) pairs, mostly on weekdays: generated visits never overlap."""
    first, days = date(year, 1, 1), []
    while first.year == year:
        days.append(first)
        first += timedelta(days=1)
    candidates = [(d, s) for d in days for s in (SLOTS if d.weekday() < 5 else SLOTS[:1])]
    return sorted(rng.sample(candidates, count))


@transaction.atomic
def add_year(year: int, venues: list[Venue], hosts: list[Host]) -> int:
    rng = random.Random(f"year-{year}")
    count = rng.randint(250, 330)
    slots = pick_slots(rng, year, count)
    indices = [rng.randrange(GUEST_POOL) for _ in range(count)]
    guests = fictional_guests(indices)
    references = reserve_visit_references(year, count)
    visits, participants, engagements, plans = [], [], [], []
    for number, ((day, start), index) in enumerate(zip(slots, indices, strict=True), start=1):
        plan = visit_plan(fictional_guest(index))
        status = weighted_choice(rng, STATUS_WEIGHTS)
        visit = Visit(
            reference=references[number - 1],
            import_key=f"synthetic:{year}:{number}",
            kind=plan["kind"],
            status=status,
            confidentiality=weighted_choice(rng, CONFIDENTIALITY_WEIGHTS),
            occasion_fr=plan["occasion_fr"],
            occasion_en=plan["occasion_en"],
            starts_on=day,
            request_channel=rng.choice(RequestChannel.values),
            requested_on=day - timedelta(days=rng.randint(20, 120)),
        )
        visits.append(visit)
        plans.append((visit, plan, day, start, status))
        participants.append(VisitGuest(visit=visit, guest=guests[index]))
    Visit.objects.bulk_create(visits)
    VisitGuest.objects.bulk_create(participants)
    for visit, plan, day, start, status in plans:
        rooms = rng.sample(venues, k=min(2, len(venues)))
        engagements += programme(visit, plan, day, start, rooms, engagement_status_for(status))
    Engagement.objects.bulk_create(engagements)
    link_hosts(rng, visits, engagements, hosts)
    return count


def link_hosts(rng, visits, engagements, hosts) -> None:
    """The Mayor for a third of the visits, a deputy for the rest; engagements follow."""
    chosen = {
        visit.pk: hosts[0] if rng.random() < 0.33 else rng.choice(hosts[1:] or hosts)
        for visit in visits
    }
    Visit.hosts.through.objects.bulk_create(
        [Visit.hosts.through(visit_id=pk, host_id=host.pk) for pk, host in chosen.items()]
    )
    Engagement.hosts.through.objects.bulk_create(
        [
            Engagement.hosts.through(engagement_id=e.pk, host_id=chosen[e.visit_id].pk)
            for e in engagements
        ]
    )
