"""What a ceremony is made of, read through the door in a fixed number of queries whatever the
number of attendees: the engagement, its options, its list, the attendees with their offices,
the seating rules and the forms-of-address table."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from visits.models import (
    AddressForm,
    Attendance,
    Ceremony,
    Engagement,
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


def attendances_of(engagement) -> list[Attendance]:
    holdings = OfficeHolding.objects.select_related("office").order_by("pk")
    return list(
        Attendance.objects.filter(engagement=engagement)
        .select_related("guest", "represents", "represents_office")
        .prefetch_related(Prefetch("guest__holdings", holdings, to_attr="held"))
        .order_by("pk")
    )


def ceremony_rows(engagement: Engagement) -> CeremonyRows:
    """`engagement` from `ceremony_engagements`: the caller has been through the door."""
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
        attendances=attendances_of(engagement),
        pairs=list(SeatingPair.objects.filter(engagement=engagement).order_by("pk")),
        forms=list(AddressForm.objects.all()),
    )
