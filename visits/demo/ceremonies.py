"""The demo's ceremonies: the hosts' registry entries, the authorities and ambassadors of
visits/demo/ceremony_people.py, and a state visit whose reception (on a platform, the Mayor
represented by her first adjoint) and dinner (à la française, three tables, women and men
alternating, the places kept) are ranked and seated through the services, as the office would;
the reception's invitations too (visits/demo/invitations.py).
Idempotent: people are keyed by import_key, the visit too; a second run adds nothing."""

from datetime import time, timedelta

from django.db import transaction
from django.utils.text import slugify

from visits import services
from visits.ceremony_defaults import install_address_forms, install_precedence
from visits.demo import ceremony_people as data
from visits.demo.invitations import invite_to_reception
from visits.demo.schedule import working_day
from visits.demo.upcoming import follow_lifecycle, plan_programme
from visits.models import (
    AddressForm,
    Engagement,
    Guest,
    Host,
    Office,
    OfficeHolding,
    PrecedenceList,
    PrecedenceRank,
    Venue,
    Visit,
)
from visits.models.ceremony_choices import Capacity, Layout
from visits.models.choices import (
    Confidentiality,
    DelegationRole,
    EngagementKind,
    GuestCategory,
    VisitKind,
)
from visits.models.choices import VisitStatus as S
from visits.queries.ceremony import ceremony_rows
from visits.queries.ceremony_plan import ceremony_plan
from visits.services import ceremony as ceremony_services

VISIT_KEY = "upcoming:state-visit"
DAYS_AHEAD = 18  # a day the other upcoming visits leave free, most weeks
PLAN = {
    "items": [
        (EngagementKind.RECEPTION, "Réception en l'honneur du Président", "Reception", 90),
        (EngagementKind.DINNER, "Dîner d'État", "State dinner", 150),
    ]
}
RECEPTION_GUESTS = [
    "prefect", "prefect-of-police", "minister", "deputy-2012", "deputy-2017", "councillor-2008",
    "councillor-2014", "suppleante", "ambassador-jp", "ambassador-br", "nuncio", "writer",
]  # fmt: skip
DINNER_GUESTS = [
    "mayor-spouse", "prefect", "prefect-of-police", "minister", "deputy-2012", "deputy-2017",
    "councillor-2008", "councillor-2014", "ambassador-jp", "ambassador-jp-spouse",
    "ambassador-br", "ambassador-br-spouse", "nuncio", "writer",
]  # fmt: skip


def key_of(name: str) -> str:
    return f"demo-ceremony:{slugify(name)}"


@transaction.atomic
def add_demo_ceremonies(lead_officer, today) -> int:
    """The registry, then the state visit with its two ceremonies; returns the visits made."""
    install_precedence(Office, PrecedenceList, PrecedenceRank)  # the data migration's, if flushed
    install_address_forms(AddressForm)
    hosts = {host.name: host for host in Host.objects.filter(name__in=data.HOSTS)}
    people = registry(hosts)
    if Visit.objects.filter(import_key=VISIT_KEY).exists():
        return 0
    reception, dinner = state_visit(lead_officer, today, people, hosts)
    hold_reception(reception, people)
    hold_dinner(dinner, people)
    invite_to_reception(reception, people)
    return 1


def registry(hosts: dict[str, Host]) -> dict[str, Guest]:
    """Every demo person of the ceremonies by key (the hosts' by their name), created where
    missing, with their offices; spouses and hosts linked to them."""
    wanted = {key_of(name): name for name in (*data.HOSTS, *data.PEOPLE)}
    found = Guest.objects.in_bulk(list(wanted), field_name="import_key")
    offices = {office.code: office for office in Office.objects.all()}
    created, holdings = [], []
    for import_key, name in wanted.items():
        if import_key not in found:
            guest, held = host_person(hosts[name]) if name in data.HOSTS else person(name)
            guest.import_key = import_key
            created.append(guest)
            holdings += [
                OfficeHolding(guest=guest, office=offices[code], first_elected_on=first,
                              took_office_on=took)
                for code, first, took in held
            ]  # fmt: skip
    Guest.objects.bulk_create(created)
    OfficeHolding.objects.bulk_create(holdings)
    found |= {guest.import_key: guest for guest in created}
    people = {name: found[import_key] for import_key, name in wanted.items()}
    for spouse, principal in data.SPOUSES.items():
        if people[spouse] in created:
            Guest.objects.filter(pk=people[spouse].pk).update(spouse=people[principal])
    for name, host in hosts.items():
        if host.person_id is None:
            host.person = people[name]
            host.save(update_fields=["person", "updated_at"])
    return people


def host_person(host: Host) -> tuple[Guest, list]:
    born_on, held = data.HOSTS[host.name]
    mayor = held[0][0] == "mayor_of_paris"
    guest = Guest(
        name=host.name,
        sort_name=host.name,
        category=GuestCategory.MAYOR if mayor else GuestCategory.OTHER,
        country="FR",
        gender=host.gender,
        born_on=born_on,
        title_fr=host.office_fr,
        title_en=host.office_en,
    )
    return guest, [(code, first, None) for code, first in held]


def person(key: str) -> tuple[Guest, list]:
    name, gender, born_on, category, country, language, title_fr, title_en, held, extra = (
        data.PEOPLE[key]
    )
    guest = Guest(
        name=name,
        sort_name=name,
        gender=gender,
        born_on=born_on,
        category=category,
        country=country,
        language=language,
        title_fr=title_fr,
        title_en=title_en,
        **extra,
    )
    return guest, held


def state_visit(by, today, people, hosts):
    """Finland's head of State, a reception then a dinner; both confirmed."""
    visit = services.create_visit(
        by=by,
        import_key=VISIT_KEY,
        delegation=[
            (people["head-of-state"], DelegationRole.PRINCIPAL),
            (people["head-of-state-spouse"], DelegationRole.SPOUSE),
            (people["foreign-minister"], DelegationRole.MINISTER),
            (people["ambassador-fi"], DelegationRole.AMBASSADOR),
        ],
        hosts=[hosts[name] for name in data.HOSTS if name != "Élise Fontaine"],
        kind=VisitKind.STATE_VISIT,
        confidentiality=Confidentiality.PUBLIC,
        occasion_fr="Visite d'État du Président de la République de Finlande",
        occasion_en="State visit of the President of the Republic of Finland",
        starts_on=working_day(today + timedelta(days=DAYS_AHEAD)),
        lead_officer=by,
    )
    rooms = list(Venue.objects.filter(name__in=["Salle des Fêtes", "Salon des Arcades"]))
    rooms.sort(key=lambda room: room.name != "Salle des Fêtes")
    plan_programme(visit, PLAN, time(18, 0), rooms, by)
    follow_lifecycle(visit, S.CONFIRMED, by)
    reception, dinner = visit.engagements.order_by("starts_at")
    # The Mayor is at the dinner only: her first adjoint hosts the reception in her name.
    services.update_engagement(
        reception, by=by, hosts=[hosts["Julien Moreau"], hosts["Nadia Haddad"]]
    )
    return reception, dinner


def welcome(engagement, people, guests, **options):
    """The programme's hosts and delegation, then the guests; the guest of honour and the
    delegation's minister placed by the office (art. 18: no French list names them)."""
    service = ceremony_services  # by=None: the system, as the demo acts
    service.change_options(engagement, by=None, **options)
    added = {row.guest_id: row for row in service.gather_attendance(engagement, by=None)}
    for key, (after, reason) in (
        ("head-of-state", data.GUEST_OF_HONOUR_AFTER),
        ("foreign-minister", data.DELEGATION_AFTER),
    ):
        row = added[people[key].pk]
        service.change_attendee(row, by=None, place_after=after, place_after_reason=reason)
    placed = {"suppleante": data.SUBSTITUTE_AFTER, "writer": data.WRITER_AFTER}
    for key in guests:
        fields = {}
        if key in placed:
            fields = {"place_after": placed[key][0], "place_after_reason": placed[key][1]}
        if key == "suppleante":
            fields |= {"capacity": Capacity.SUBSTITUTE, "represents_office": office("senator")}
        service.add_attendee(engagement, people[key], by=None, **fields)
    return added


def hold_reception(reception, people) -> None:
    added = welcome(reception, people, RECEPTION_GUESTS, layout=Layout.PLATFORM, tables=2)
    first_adjoint = added[people["Julien Moreau"].pk]
    ceremony_services.change_attendee(
        first_adjoint,
        by=None,
        capacity=Capacity.ADJOINT_FOR_MAYOR,
        represents=people["Camille Laurent"],
        represents_office=office("mayor_of_paris"),
    )


def hold_dinner(dinner, people) -> None:
    options = {"layout": Layout.FRENCH, "tables": 3, "alternate_sexes": True}
    welcome(dinner, people, DINNER_GUESTS, **options)
    # Read anew: the instance caches the Ceremony row as first created, before the options.
    dinner = Engagement.objects.select_related("visit", "venue", "ceremony").get(pk=dinner.pk)
    seating = ceremony_plan(ceremony_rows(dinner)).seating
    places = {int(seat.key): (seat.table, seat.number) for seat in seating.seats if seat.key}
    ceremony_services.keep_places(dinner, places, by=None)


def office(code: str) -> Office:
    return Office.objects.get(code=code)
