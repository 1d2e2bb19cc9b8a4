"""The representatives named in replies, as attendees of the ceremony (issue 17): each a guest
of the registry (the one it already names so, accents and case aside, or recorded from the
reply: one person, one record), attending for the invitee in the capacity the reply gives, with
the office the invitee stands by, so the engine ranks them under D art. 13-14."""

from django.db.models import CharField, F, Func

from visits.folding import fold
from visits.models import Attendance, Guest, Invitation, OfficeHolding
from visits.models.ceremony_choices import Capacity
from visits.models.choices import GuestCategory
from visits.models.search import FOLD
from visits.queries.representation import (
    ranking_of,
    representations_sent,
    represented_office,
)
from visits.services.directory import validate_and_save


def representatives_to_add(engagement, present: set[int], *, by) -> list[Attendance]:
    """The attendances, unsaved, of the representatives accepted and not refused who are not
    `present` (guest keys, which this adds to). A name the registry holds twice is left to the
    office: which of the two comes is not the reply's to say."""
    replies = list(representations_sent(engagement).select_related("guest").order_by("pk"))
    if not replies:
        return []
    ranking = ranking_of(engagement)
    held = ranking.invitee_offices({invitation.guest_id for invitation in replies})
    added = []
    for invitation in replies:
        guest = registry_guest(invitation, by)
        if guest is None or guest.pk in present:
            continue
        invitee = invitation.guest
        code = represented_office(invitee.name, held[invitation.guest_id], ranking.lists)
        added.append(
            Attendance(
                engagement=engagement,
                guest=guest,
                capacity=invitation.representative_capacity or Capacity.REPRESENTS,
                represents=invitee,
                represents_office=ranking.offices.get(code),
            )
        )
        present.add(guest.pk)
    return added


def registry_guest(invitation: Invitation, by) -> Guest | None:
    """The representative in the registry: found by name, or recorded with their title and
    listed office; None when two guests the office may see bear the name, or when it must be
    recorded and the writer may not add guests."""
    name = invitation.representative_name
    guests = Guest.objects.all() if by is None else Guest.objects.visible_to(by)
    folded = Func(F("name"), function=FOLD, output_field=CharField())
    same = list(guests.annotate(folded_name=folded).filter(folded_name=fold(name))[:2])
    if len(same) == 1:
        return same[0]
    if same:
        return None
    if by is not None and not by.has_perm("visits.add_guest"):
        return None  # someone who may record guests adds them: the others are gathered
    guest = Guest(
        name=name,
        sort_name=name,
        title_fr=invitation.representative_title,
        category=GuestCategory.OTHER,
        language=invitation.guest.language,
    )
    validate_and_save(guest)
    if invitation.representative_office_id:
        OfficeHolding.objects.create(guest=guest, office_id=invitation.representative_office_id)
    return guest
