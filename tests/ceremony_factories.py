"""Factories of the ceremony's rows (issue 16), for any test that needs an attendee, an office
or a seating rule, and a ceremony to test pages with: a lunch in the Salle des Fêtes on 13 July
2027, the Mayor of Paris inviting, a minister, the Italian ambassador, a deputy, and the Mayor
of Rome as guest of honour (whom no French list names: the office places him, art. 18).

The seeded offices and lists come from migration 0020; a transactional test may have flushed
them: `seeded_precedence()` puts them back."""

from datetime import UTC, date, datetime

import factory
from django.test import Client
from django.urls import reverse

from tests.factories import EngagementFactory, GuestFactory
from tests.visits.staff_pages import TUESDAY, engagement, utc, visit_of
from visits.ceremony_defaults import install_address_forms, install_precedence
from visits.models import (
    AddressForm,
    Attendance,
    Ceremony,
    Office,
    OfficeHolding,
    PrecedenceList,
    PrecedenceRank,
    SeatingPair,
    Venue,
)
from visits.models.ceremony_choices import AttendanceRole, PairRule


def seeded_precedence() -> None:
    """The décret's offices and lists, and the forms-of-address table, if missing."""
    install_precedence(Office, PrecedenceList, PrecedenceRank)
    install_address_forms(AddressForm)


def office(code: str) -> Office:
    """A seeded office, by its code."""
    return Office.objects.get(code=code)


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"office-{n}")
    label_fr = factory.Sequence(lambda n: f"Fonction {n}")
    label_en = factory.Sequence(lambda n: f"Office {n}")


class OfficeHoldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficeHolding

    guest = factory.SubFactory(GuestFactory)
    office = factory.SubFactory(OfficeFactory)


class CeremonyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ceremony
        django_get_or_create = ["engagement"]

    engagement = factory.SubFactory(EngagementFactory)


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    engagement = factory.SubFactory(EngagementFactory)
    guest = factory.SubFactory(GuestFactory)
    role = AttendanceRole.AUTHORITY


class SeatingPairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeatingPair

    engagement = factory.SubFactory(EngagementFactory)
    first = factory.SubFactory(AttendanceFactory, engagement=factory.SelfAttribute("..engagement"))
    second = factory.SubFactory(AttendanceFactory, engagement=factory.SelfAttribute("..engagement"))
    rule = PairRule.APART


def holder(office_code: str, name: str, **guest_fields):
    """A guest in the registry holding a seeded office (by code)."""
    guest_fields.setdefault("title_fr", "")
    guest_fields.setdefault("title_en", "")
    guest_fields.setdefault("country", "FR")
    guest = GuestFactory(name=name, **guest_fields)
    OfficeHoldingFactory(guest=guest, office=office(office_code))
    return guest


def attending(engagement, guest, **fields) -> Attendance:
    return AttendanceFactory(engagement=engagement, guest=guest, **fields)


def ceremony_url(made) -> str:
    return reverse("staff:ceremony", args=[made.uid])


def print_url(made, part: str) -> str:
    return reverse("staff:ceremony_print", args=[made.uid, part])


def lunch(guest_name: str = "Roberto Gualtieri", **fields):
    visit = visit_of(guest_name, **fields)
    return engagement(
        visit,
        utc(TUESDAY, 10),
        90,
        title_fr="Déjeuner officiel",
        title_en="Official lunch",
        venue=Venue.objects.get_or_create(name="Salle des Fêtes")[0],
    )


def mayor_of_paris(made, **fields):
    guest = holder("mayor_of_paris", "Anne Hidalgo", gender="f", born_on=date(1959, 6, 19))
    fields = {"role": AttendanceRole.HOST, "inviting": True, "speaks": True} | fields
    return attending(made, guest, **fields)


def minister(made, **fields):
    guest = holder("minister", "Jean Martin", gender="m", born_on=date(1970, 1, 1))
    return attending(made, guest, **fields)


def ambassador(made, **fields):
    guest = holder(
        "foreign_ambassador",
        "Emanuela D’Alessandro",
        gender="f",
        country="IT",
        diplomatic_class="ambassador",
        functions_taken_up_at=datetime(2024, 9, 2, 10, tzinfo=UTC),
    )
    return attending(made, guest, **fields)


def deputy(made, name="Paul Durand", **fields):
    guest = holder("deputy", name, gender="m", born_on=date(1980, 5, 5))
    return attending(made, guest, **fields)


def guest_of_honour(made, **fields):
    """The visit's principal guest (IT, Mayor of Rome), whom no French list names."""
    guest = made.visit.participants.get().guest
    fields = {"role": AttendanceRole.GUEST_OF_HONOUR, "speaks": True} | fields
    return attending(made, guest, **fields)


def full_table(made):
    """The five attendees, the guest of honour placed by the office after rank 1."""
    return [
        mayor_of_paris(made),
        minister(made),
        ambassador(made),
        deputy(made),
        guest_of_honour(made, place_after=1, place_after_reason="Guest of the City"),
    ]


def signed_in_as(user, language="en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def some_guests(count: int, made, office_code="councillor_of_paris"):
    return [
        attending(made, holder(office_code, f"Conseiller {n}", born_on=date(1960 + n, 1, 1)))
        for n in range(count)
    ]
