"""One clash rule (visits.queries.clashes): the agenda marks two engagements as clashing
exactly when the services refuse to book one of them over the other."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.factories import EngagementFactory, GuestFactory, HostFactory, VenueFactory, VisitFactory
from visits.queries.agenda import agenda
from visits.queries.clashes import clash
from visits.services.conflicts import Booking, refuse_conflicts
from visits.services.errors import Conflict

pytestmark = pytest.mark.django_db

DAY = date(2027, 7, 6)
PARIS = ZoneInfo("Europe/Paris")
TEN = datetime(2027, 7, 6, 10, tzinfo=PARIS)
# The second engagement starts this many minutes after the first ends (10:00–11:00); it lasts
# an hour. The room's turnover is 30 minutes.
STARTS = {
    "ends 20 min before": -140,
    "overlaps the start": -90,
    "right after": 0,
    "15 min after": 15,
    "30 min after": 30,
    "45 min after": 45,
}
SHARING = ["room", "room, same visit", "host", "principal guest", "nothing"]


def pair(sharing: str, start: int):
    room, guest, host = VenueFactory(turnover_minutes=30), GuestFactory(), HostFactory()
    first_visit = VisitFactory(starts_on=DAY, principal=guest)
    if sharing == "room, same visit":
        second_visit = first_visit
    elif sharing == "principal guest":
        second_visit = VisitFactory(starts_on=DAY, principal=guest)
    else:
        second_visit = VisitFactory(starts_on=DAY)
    first = EngagementFactory(visit=first_visit, venue=room, starts_at=TEN)
    begins = TEN + timedelta(hours=1, minutes=start)
    second = EngagementFactory(
        visit=second_visit,
        venue=room if sharing.startswith("room") else VenueFactory(turnover_minutes=30),
        starts_at=begins,
        ends_at=begins + timedelta(hours=1),
    )
    first.hosts.add(host)
    if sharing == "host":
        second.hosts.add(host)
    return first, second


def refused(engagement) -> bool:
    try:
        refuse_conflicts(Booking.of(engagement, engagement.hosts.all()), None)
    except Conflict:
        return True
    return False


@pytest.mark.parametrize("start", STARTS.values(), ids=STARTS.keys())
@pytest.mark.parametrize("sharing", SHARING)
def test_clash_agenda_and_services_agree(sharing, start, cleared_officer):
    first, second = pair(sharing, start)
    [day] = agenda(cleared_officer, DAY, 1)
    items = {item.engagement.pk: item for item in day.items}
    marked = clash(items[first.pk], items[second.pk])
    assert items[first.pk].clashes == items[second.pk].clashes == marked
    assert refused(first) == refused(second) == marked


def test_clash_rule_cases_are_not_all_alike(cleared_officer):
    """The grid holds both answers for each kind of sharing but "nothing"."""
    answers = {}
    for sharing in SHARING:
        for start in STARTS.values():
            first, second = pair(sharing, start)
            answers.setdefault(sharing, set()).add(refused(first))
            first.delete(), second.delete()
    assert answers == {
        "room": {True, False},
        "room, same visit": {True, False},
        "host": {True, False},
        "principal guest": {True, False},
        "nothing": {False},
    }
