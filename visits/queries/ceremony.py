"""What a ceremony is made of, read through the door in a fixed number of queries whatever the
number of attendees: the engagement, its options, its list, the attendees with their offices,
the seating rules and the forms-of-address table."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch
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
        return timezone.localdate(self.engagement.starts_at)


def ceremony_engagements(viewer):
    """The engagements whose ceremony `viewer` may read: the door's, nothing more."""
    return Engagement.objects.visible_to(viewer).select_related("visit", "venue", "ceremony")


def list_in_force(scope: str, day) -> PrecedenceList | None:
    return (
        PrecedenceList.objects.filter(scope=scope, effective_from__lte=day)
        .order_by("-effective_from")
        .first()
    )


def attendances_of(engagement, viewer=None) -> list[Attendance]:
    """In the order they were added. An attendee the viewer may not see (known only from a
    confidential visit hidden from them) still ranks and sits, under a neutral name: what
    they are shown must not name them (DESIGN.md, decision 1). `viewer` None is the system."""
    holdings = OfficeHolding.objects.select_related("office").order_by("pk")
    rows = (
        Attendance.objects.filter(engagement=engagement)
        .select_related("guest", "represents", "represents_office")
        .prefetch_related(Prefetch("guest__holdings", holdings, to_attr="held"))
        .order_by("pk")
    )
    if viewer is not None:
        seen = Guest.objects.visible_to(viewer)
        rows = rows.annotate(
            guest_hidden=~Exists(seen.filter(pk=OuterRef("guest_id"))),
            represents_hidden=~Exists(seen.filter(pk=OuterRef("represents_id"))),
        )
    rows = list(rows)
    for row in rows:
        if getattr(row, "guest_hidden", False):
            conceal(row.guest)
        if row.represents_id and getattr(row, "represents_hidden", False):
            conceal(row.represents)
    return rows


def conceal(guest: Guest) -> None:
    """Everything that would name them, blanked in memory (never saved)."""
    guest.name = guest.sort_name = _("Confidential guest")
    for field in ("title", "salutation", "envelope", "closing"):
        setattr(guest, f"{field}_fr", "")
        setattr(guest, f"{field}_en", "")
    guest.city = ""


def ceremony_rows(engagement: Engagement, viewer=None) -> CeremonyRows:
    """`engagement` from `ceremony_engagements(viewer)`: the caller has been through the door.
    `viewer` None is the system (demo, benchmark), which sees every attendee's name."""
    try:
        options = engagement.ceremony
    except Ceremony.DoesNotExist:
        options = Ceremony(engagement=engagement)
    day = timezone.localdate(engagement.starts_at)
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
        attendances=attendances_of(engagement, viewer),
        pairs=list(SeatingPair.objects.filter(engagement=engagement).order_by("pk")),
        forms=list(AddressForm.objects.all()),
    )
