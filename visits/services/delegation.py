"""Who comes with a visit: its principal guests and delegation, in order of precedence."""

from django.db import transaction
from django.utils.translation import gettext_lazy

from visits.models import Visit, VisitGuest
from visits.services.attribution import attribute, authorize
from visits.services.conflicts import refuse_delegation_conflicts
from visits.services.visits import (
    check_delegation,
    lock_programme,
    principals,
    record_delegation_change,
)


@transaction.atomic
def change_delegation(visit: Visit, *, by, delegation, precondition=None) -> Visit:
    """Make the visit's delegation `delegation`, a list of (guest, role) in order.

    A guest who stays keeps their row (and its history); a guest who becomes principal must be
    free whenever the live programme runs. Nothing changes if anything is refused.
    `precondition(current)`, if given, runs once the visit is locked."""
    current = Visit.objects.select_for_update().get(pk=visit.pk)
    # The lock order is visit, engagement, room, hosts, guests: its engagements (whose
    # sequence moves) before the guests the conflict check locks.
    lock_programme(current)
    authorize(by, "visits.change_visit", current)
    if precondition is not None:
        precondition(current)
    check_delegation(delegation)
    # The visit's lock guards its delegation rows too.
    rows = {row.guest_id: row for row in current.participants.all()}
    newly_principal = [
        guest
        for guest in principals(delegation)
        if guest.pk not in rows or not rows[guest.pk].is_principal
    ]
    if newly_principal:
        refuse_delegation_conflicts(current, newly_principal, by)
    kept = {guest.pk for guest, _role in delegation}
    changed = False
    for guest_id, row in rows.items():
        if guest_id not in kept:
            attribute(row, by, gettext_lazy("Removed from the delegation")).delete()
            changed = True
    for position, (guest, role) in enumerate(delegation):
        row = rows.get(guest.pk)
        if row is None:
            row = VisitGuest(visit=current, guest=guest, role=role, position=position)
            attribute(row, by, gettext_lazy("Added to the delegation")).save()
        elif (row.role, row.position) != (role, position):
            row.role, row.position = role, position
            attribute(row, by, gettext_lazy("Edited")).save()
        else:
            continue
        changed = True
    if changed:
        record_delegation_change(current, by)
    return current
