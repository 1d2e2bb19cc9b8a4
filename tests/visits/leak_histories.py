"""Generated histories for the leak properties of calendar feeds: visits written through the
services step by step, what held when, and an oracle of what the public saw."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from hypothesis import strategies as st

from tests.factories import PARIS, EngagementFactory, GuestFactory, VisitFactory
from tests.visits.leak_world import PUBLISHED, Row, VisitSpec, World
from visits.models import Visit
from visits.models.choices import Confidentiality, EngagementStatus, VisitStatus
from visits.services import RuleBroken, TransitionRefused, allowed_moves, move_visit, update_visit

WITHDRAWN = {VisitStatus.CANCELLED, VisitStatus.POSTPONED}

# --- generated histories --------------------------------------------------------------------
# A visit's history is written through the services, step by step; each step's history rows
# are then dated back to that step's moment: creation an hour before the first step, the steps
# an hour apart, the last an hour before the feeds are read. An embargo is drawn as the step
# after which it lifts (half an hour later): it may lift between two steps, before the visit
# was withdrawn or after, or only once the feeds are read (the last, 5), or be none.

STEPS = 4  # at most, after the visit is made


def moment(start, step: int):
    """When step `step` happened (0: the visit made; STEPS + 1: the feeds are read, `start`)."""
    return start - timedelta(hours=STEPS + 1 - step)


def lifting(start, step: int | None):
    return None if step is None else moment(start, step) + timedelta(minutes=30)


@dataclass(frozen=True)
class Step:
    kind: str  # "move" (the lifecycle's next move, drawn), "embargo" or "confidentiality"
    move: int = 0
    embargo: int | None = None  # the step after which it lifts
    confidentiality: str = Confidentiality.PUBLIC


embargoes = st.sampled_from([None, *range(STEPS + 2)])
steps = st.one_of(
    st.builds(Step, kind=st.just("move"), move=st.integers(0, 3)),
    st.builds(Step, kind=st.just("embargo"), embargo=embargoes),
    st.builds(
        Step,
        kind=st.just("confidentiality"),
        confidentiality=st.sampled_from(Confidentiality.values),
    ),
)


@dataclass(frozen=True)
class HistorySpec:
    confidentiality: str
    status: str
    embargo: int | None
    led: bool
    hour: int
    steps: tuple[Step, ...]


histories = st.lists(
    st.builds(
        HistorySpec,
        # Mostly public and announced at first: what a withdrawal can take away.
        confidentiality=st.sampled_from([Confidentiality.PUBLIC] * 3 + Confidentiality.values),
        status=st.sampled_from([VisitStatus.CONFIRMED] * 6 + VisitStatus.values),
        embargo=embargoes,
        led=st.booleans(),
        hour=st.sampled_from([9, 11, 14, 16]),
        steps=st.lists(steps, max_size=STEPS).map(tuple),
    ),
    min_size=1,
    max_size=3,
    unique_by=lambda spec: spec.hour,
)


@dataclass
class Lived:
    """A visit written through its history, and what held when."""

    row: Row
    versions: list  # [(since, (status, confidentiality, embargo_until))]

    @property
    def now(self) -> tuple:
        return self.versions[-1][1]


PROGRAMME_OF = {
    VisitStatus.CANCELLED: EngagementStatus.CANCELLED,
    VisitStatus.DECLINED: EngagementStatus.CANCELLED,
    VisitStatus.POSTPONED: EngagementStatus.POSTPONED,
}


def state_of(visit) -> tuple:
    visit.refresh_from_db()
    return (visit.status, visit.confidentiality, visit.embargo_until)


def date_back(visit, start, step: int) -> None:
    """The history rows the step just wrote (now, after `start`) happened at its moment."""
    written = Visit.history.filter(id=visit.pk, history_date__gte=start)
    written.update(history_date=moment(start, step))


def take(step: Step, visit, start) -> None:
    """One step through the services; a step they refuse changes nothing."""
    try:
        if step.kind == "move":
            moves = allowed_moves(visit.status)
            if moves:
                move_visit(visit, moves[step.move % len(moves)], by=None)
        elif step.kind == "embargo":
            update_visit(visit, by=None, embargo_until=lifting(start, step.embargo))
        else:
            public = step.confidentiality == Confidentiality.PUBLIC
            embargo = visit.embargo_until if public else None  # only a public visit has one
            update_visit(
                visit, by=None, confidentiality=step.confidentiality, embargo_until=embargo
            )
    except (TransitionRefused, RuleBroken):
        pass


def live_through(world: World, specs, start) -> list[Lived]:
    lived = []
    for n, spec in enumerate(specs, start=1):
        public = spec.confidentiality == Confidentiality.PUBLIC
        guest = GuestFactory(name=f"Zqx{n}Guest")
        visit = VisitFactory(
            confidentiality=spec.confidentiality,
            status=spec.status,
            embargo_until=lifting(start, spec.embargo) if public else None,
            lead_officer=world.lead if spec.led else None,
            occasion_fr=f"Zqx{n}Occasion",
            occasion_en=f"Zqx{n}Occasion",
            starts_on=world.monday,
            principal=guest,
        )
        starts_at = datetime.combine(world.monday, time(spec.hour), PARIS)
        engagement = EngagementFactory(
            visit=visit,
            venue=world.venue,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=1),
            status=PROGRAMME_OF.get(spec.status, EngagementStatus.CONFIRMED),
            title_en=f"Zqx{n}Title",
            title_fr=f"Zqx{n}Titre",
        )
        date_back(visit, start, 0)
        versions = [(moment(start, 0), state_of(visit))]
        for number, step in enumerate(spec.steps, start=1):
            take(step, visit, start)
            date_back(visit, start, number)
            versions.append((moment(start, number), state_of(visit)))
        engagement.refresh_from_db()
        final = VisitSpec(
            confidentiality=visit.confidentiality,
            status=visit.status,
            embargo=embargo_label(visit.embargo_until, start),
            led=spec.led,
            engagement_status=engagement.status,
            day=0,
            hour=spec.hour,
        )
        lived.append(Lived(Row(final, visit, engagement, guest), versions))
    return lived


def embargo_label(embargo, now) -> str:
    return "none" if embargo is None else "future" if embargo > now else "past"


def seen_by_the_public(lived: Lived, now) -> bool:
    """The oracle: some version was public and announced while its own embargo had lifted,
    for some time before the next version (or up to now)."""
    for index, (since, (status, confidentiality, embargo)) in enumerate(lived.versions):
        if confidentiality != Confidentiality.PUBLIC or status not in PUBLISHED:
            continue
        shown_from = max(since, embargo or since)
        last = index + 1 == len(lived.versions)
        until = now if last else lived.versions[index + 1][0]
        if shown_from < until or (last and shown_from <= now):
            return True
    return False


def in_public_feeds(lived: Lived, now) -> bool:
    """Shown now, or withdrawn after the public saw it (then kept, marked cancelled)."""
    status, confidentiality, embargo = lived.now
    lifted = embargo is None or embargo <= now
    if confidentiality != Confidentiality.PUBLIC or not lifted:
        return False
    if status in PUBLISHED:
        return True
    return status in WITHDRAWN and seen_by_the_public(lived, now)
