"""The office's writes to a ceremony: its options, who attends and in what capacity, the
seating rules. Each locks the engagement's Ceremony row first, runs the caller's precondition
(the API's If-Match) on it, writes, and moves its revision, which is the ceremony's ETag."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from visits.models import Attendance, Ceremony, Engagement, Invitation, SeatingPair
from visits.models.ceremony_choices import AttendanceRole
from visits.models.choices import DelegationRole, GuestKind
from visits.models.invitations import ReplyState
from visits.queries.door import may_see
from visits.services.attribution import authorize
from visits.services.directory import refuse_unknown, validate_and_save
from visits.services.errors import RuleBroken
from visits.services.representatives import representatives_to_add

OPTION_FIELDS = (
    "precedence_list",
    "ranked_on",
    "ordered_by_government",
    "with_european_flag",
    "layout",
    "tables",
    "seats_per_table",
    "central_aisle",
    "civil_military_sides",
    "alternate_sexes",
    "keep_spouses_apart",
)
ATTENDANCE_FIELDS = (
    "role",
    "capacity",
    "represents",
    "represents_office",
    "place_after",
    "place_after_reason",
    "inviting",
    "speaks",
    "pinned",
)
CHANGE = "visits.change_ceremony"


def locked_ceremony(engagement: Engagement, by, precondition=None) -> Ceremony:
    """The engagement's Ceremony row, created on first write, locked for this transaction."""
    authorize(by, CHANGE, engagement.visit)
    Ceremony.objects.get_or_create(engagement=engagement)
    current = Ceremony.objects.select_for_update().get(engagement=engagement)
    if precondition is not None:
        precondition(current)
    engagement.ceremony = current  # so a read after the write sees it, not a stale copy
    return current


def moved_on(ceremony: Ceremony) -> Ceremony:
    ceremony.revision += 1
    ceremony.save(update_fields=["revision", "updated_at"])
    return ceremony


@transaction.atomic
def change_options(engagement: Engagement, *, by, precondition=None, **changes) -> Ceremony:
    refuse_unknown(Ceremony, changes, OPTION_FIELDS)
    ceremony = locked_ceremony(engagement, by, precondition)
    for name, value in changes.items():
        setattr(ceremony, name, value)
    validate_and_save(ceremony)
    return moved_on(ceremony)


@transaction.atomic
def add_attendee(engagement: Engagement, guest, *, by, precondition=None, **fields) -> Attendance:
    refuse_unknown(Attendance, fields, ATTENDANCE_FIELDS)
    ceremony = locked_ceremony(engagement, by, precondition)
    for person in (guest, fields.get("represents")):
        if by is not None and person is not None and not may_see(by, person):
            raise PermissionDenied(f"{by} may not see guest {person.pk}")
    if Attendance.objects.filter(engagement=engagement, guest=guest).exists():
        raise RuleBroken({"guest": [_("%(name)s already attends.") % {"name": guest.name}]})
    attendance = Attendance(engagement=engagement, guest=guest, **fields)
    validate_and_save(attendance)
    moved_on(ceremony)
    return attendance


@transaction.atomic
def change_attendee(attendance: Attendance, *, by, precondition=None, **changes) -> Attendance:
    refuse_unknown(Attendance, changes, ATTENDANCE_FIELDS)
    ceremony = locked_ceremony(attendance.engagement, by, precondition)
    current = Attendance.objects.get(pk=attendance.pk)
    for name, value in changes.items():
        setattr(current, name, value)
    validate_and_save(current)
    moved_on(ceremony)
    return current


@transaction.atomic
def remove_attendee(attendance: Attendance, *, by, precondition=None) -> None:
    ceremony = locked_ceremony(attendance.engagement, by, precondition)
    Attendance.objects.filter(pk=attendance.pk).delete()
    moved_on(ceremony)


@transaction.atomic
def gather_attendance(engagement: Engagement, *, by, precondition=None) -> list[Attendance]:
    """Adds whoever the programme already names and is missing: the visit's delegation (its
    principal guests as guests of honour) and the engagement's hosts who are in the registry,
    the first of them as head of the inviting body, who speaks; then the invitees who accepted
    to come in person, as authorities, and the representatives of those who send one, for
    them (visits.services.representatives)."""
    ceremony = locked_ceremony(engagement, by, precondition)
    present = set(Attendance.objects.filter(engagement=engagement).values_list("guest", flat=True))
    added = []
    hosts = [h for h in engagement.hosts.order_by("precedence", "name") if h.person_id]
    inviting = not Attendance.objects.filter(engagement=engagement, inviting=True).exists()
    for host in hosts:
        if host.person_id not in present:
            added.append(
                Attendance(
                    engagement=engagement,
                    guest_id=host.person_id,
                    role=AttendanceRole.HOST,
                    inviting=inviting,
                    speaks=inviting,
                )
            )
            present.add(host.person_id)
            inviting = False
    delegation = engagement.visit.participants.select_related("guest").order_by("position", "pk")
    for member in delegation:
        if member.guest_id in present or member.guest.kind != GuestKind.PERSON:
            continue
        principal = member.role == DelegationRole.PRINCIPAL
        added.append(
            Attendance(
                engagement=engagement,
                guest_id=member.guest_id,
                role=AttendanceRole.GUEST_OF_HONOUR if principal else AttendanceRole.DELEGATION,
                speaks=principal,
            )
        )
        present.add(member.guest_id)
    # Those who accepted an invitation in person, then those who send a representative.
    accepted = Invitation.objects.filter(
        engagement=engagement, state=ReplyState.ACCEPTED, represented=False
    ).select_related("guest")
    for invitation in accepted.order_by("pk"):
        if invitation.guest_id in present or invitation.guest.kind != GuestKind.PERSON:
            continue
        added.append(Attendance(engagement=engagement, guest_id=invitation.guest_id))
        present.add(invitation.guest_id)
    added.extend(representatives_to_add(engagement, present, by=by))
    Attendance.objects.bulk_create(added)
    if added:
        moved_on(ceremony)
    return added


@transaction.atomic
def keep_places(
    engagement: Engagement, places: dict[int, tuple[int, int] | None], *, by, precondition=None
) -> Ceremony:
    """Stores each attendee's place (attendance pk -> (table, place), or None to unseat):
    the proposal the office accepts, or a swap. Two attendees never share a place."""
    ceremony = locked_ceremony(engagement, by, precondition)
    rows = Attendance.objects.filter(engagement=engagement, pk__in=list(places))
    found = {row.pk: row for row in rows}
    if set(found) != set(places):
        raise RuleBroken({"places": [_("Each place must be given to one of its attendees.")]})
    taken = [place for place in places.values() if place is not None]
    if len(taken) != len(set(taken)):
        raise RuleBroken({"places": [_("Two attendees cannot share a place.")]})
    others = Attendance.objects.filter(engagement=engagement, table__isnull=False).exclude(
        pk__in=list(places)
    )
    for other in others:
        if (other.table, other.seat) in taken:
            # Not named: the caller may not be one who may see that attendee's name.
            message = _("Table %(table)s, place %(place)s is another attendee's: move them too.")
            raise RuleBroken({"places": [message % {"table": other.table, "place": other.seat}]})
    # Free the places first, so that an exchange does not meet itself in the unique index.
    Attendance.objects.filter(pk__in=list(places)).update(table=None, seat=None)
    for pk, place in places.items():
        row = found[pk]
        row.table, row.seat = place if place is not None else (None, None)
    Attendance.objects.bulk_update(found.values(), ["table", "seat"])
    return moved_on(ceremony)


@transaction.atomic
def add_pair(
    engagement, first: Attendance, second: Attendance, rule: str, *, by, precondition=None
) -> SeatingPair:
    ceremony = locked_ceremony(engagement, by, precondition)
    if {first.engagement_id, second.engagement_id} != {engagement.pk}:
        raise RuleBroken({"second": [_("Both must attend this engagement.")]})
    twice = Q(first=first, second=second) | Q(first=second, second=first)
    if SeatingPair.objects.filter(twice).exists():
        raise RuleBroken({"second": [_("These two already have a seating rule.")]})
    pair = SeatingPair(engagement=engagement, first=first, second=second, rule=rule)
    validate_and_save(pair)
    moved_on(ceremony)
    return pair


@transaction.atomic
def remove_pair(pair: SeatingPair, *, by, precondition=None) -> None:
    ceremony = locked_ceremony(pair.engagement, by, precondition)
    SeatingPair.objects.filter(pk=pair.pk).delete()
    moved_on(ceremony)
