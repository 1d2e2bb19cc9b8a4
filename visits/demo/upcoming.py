"""A few upcoming visits around today, so that every screen has something to show."""

from datetime import date, time, timedelta

from django.db import transaction

from visits import services
from visits.demo.guests import fictional_guests
from visits.demo.names import fictional_guest
from visits.demo.programmes import visit_plan
from visits.demo.schedule import programme, working_day
from visits.models import HonoraryCitizenship, Host, Venue, Visit
from visits.models.choices import (
    Confidentiality as C,
)
from visits.models.choices import (
    DatePrecision,
    DelegationRole,
    EngagementKind,
    EngagementStatus,
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
TENTATIVE = EngagementStatus.TENTATIVE
PROGRAMME_FIELDS = ("kind", "title_fr", "title_en", "venue", "starts_at", "ends_at")
FIRST_GUEST = 9000  # fictional guests of upcoming visits, apart from synthetic history's
HONOUR_GUEST = 9100


# The lifecycle steps from "requested" to each status the demo shows.
PATHS = {
    S.REQUESTED: [],
    S.UNDER_REVIEW: [S.UNDER_REVIEW],
    S.APPROVED: [S.UNDER_REVIEW, S.APPROVED],
    S.CONFIRMED: [S.UNDER_REVIEW, S.APPROVED, S.CONFIRMED],
}


@transaction.atomic
def add_upcoming_visits(lead_officer, today: date | None = None) -> int:
    """Creates the upcoming visits that do not exist yet, through the services (rules, history,
    lifecycle), as an officer would; returns how many it created."""
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
        visit = services.create_visit(
            by=lead_officer,
            import_key=key,
            delegation=[(guests[index], DelegationRole.PRINCIPAL)],
            hosts=hosts[: 1 + number % 2],
            kind=plan["kind"],
            confidentiality=confidentiality,
            occasion_fr=plan["occasion_fr"],
            occasion_en=plan["occasion_en"],
            starts_on=working_day(today + timedelta(days=offset)),
            lead_officer=lead_officer,
            request_channel=RequestChannel.EMBASSY,
            requested_on=today - timedelta(days=30 - number),
        )
        room = [venues[number % len(venues)]]
        plan_programme(visit, plan, start, room, lead_officer)
        follow_lifecycle(visit, status, lead_officer)
        created += 1
    return created + add_upcoming_ceremony(lead_officer, today, venues, hosts)


def plan_programme(visit: Visit, plan: dict, start: time, venues, by, tries: int = 10) -> None:
    """The plan on the visit's first day, or the next free working day: demo dates move
    with today, so two visits may land on one day."""
    for _attempt in range(tries):
        try:
            with transaction.atomic():
                for engagement in programme(visit, plan, visit.starts_on, start, venues, TENTATIVE):
                    services.create_engagement(
                        visit=visit,
                        by=by,
                        hosts=visit.hosts.all(),
                        **{name: getattr(engagement, name) for name in PROGRAMME_FIELDS},
                    )
            return
        except services.Conflict:
            visit = services.update_visit(
                visit, by=by, starts_on=working_day(visit.starts_on + timedelta(days=1))
            )
    raise RuntimeError(f"No free day found for {visit}")


def follow_lifecycle(visit: Visit, status: str, by) -> None:
    for step in PATHS[status]:
        visit = services.move_visit(visit, step, by=by)
    if status == S.CONFIRMED:
        for engagement in visit.engagements.all():
            services.confirm_engagement(engagement, by=by)


def add_upcoming_ceremony(lead_officer, today, venues, hosts) -> int:
    """An honour voted last month, its ceremony next month."""
    if Visit.objects.filter(import_key="upcoming:ceremony").exists():
        return 0
    honoree = fictional_guests([HONOUR_GUEST])[HONOUR_GUEST]
    visit = services.create_visit(
        by=lead_officer,
        import_key="upcoming:ceremony",
        delegation=[(honoree, DelegationRole.PRINCIPAL)],
        hosts=hosts[:1],
        kind=VisitKind.HONORARY_CITIZENSHIP,
        confidentiality=C.PUBLIC,
        starts_on=working_day(today + timedelta(days=33)),
        lead_officer=lead_officer,
        occasion_fr=f"Remise de la citoyenneté d'honneur à {honoree.name}",
        occasion_en=f"Honorary citizenship conferred on {honoree.name}",
        request_channel=RequestChannel.COUNCIL,
    )
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
    plan_programme(visit, plan, time(18, 0), venues[:1], lead_officer)
    follow_lifecycle(visit, S.CONFIRMED, lead_officer)
    HonoraryCitizenship.objects.get_or_create(
        honoree=honoree,
        defaults={
            "status": HonourStatus.VOTED,
            "voted_on": today - timedelta(days=30),
            "voted_on_precision": DatePrecision.DAY,
            "ceremony": visit.engagements.get(),
        },
    )
    return 1
