"""What a ceremony is made of, read through the door in a fixed number of queries whatever the
number of attendees: the engagement, its options, its list, the attendees with their offices,
the seating rules and the forms-of-address table."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.db.models import Exists, OuterRef, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from visits.models import (
    AddressForm,
    Attendance,
    Ceremony,
    Engagement,
    Guest,
    Office,
    OfficeHolding,
    PrecedenceList,
    PrecedenceRank,
    SeatingPair,
)
from visits.models.ceremony_choices import ListScope
from visits.queries.plain_rows import columns, instance


@dataclass
class CeremonyRows:
    engagement: Engagement
    options: Ceremony  # unsaved defaults until the office changes one
    precedence_list: PrecedenceList | None
    ranks: list[PrecedenceRank]
    offices: list[Office]
    attendances: list[Attendance]  # each with `guest.held` (its OfficeHolding rows)
    pairs: list[SeatingPair]
    forms: list[AddressForm]

    @property
    def day(self):
        """The day the order is read on: the list in force and the offices held then."""
        return ranking_day(self.engagement, self.options)


def ranking_day(engagement, options):
    return options.ranked_on or timezone.localdate(engagement.starts_at)


def ceremony_engagements(viewer):
    """The engagements whose ceremony `viewer` may read: the door's, nothing more."""
    return Engagement.objects.visible_to(viewer).select_related("visit", "venue", "ceremony")


def list_in_force(scope: str, day) -> PrecedenceList | None:
    return (
        PrecedenceList.objects.filter(scope=scope, effective_from__lte=day)
        .order_by("-effective_from")
        .first()
    )


class Held(NamedTuple):
    """An office a guest holds or held, as the rules read it (lighter than a model row: a
    banquet reads hundreds)."""

    office: Office
    first_elected_on: date | None
    took_office_on: date | None
    left_office_on: date | None


# The guests' columns no ceremony reads: a banquet reads hundreds of guests.
UNREAD_GUEST_FIELDS = ("kind", "deceased", "notes", "import_key", "created_at", "updated_at")
ATTENDANCE_COLUMNS = columns(Attendance)
GUEST_COLUMNS = columns(Guest, leaving=UNREAD_GUEST_FIELDS)


def attendances_of(engagement, offices: list[Office], viewer=None) -> list[Attendance]:
    """In the order they were added, each guest with `held` (their offices, from `offices`).
    An attendee the viewer may not see (known only from a confidential visit hidden from
    them) still ranks and sits, under a neutral name: what they are shown must not name them
    (DESIGN.md, decision 1). `viewer` None is the system.

    One query, as `select_related("guest", "represents")` would make it, read as plain rows
    (visits/queries/plain_rows.py); the office represented comes from `offices`."""
    rows = Attendance.objects.filter(engagement=engagement).order_by("pk")
    hidden = ("guest_hidden", "represents_hidden")
    if viewer is not None:
        seen = Guest.objects.visible_to(viewer)
        rows = rows.annotate(
            guest_hidden=~Exists(seen.filter(pk=OuterRef("guest_id"))),
            represents_hidden=~Exists(seen.filter(pk=OuterRef("represents_id"))),
        )
    else:
        rows = rows.annotate(guest_hidden=Value(False), represents_hidden=Value(False))
    read = rows.values_list(
        *ATTENDANCE_COLUMNS,
        *(f"guest__{name}" for name in GUEST_COLUMNS),
        *(f"represents__{name}" for name in GUEST_COLUMNS),
        *hidden,
    )
    office_of = {office.pk: office for office in offices}
    held = defaultdict(list)
    holdings = OfficeHolding.objects.filter(guest__attendances__engagement=engagement)
    fields = ("guest_id", "office_id", "first_elected_on", "took_office_on", "left_office_on")
    for guest_id, office_id, *dates in holdings.order_by("pk").values_list(*fields):
        held[guest_id].append(Held(office_of[office_id], *dates))
    return [attendance_of(values, office_of, held, rows.db) for values in read]


def attendance_of(values, office_of, held, db) -> Attendance:
    """One row of `attendances_of`'s query: the attendance, its guest, whom it represents."""
    at_guest = len(ATTENDANCE_COLUMNS)
    at_represents = at_guest + len(GUEST_COLUMNS)
    row = instance(Attendance, ATTENDANCE_COLUMNS, values[:at_guest], db)
    guest = instance(Guest, GUEST_COLUMNS, values[at_guest:at_represents], db)
    guest.held = held[guest.pk]
    # The code as read: `guest.country` would build a Country (ceremony_data.country_code).
    guest.country_code = values[at_guest + GUEST_COLUMNS.index("country")] or ""
    represents = None
    if row.represents_id is not None:
        represents = instance(Guest, GUEST_COLUMNS, values[at_represents:-2], db)
    guest_hidden, represents_hidden = values[-2:]
    if guest_hidden:
        conceal(guest)
    if represents is not None and represents_hidden:
        conceal(represents)
    Attendance.guest.field.set_cached_value(row, guest)
    Attendance.represents.field.set_cached_value(row, represents)
    office = office_of.get(row.represents_office_id)
    Attendance.represents_office.field.set_cached_value(row, office)
    return row


def conceal(guest: Guest) -> None:
    """Everything that would name them, blanked in memory (never saved); their dates stay,
    for the order, but `concealed` keeps them out of its sentences."""
    guest.concealed = True
    guest.name = guest.sort_name = _("Confidential guest")
    for field in ("title", "salutation", "envelope", "closing"):
        setattr(guest, f"{field}_fr", "")
        setattr(guest, f"{field}_en", "")
    guest.city = ""
    guest.country_code = ""  # "Ambassador of Japan" would say too much (ceremony_data)


def ceremony_rows(engagement: Engagement, viewer=None) -> CeremonyRows:
    """`engagement` from `ceremony_engagements(viewer)`: the caller has been through the door.
    `viewer` None is the system (demo, benchmark), which sees every attendee's name."""
    try:
        options = engagement.ceremony
    except Ceremony.DoesNotExist:
        options = Ceremony(engagement=engagement)
    rows = list_rows(engagement, options)
    rows.attendances = attendances_of(engagement, rows.offices, viewer)
    rows.pairs = list(SeatingPair.objects.filter(engagement=engagement).order_by("pk"))
    rows.forms = list(AddressForm.objects.all())
    return rows


def list_rows(engagement: Engagement, options: Ceremony) -> CeremonyRows:
    """The ceremony's list and every office, without attendees (what ranks someone not yet
    among them: a representative named in a reply)."""
    day = ranking_day(engagement, options)
    chosen = options.precedence_list_id
    precedence_list = (
        PrecedenceList.objects.get(pk=chosen) if chosen else list_in_force(ListScope.PARIS, day)
    )
    ranks = []
    if precedence_list is not None:
        ranks = list(
            PrecedenceRank.objects.filter(precedence_list=precedence_list).select_related("office")
        )
    return CeremonyRows(
        engagement=engagement,
        options=options,
        precedence_list=precedence_list,
        ranks=ranks,
        offices=list(Office.objects.all()),
        attendances=[],
        pairs=[],
        forms=[],
    )
