"""A banquet for the ceremony benchmark: a state dinner's guests, as many as asked, written with
a few bulk inserts. The mix is that of a large dinner at the Hôtel de Ville: the Mayor as host,
a foreign head of state as guest of honour with a delegation, the Government, Parliament, the
prefects, ambassadors (dates of taking up functions, a nuncio), councillors of Paris (dates of
first election), the City's directors, spouses, and guests on no list placed by the office
(art. 18). The same size always gives the same people."""

import random
from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone
from django_countries import countries

from visits.demo.names import FAMILY_NAMES, GIVEN_NAMES
from visits.models import Attendance, Ceremony, Engagement, Guest, Office, OfficeHolding, Visit
from visits.models.ceremony_choices import AttendanceRole, DiplomaticClass, Layout
from visits.models.choices import GuestCategory as C

FULL = 600  # the mix below is for this many; smaller banquets scale it down
# (office codes held, how many at FULL size, category, share with a spouse present)
MIX = [
    (("minister",), 4, C.MINISTER, 0.5),
    (("president_of_the_senate",), 1, C.PARLIAMENTARIAN, 1),
    (("president_of_the_national_assembly",), 1, C.PARLIAMENTARIAN, 1),
    (("deputy",), 20, C.PARLIAMENTARIAN, 0.3),
    (("senator",), 12, C.PARLIAMENTARIAN, 0.3),
    (("member_of_the_european_parliament",), 4, C.PARLIAMENTARIAN, 0.3),
    (("president_of_the_constitutional_council",), 1, C.OTHER, 1),
    (("vice_president_of_the_council_of_state",), 1, C.OTHER, 1),
    (("defender_of_rights",), 1, C.OTHER, 0),
    (("first_president_of_the_court_of_cassation",), 1, C.OTHER, 1),
    (("grand_chancellor_of_the_legion_of_honour",), 1, C.OTHER, 1),
    (("chief_of_the_defence_staff",), 1, C.OTHER, 1),
    (("prefect_of_paris",), 1, C.OTHER, 1),
    (("prefect_of_police",), 1, C.OTHER, 1),
    (("president_of_the_regional_council",), 1, C.OTHER, 1),
    (("secretaries_general_of_the_state",), 3, C.OTHER, 0),
    (("first_president_of_the_court_of_appeal",), 1, C.OTHER, 1),
    (("chiefs_of_staff_and_military_governor",), 3, C.OTHER, 0.5),
    (("rector",), 1, C.OTHER, 0),
    (("senior_civil_servants",), 8, C.OTHER, 0),
    (("governor_of_the_banque_de_france",), 1, C.OTHER, 1),
    (("prefects_of_the_paris_prefectures",), 4, C.OTHER, 0),
    (("foreign_ambassador",), 90, C.AMBASSADOR, 0.6),
    (("nuncio",), 1, C.AMBASSADOR, 0),
    (("foreign_charge_d_affaires",), 6, C.AMBASSADOR, 0),
    (("adjoint_au_maire", "councillor_of_paris"), 30, C.OTHER, 0.3),
    (("mayor_of_an_arrondissement", "councillor_of_paris"), 12, C.MAYOR, 0.3),
    (("councillor_of_paris",), 130, C.OTHER, 0.2),
    (("regional_councillor",), 20, C.OTHER, 0),
    (("general_officers",), 8, C.OTHER, 0.5),
    (("university_president",), 10, C.OTHER, 0),
    (("secretary_general_of_the_city_of_paris",), 1, C.OTHER, 0),
    (("heads_of_state_services",), 6, C.OTHER, 0),
    (("president_of_the_chamber_of_commerce",), 1, C.OTHER, 1),
    (("batonnier",), 1, C.OTHER, 1),
    (("presidents_of_professional_orders",), 6, C.OTHER, 0),
    (("directors_of_the_city_of_paris",), 16, C.OTHER, 0),
    (("police_and_gendarmerie_officers",), 8, C.OTHER, 0),
    (("foreign_mayor",), 6, C.MAYOR, 0),  # on no list: placed by the office
    ((), 30, C.PROMINENT_FIGURE, 0.2),  # artists, founders, sponsors: placed by the office
]
MILITARY_OFFICES = {"chief_of_the_defence_staff", "general_officers"}
DIPLOMATIC = {
    "foreign_ambassador": DiplomaticClass.AMBASSADOR,
    "nuncio": DiplomaticClass.NUNCIO,
    "foreign_charge_d_affaires": DiplomaticClass.CHARGE,
}
DELEGATION = [("foreign_minister",), ("foreign_minister",), (), ()]  # two ministers, advisers
HOST = AttendanceRole.HOST
UNLISTED_AFTER = 38  # the office's choice for guests on no list: with the councillors of Paris


def names(rng: random.Random):
    """Distinct fictional (name, gender) pairs, in a fixed shuffled order."""
    pairs = [
        (f"{given} {family}", sex)
        for sex, names in GIVEN_NAMES.items()
        for given in names
        for family in FAMILY_NAMES
    ]
    rng.shuffle(pairs)
    return iter(pairs)


def scaled(count: int, size: int) -> int:
    return max(1, round(count * size / FULL))


def day_between(rng: random.Random, first: int, last: int) -> date:
    return date(first, 1, 1) + timedelta(days=rng.randrange((last - first) * 365))


def build(size: int, label: str) -> Engagement:
    """A dinner of `size` attendees on round tables of 10, in a visit of its own; nothing is
    seated yet."""
    rng = random.Random(f"banquet-{size}")  # noqa: S311 (made-up data, the same each run)
    people = names(rng)
    chosen, total = [], 0
    for unit in units(size, rng):
        if total == size:
            break
        with_spouse = unit["with_spouse"] and total + 2 <= size
        chosen.append(unit | {"with_spouse": with_spouse})
        total += 1 + with_spouse
    offices = Office.objects.in_bulk(
        {code for unit in chosen for code in unit["offices"]}, field_name="code"
    )
    guests = [guest_of(unit, *next(people), rng) for unit in chosen]
    Guest.objects.bulk_create(guests)
    OfficeHolding.objects.bulk_create(
        holding_of(guest, offices[code], rng)
        for unit, guest in zip(chosen, guests, strict=True)
        for code in unit["offices"]
    )
    spouses = [
        spouse_of(guest, next(people)[0], rng)
        for unit, guest in zip(chosen, guests, strict=True)
        if unit["with_spouse"]
    ]
    Guest.objects.bulk_create(spouses)
    engagement = new_engagement(label, size)
    Attendance.objects.bulk_create(
        [
            Attendance(engagement=engagement, guest=guest, **unit["attendance"])
            for unit, guest in zip(chosen, guests, strict=True)
        ]
        + [Attendance(engagement=engagement, guest=spouse) for spouse in spouses]
    )
    return engagement


def units(size: int, rng: random.Random):
    """The host, the guest of honour and their delegation, then the mix scaled to `size` in a
    shuffled order (the database's order says nothing of precedence), then councillors of
    Paris for as long as places remain."""
    country = rng.choice(sorted(code for code in dict(countries) if code != "FR"))
    foreign = sorted(code for code in dict(countries) if code not in ("FR", country))
    rng.shuffle(foreign)
    yield spec(("mayor_of_paris",), C.MAYOR, True, role=HOST, inviting=True, speaks=True)
    yield spec(
        ("foreign_head_of_state",),
        C.HEAD_OF_STATE,
        True,
        country=country,
        role=AttendanceRole.GUEST_OF_HONOUR,
        speaks=True,
        place_after=0,
        place_after_reason="Guest of honour: the head of State on a state visit",
    )
    for offices in DELEGATION[: scaled(len(DELEGATION), size)]:
        yield spec(
            offices,
            C.MINISTER if offices else C.OTHER,
            False,
            country=country,
            role=AttendanceRole.DELEGATION,
            place_after=6,
            place_after_reason="The guest of honour's delegation, after the Government",
        )
    rest = []
    for offices, count, category, spouse_share in MIX:
        number = scaled(count, size)
        for n in range(number):
            extra = {}
            if set(offices) & set(DIPLOMATIC) or offices == ("foreign_mayor",):
                extra["country"] = foreign[len(rest) % len(foreign)]
            if not offices or offices == ("foreign_mayor",):
                extra |= {
                    "place_after": UNLISTED_AFTER,
                    "place_after_reason": "On no list: seated with the councillors of Paris",
                }
            with_spouse = n < round(number * spouse_share)
            rest.append(spec(offices, category, with_spouse, **extra))
    rng.shuffle(rest)
    yield from rest
    while True:
        yield spec(("councillor_of_paris",), C.OTHER, False)


def spec(offices, category, with_spouse: bool, **attendance) -> dict:
    return {
        "offices": offices,
        "category": category,
        "with_spouse": with_spouse,
        "country": attendance.pop("country", "FR"),
        "attendance": attendance,
    }


def guest_of(unit: dict, name: str, gender: str, rng) -> Guest:
    codes = set(unit["offices"])
    diplomatic = next((DIPLOMATIC[code] for code in codes if code in DIPLOMATIC), "")
    taken_up = None
    if diplomatic:  # credentials presented on a working day, at some time of the day
        moment = datetime.combine(day_between(rng, 2016, 2026), time(9), UTC)
        taken_up = moment + timedelta(minutes=rng.randrange(9 * 60))
    return Guest(
        name=name,
        sort_name=name,
        category=unit["category"],
        gender=gender,
        country=unit["country"],
        language="fr" if unit["country"] == "FR" else "en",
        born_on=day_between(rng, 1948, 1990),
        diplomatic_class=diplomatic,
        functions_taken_up_at=taken_up,
        military=bool(codes & MILITARY_OFFICES),
    )


def spouse_of(principal: Guest, name: str, rng) -> Guest:
    return Guest(
        name=name,
        sort_name=name,
        category=C.OTHER,
        gender="m" if principal.gender == "f" else "f",
        country=principal.country,
        language=principal.language,
        born_on=principal.born_on + timedelta(days=rng.randrange(-2000, 2000)),
        spouse=principal,
    )


def holding_of(guest: Guest, office: Office, rng) -> OfficeHolding:
    if office.elected:  # ties between the elected: first election, then age
        return OfficeHolding(
            guest=guest, office=office, first_elected_on=day_between(rng, 1995, 2024)
        )
    return OfficeHolding(guest=guest, office=office, took_office_on=day_between(rng, 2015, 2025))


def new_engagement(label: str, size: int) -> Engagement:
    """A state dinner a year from now, in a visit of its own, on round tables of 10."""
    starts = timezone.now().replace(hour=19, minute=30, second=0, microsecond=0) + timedelta(
        days=365
    )
    visit = Visit.objects.create(
        kind="state_visit",
        status="confirmed",
        occasion_fr=f"Banc d'essai : {label}",
        occasion_en=f"Benchmark: {label}",
        starts_on=timezone.localdate(starts),
    )
    engagement = Engagement.objects.create(
        visit=visit,
        kind="dinner",
        title_fr="Dîner d'État",
        title_en="State dinner",
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        status="confirmed",
    )
    Ceremony.objects.create(
        engagement=engagement,
        layout=Layout.ROUND,
        tables=-(-size // 10),
        seats_per_table=10,
        alternate_sexes=True,
    )
    return engagement
