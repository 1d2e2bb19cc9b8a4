"""A few upcoming visits around today, so that every screen has something to show."""

from datetime import date, time, timedelta

from django.db import transaction

from visits.demo.guests import fictional_guests
from visits.demo.names import fictional_guest
from visits.demo.programmes import visit_plan
from visits.demo.schedule import engagement_status_for, programme, working_day
from visits.models import Engagement, HonoraryCitizenship, Host, Venue, Visit, VisitGuest
from visits.models.choices import (
    Confidentiality as C,
)
from visits.models.choices import (
    DatePrecision,
    EngagementKind,
    HonourStatus,
    RequestChannel,
    VisitKind,
)
from visits.models.choices import VisitStatus as S

# (days from today, start, status, confidentiality): varied on purpose, never overlapping.
UPCOMING = [
    (2, time(10, 0), S.CONFIRMED, C.PUBLIC),
    (4, time(15, 0), S.CONFIRMED, C.RESTRICTED),
    (7, time(11, 0), S.APPROVED, C.PUBLIC),
    (9, time(16, 0), S.UNDER_REVIEW, C.CONFIDENTIAL),
    (11, time(10, 30), S.REQUESTED, C.RESTRICTED),
    (14, time(12, 0), S.CONFIRMED, C.PUBLIC),
    (16, time(9, 30), S.APPROVED, C.RESTRICTED),
    (21, time(17, 0), S.CONFIRMED, C.PUBLIC),
    (25, time(11, 0), S.REQUESTED, C.RESTRICTED),
    (30, time(15, 30), S.UNDER_REVIEW, C.PUBLIC),
    (38, time(10, 0), S.CONFIRMED, C.PUBLIC),
    (45, time(14, 0), S.APPROVED, C.CONFIDENTIAL),
]
FIRST_GUEST = 9000  # fictional guests of upcoming visits, apart from synthetic history's
HONOUR_GUEST = 9100


@transaction.atomic
def add_upcoming_visits(lead_officer, today: date | None = None) -> int:
    """Creates the upcoming visits that do not exist yet; returns how many it created."""
    today = today or date.today()
    venues = list(Venue.objects.order_by("pk"))
    hosts = list(Host.objects.order_by("precedence"))
    guests = fictional_guests(range(FIRST_GUEST, FIRST_GUEST + len(UPCOMING)))
    created = 0
    for number, (offset, start, status, confidentiality) in enumerate(UPCOMING):
        key = f"upcoming:{number + 1}"
        if Visit.objects.filter(import_key=key).exists():
            continue
        index = FIRST_GUEST + number
        plan = visit_plan(fictional_guest(index))
        day = working_day(today + timedelta(days=offset))
        visit = Visit.objects.create(
            import_key=key,
            kind=plan["kind"],
            status=status,
            confidentiality=confidentiality,
            occasion_fr=plan["occasion_fr"],
            occasion_en=plan["occasion_en"],
            starts_on=day,
            lead_officer=lead_officer,
            request_channel=RequestChannel.EMBASSY,
            requested_on=today - timedelta(days=30 - number),
        )
        VisitGuest.objects.create(visit=visit, guest=guests[index])
        room = [venues[number % len(venues)]]
        add_programme(
            visit,
            programme(visit, plan, day, start, room, engagement_status_for(status)),
            hosts[: 1 + number % 2],
        )
        created += 1
    return created + add_upcoming_ceremony(lead_officer, today, venues, hosts)


def add_programme(visit: Visit, engagements: list[Engagement], hosts: list[Host]) -> None:
    visit.hosts.set(hosts)
    for engagement in engagements:
        engagement.save()
        engagement.hosts.set(hosts)


def add_upcoming_ceremony(lead_officer, today, venues, hosts) -> int:
    """An honour voted last month, its ceremony next month."""
    if Visit.objects.filter(import_key="upcoming:ceremony").exists():
        return 0
    honoree = fictional_guests([HONOUR_GUEST])[HONOUR_GUEST]
    day = working_day(today + timedelta(days=33))
    visit = Visit.objects.create(
        import_key="upcoming:ceremony",
        kind=VisitKind.HONORARY_CITIZENSHIP,
        status=S.CONFIRMED,
        confidentiality=C.PUBLIC,
        starts_on=day,
        lead_officer=lead_officer,
        occasion_fr=f"Remise de la citoyenneté d'honneur à {honoree.name}",
        occasion_en=f"Honorary citizenship conferred on {honoree.name}",
        request_channel=RequestChannel.COUNCIL,
    )
    VisitGuest.objects.create(visit=visit, guest=honoree)
    plan = {
        "items": [
            (
                EngagementKind.HONORARY_CITIZENSHIP,
                "Cérémonie de citoyenneté d'honneur",
                "Honorary citizenship ceremony",
                60,
            )
        ]
    }
    ceremony = programme(
        visit, plan, day, time(18, 0), venues[:1], engagement_status_for(S.CONFIRMED)
    )
    add_programme(visit, ceremony, hosts[:1])
    HonoraryCitizenship.objects.get_or_create(
        honoree=honoree,
        defaults={
            "status": HonourStatus.VOTED,
            "voted_on": today - timedelta(days=30),
            "voted_on_precision": DatePrecision.DAY,
            "ceremony": ceremony[0],
        },
    )
    return 1
