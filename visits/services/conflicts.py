"""No two live engagements share a room (with its turnover), a host or a principal guest.

Safe under concurrency (DESIGN.md, decision 3): the room, host and guest rows are locked with
`select_for_update` before the overlap is looked for, always in the same order (room, then
hosts, then guests, each by primary key) so that two bookings wait for each other instead of
deadlocking. The second of two simultaneous bookings of one slot then sees the first.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.formats import time_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from visits.dates import date_format
from visits.models import Engagement, Guest, Host, Venue
from visits.models.choices import LIVE_ENGAGEMENT_STATUSES, GrammaticalGender
from visits.models.visits import principal_participations
from visits.queries.clashes import (
    keeps_the_room,
    live_engagements,
    live_overlapping,
    with_host,
    with_principal_guest,
)
from visits.queries.door import may_see
from visits.services.errors import Conflict


@dataclass
class Booking:
    """What an engagement would hold: a slot, a room, hosts and the visit's principal guests."""

    starts_at: datetime
    ends_at: datetime
    visit_id: int | None = None
    venue: Venue | None = None
    hosts: list[Host] = field(default_factory=list)
    guests: list[Guest] = field(default_factory=list)
    exclude_pk: int | tuple[int, ...] | None = None  # a tuple: a programme moving together

    @classmethod
    def of(cls, engagement: Engagement, hosts) -> "Booking":
        return cls(
            starts_at=engagement.starts_at,
            ends_at=engagement.ends_at,
            visit_id=engagement.visit_id,
            venue=engagement.venue,
            hosts=sorted(hosts, key=lambda host: host.pk),
            guests=principal_guests(engagement.visit_id),
            exclude_pk=engagement.pk,
        )


def principal_guests(visit_id) -> list[Guest]:
    participations = principal_participations().filter(visit_id=visit_id)
    return list(Guest.objects.filter(participations__in=participations).order_by("pk"))


def lock_resources(booking: Booking) -> Venue | None:
    """Wait for every other transaction booking the same room, host or guest to finish;
    return the room as it is now."""
    venue = None
    if booking.venue is not None:
        venue = Venue.objects.select_for_update().get(pk=booking.venue.pk)
    host_ids = [host.pk for host in booking.hosts]
    list(Host.objects.select_for_update().filter(pk__in=host_ids).order_by("pk"))
    guest_ids = [guest.pk for guest in booking.guests]
    list(Guest.objects.select_for_update().filter(pk__in=guest_ids).order_by("pk"))
    return venue


def refuse_conflicts(booking: Booking, viewer) -> None:
    """Lock, look for clashes and raise Conflict naming each one the viewer may see."""
    venue = lock_resources(booking)
    errors: dict[str, list[str]] = {}
    if venue is not None:
        # The room is reset between two visits; one visit's items may follow each other.
        taken = keeps_the_room(venue, booking.starts_at, booking.ends_at, booking.visit_id)
        clash = live_engagements(booking.exclude_pk).filter(taken).select_related("visit").first()
        if clash:
            errors["venue"] = [room_taken(clash, venue, viewer)]
    overlapping = live_overlapping(
        booking.starts_at, booking.ends_at, booking.exclude_pk
    ).select_related("visit")
    for host in booking.hosts:
        clash = overlapping.filter(with_host(host)).first()
        if clash:
            errors.setdefault("hosts", []).append(person_busy(clash, host, viewer))
    for guest in booking.guests:
        clash = overlapping.filter(with_principal_guest(guest)).first()
        if clash:
            errors.setdefault(NON_FIELD_ERRORS, []).append(person_busy(clash, guest, viewer))
    if errors:
        raise Conflict(errors)


def refuse_delegation_conflicts(visit, principals, viewer) -> None:
    """New principal guests must be free whenever the visit's live programme runs: each live
    engagement is checked as a booking of those guests alone. The visit is locked by the
    caller."""
    messages = []
    for engagement in visit.engagements.filter(status__in=LIVE_ENGAGEMENT_STATUSES):
        booking = Booking(
            engagement.starts_at,
            engagement.ends_at,
            visit_id=visit.pk,
            guests=sorted(principals, key=lambda guest: guest.pk),
            exclude_pk=engagement.pk,
        )
        try:
            refuse_conflicts(booking, viewer)
        except Conflict as refusal:
            messages += refusal.messages
    if messages:
        raise Conflict({NON_FIELD_ERRORS: messages})


def slot_text(engagement: Engagement) -> str:
    start, end = localtime(engagement.starts_at), localtime(engagement.ends_at)
    return _("%(day)s, %(start)s–%(end)s") % {
        "day": date_format(start, "DATE_FORMAT"),
        "start": time_format(start, "H:i"),
        "end": time_format(end, "H:i"),
    }


def is_feminine(named) -> bool:
    """French agrees with the grammatical gender of the guest, host or room a message names
    ("Amalia est attendue", "le Salon Bertrand est pris"); unknown takes the masculine."""
    return getattr(named, "gender", "") == GrammaticalGender.FEMININE


def room_taken(clash: Engagement, venue: Venue, viewer) -> str:
    if not may_see(viewer, clash):
        return _("The room is taken at this time.")
    if is_feminine(venue):
        message = pgettext(
            "feminine",
            "%(venue)s is taken by “%(engagement)s” (%(reference)s), %(slot)s, and needs "
            "%(minutes)s minutes to be reset between two engagements.",
        )
    else:
        message = pgettext(
            "masculine",
            "%(venue)s is taken by “%(engagement)s” (%(reference)s), %(slot)s, and needs "
            "%(minutes)s minutes to be reset between two engagements.",
        )
    return message % {
        "venue": venue.name,
        "engagement": clash.title,
        "reference": clash.visit.reference,
        "slot": slot_text(clash),
        "minutes": venue.turnover_minutes,
    }


def person_busy(clash: Engagement, person, viewer) -> str:
    name = person.name
    if not may_see(viewer, clash):
        return _("%(name)s is not available at this time.") % {"name": name}
    if is_feminine(person):
        message = pgettext(
            "feminine",
            "%(name)s is already expected at “%(engagement)s” (%(reference)s), %(slot)s.",
        )
    else:
        message = pgettext(
            "masculine",
            "%(name)s is already expected at “%(engagement)s” (%(reference)s), %(slot)s.",
        )
    return message % {
        "name": name,
        "engagement": clash.title,
        "reference": clash.visit.reference,
        "slot": slot_text(clash),
    }
