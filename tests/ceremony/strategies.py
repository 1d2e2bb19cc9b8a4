"""Hypothesis strategies for the ceremony rules: attendees holding the décret's seeded offices
(visits.ceremony.decree), and occasions on its lists. Values are drawn from small pools so that
ties, shared offices, spouses and representatives happen often."""

from dataclasses import replace
from datetime import date, datetime

from hypothesis import strategies as st

from visits.ceremony.decree import OFFICES, OUTSIDE_PARIS, PARIS
from visits.ceremony.people import Attendee, Capacity, DiplomaticClass, Holding, Occasion

ON = date(2026, 6, 1)
CODES = [office.code for office in OFFICES]
# Offices many people share, or that rules look for: drawn more often than the rest.
COMMON = [
    "president_of_the_republic",
    "prime_minister",
    "minister",
    "president_of_the_national_assembly",
    "president_of_the_senate",
    "deputy",
    "senator",
    "prefect_of_paris",
    "prefect",
    "mayor_of_paris",
    "mayor",
    "councillor_of_paris",
    "foreign_ambassador",
    "nuncio",
    "foreign_mayor",
    "suppleant",
]
NAMES = ["Alice Martin", "alice martin", "Bruno Petit", "Chloé Durand", "Émile Leroy", "Zoé Roux"]
DAYS = [None, date(1950, 3, 1), date(1962, 7, 14), date(2008, 3, 16), date(2014, 3, 30)]
DAYS += [date(2027, 1, 1)]  # after the occasion: not yet in office, or still in office
TIMES = [None, datetime(2019, 9, 2, 10, 0), datetime(2019, 9, 2, 15, 30), datetime(2023, 1, 9, 11)]

# Holdings come from a pool (one draw each keeps the examples quick): the common offices with
# every mix of dates, every other office with none.
DATED = [
    Holding(code, first_elected_on=elected, took_office_on=took, left_office_on=left)
    for code in COMMON
    for elected in DAYS[:5]
    for took, left in ((None, None), (DAYS[1], DAYS[3]), (DAYS[3], None), (DAYS[5], None))
]
holdings = st.one_of(st.sampled_from(DATED), st.sampled_from([Holding(code) for code in CODES]))
capacities = st.one_of(st.just(Capacity.OWN), st.sampled_from(list(Capacity)))
# Italy's rule (the representative takes the office's rank) with spouses who do not follow.
ITALIAN_STYLE = replace(PARIS, representative_takes_rank=True, spouses_follow=False)


SPOUSE = st.one_of(st.just(None), st.integers(min_value=0, max_value=20))  # an index, or none
# One attendee, without their key and spouse: built once (building strategies is slow).
someone = st.builds(
    Attendee,
    key=st.just(""),
    name=st.sampled_from(NAMES),
    sort_name=st.sampled_from(["", "Martin", "Petit"]),
    holdings=st.lists(holdings, max_size=3).map(tuple),
    born_on=st.sampled_from(DAYS[:3]),
    diplomatic_class=st.one_of(st.none(), st.sampled_from(list(DiplomaticClass))),
    functions_taken_up_at=st.sampled_from(TIMES),
    capacity=capacities,
    represents_office=st.sampled_from(["", *COMMON]),
    place_after=st.one_of(st.none(), st.integers(min_value=0, max_value=40)),
    place_after_reason=st.sampled_from(["", "Invité du Maire"]),
    inviting=st.booleans(),
)


@st.composite
def attendees(draw, min_size: int = 0, max_size: int = 9) -> list[Attendee]:
    """Attendees with distinct keys, some of them spouses of others (or of someone absent);
    spouses hold offices like anyone, and some couples name each other (the registry may link
    both ways)."""
    count = draw(st.integers(min_value=min_size, max_value=max_size))
    keys = [f"k{number}" for number in draw(st.permutations(range(count)))]
    people = {}
    for key in keys:
        spouse = draw(SPOUSE)
        spouse_of = "" if spouse is None else (keys + ["absent"])[spouse % (count + 1)]
        people[key] = replace(draw(someone), key=key, spouse_of=spouse_of)
    for key in keys:
        partner = people[key].spouse_of
        if partner in people and partner != key and draw(st.booleans()):
            people[partner] = replace(people[partner], spouse_of=key)
    return list(people.values())


occasions = st.builds(
    Occasion,
    on=st.just(ON),
    rules=st.sampled_from([PARIS, OUTSIDE_PARIS, ITALIAN_STYLE]),
    ordered_by_government=st.booleans(),
    offices=st.just(OFFICES),
)
