"""Creating and editing visits; their status moves only through `lifecycle.move_visit`."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from visits.models import Visit, VisitGuest, VisitTransition
from visits.models.choices import (
    LIVE_ENGAGEMENT_STATUSES,
    DelegationRole,
    EngagementStatus,
    VisitStatus,
)
from visits.models.visits import visit_history
from visits.queries.door import may_see
from visits.services.attribution import attribute, authorize
from visits.services.calendars import tell_calendars_of
from visits.services.checklists import follow_visit_dates, follow_visit_kind, give_checklist
from visits.services.errors import RuleBroken
from visits.services.reminders import plan_visit_reminders

EDITABLE_FIELDS = (
    "kind",
    "confidentiality",
    "embargo_until",
    "occasion_fr",
    "occasion_en",
    "starts_on",
    "ends_on",
    "lead_officer",
    "request_channel",
    "requested_on",
    "notes",
)


VISIT_DELETION_REFUSAL = gettext_lazy(
    "A visit whose programme went beyond tentative, or holds a ceremony, is cancelled, not deleted."
)
# What an engagement's calendar entry shows of its visit, or who may see it.
SHOWN_ON_ENGAGEMENTS = ("occasion_fr", "occasion_en", "confidentiality", "embargo_until")


@transaction.atomic
def create_visit(
    *, by, delegation=None, hosts=(), followers=(), import_key=None, **fields
) -> Visit:
    """A new visit, requested. `delegation` is a list of (guest, role); `followers`, staff
    reminded of its whole programme. `import_key` marks a visit an import or the demo made, so
    that they can run again."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not a visit field: {', '.join(sorted(unknown))}")
    authorize(by, "visits.add_visit")
    visit = Visit(status=VisitStatus.REQUESTED, import_key=import_key, **fields)
    validate_visit(visit)
    if delegation is not None:
        check_delegation(delegation)
    # One history row, written once the hosts are set, rather than one per signal.
    attribute(visit, by, gettext_lazy("Created")).save_without_historical_record()
    visit.skip_history_when_saving = True
    visit.hosts.set(hosts)
    visit.followers.set(followers)
    del visit.skip_history_when_saving
    visit_history.create_historical_record(visit, "+")
    for position, (guest, role) in enumerate(delegation or ()):
        participant = VisitGuest(visit=visit, guest=guest, role=role, position=position)
        attribute(participant, by, gettext_lazy("Created")).save()
    VisitTransition.objects.create(visit=visit, to_status=visit.status, by=by)
    refuse_hiding_from(visit, by)
    give_checklist(visit)
    return visit


@transaction.atomic
def update_visit(
    visit: Visit, *, by, hosts=None, followers=None, precondition=None, **changes
) -> Visit:
    """Apply `changes` (and new hosts or followers, if given); `precondition(current)`, if
    given, runs once the visit is locked."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not a visit field (the status moves through move_visit): {unknown}")
    current = Visit.objects.select_for_update().get(pk=visit.pk)
    authorize(by, "visits.change_visit", current)
    if precondition is not None:
        precondition(current)
    changed = [name for name, value in changes.items() if getattr(current, name) != value]
    hosts_changed = hosts is not None and set(hosts) != set(current.hosts.all())
    followers_changed = followers is not None and set(followers) != set(current.followers.all())
    if not changed and not hosts_changed and not followers_changed:
        return current
    if followers_changed:  # who is reminded; not a version of the visit
        current.followers.set(followers)
        if not changed and not hosts_changed:
            plan_visit_reminders(current)
            return current
    was_kind = current.kind
    for name in changed:
        setattr(current, name, changes[name])
    validate_visit(current)
    refuse_stranded_programme(current)
    if set(changed) & set(SHOWN_ON_ENGAGEMENTS):
        # Calendars describe each engagement with its visit: they must fetch them again.
        lock_programme(current)
        tell_calendars_of(current.engagements.all())
    if hosts_changed:
        current.skip_history_when_saving = True
        current.hosts.set(hosts)
        del current.skip_history_when_saving
    attribute(current, by, gettext_lazy("Edited")).save()
    refuse_hiding_from(current, by)
    if "starts_on" in changed:
        follow_visit_dates(current)
    if "kind" in changed:
        follow_visit_kind(current, was_kind)
    if followers_changed or set(changed) & {"lead_officer", "confidentiality", "embargo_until"}:
        plan_visit_reminders(current)  # who is reminded, and who may see it, changed
    return current


@transaction.atomic
def delete_visit(visit: Visit, *, by, precondition=None) -> None:
    """Only a visit whose programme is all tentative (or empty) is deleted; any other is
    cancelled, so that calendars are told."""
    current = Visit.objects.select_for_update().get(pk=visit.pk)
    authorize(by, "visits.delete_visit", current)
    if precondition is not None:
        precondition(current)
    if not may_delete_visit(current):
        raise RuleBroken(str(VISIT_DELETION_REFUSAL))
    attribute(current, by, gettext_lazy("Deleted")).delete()


def may_delete_visit(visit: Visit) -> bool:
    """All tentative (or empty), and no honour's ceremony in it."""
    kept = ~Q(status=EngagementStatus.TENTATIVE) | Q(honours_conferred__isnull=False)
    return not visit.engagements.filter(kept).exists()


def principals(delegation) -> list:
    """The principal guests of `delegation`, a list of (guest, role), in its order."""
    return [guest for guest, role in delegation if role == DelegationRole.PRINCIPAL]


def check_delegation(delegation) -> None:
    """`delegation` is a list of (guest, role): at least one principal, each guest once. The
    one place this rule is written: the API, the admin and commands reach it through the
    services (create_visit, change_delegation)."""
    if not principals(delegation):
        raise RuleBroken({"delegation": [_("A visit needs at least one principal guest.")]})
    if len({guest.pk for guest, _role in delegation}) < len(delegation):
        raise RuleBroken({"delegation": [_("Each guest appears once in the delegation.")]})


def record_delegation_change(visit: Visit, by) -> None:
    """One history row for the visit once its delegation (guests and roles) has changed; its
    engagements' calendar entries name the guests, so their sequence moves too. The visit's
    `updated_at` moves, so its ETag (which covers the delegation) does."""
    now = timezone.now()
    Visit.objects.filter(pk=visit.pk).update(updated_at=now)
    visit.updated_at = now
    attribute(visit, by, gettext_lazy("Delegation changed"))
    visit_history.create_historical_record(visit, "~")
    lock_programme(visit)
    tell_calendars_of(visit.engagements.all())


def lock_programme(visit: Visit) -> None:
    """The visit's engagements, locked in one order (by pk) before they are all updated: other
    writers that lock several engagements (a renamed room, host or guest) use the same order."""
    list(visit.engagements.select_for_update().order_by("pk").values_list("pk", flat=True))


def refuse_hiding_from(visit: Visit, by) -> None:
    """A write may not hide the visit from the one who makes it (a confidential visit is seen
    by its lead officer and the cleared officers only): they would lose it."""
    if by is not None and not may_see(by, visit):
        message = _(
            "You could no longer see this visit: make yourself its lead officer, "
            "or ask an officer cleared for confidential visits."
        )
        raise RuleBroken({"confidentiality": [message]})


def refuse_stranded_programme(visit: Visit) -> None:
    """New dates keep every tentative or confirmed engagement on one of the visit's days."""
    first_day, last_day = visit.starts_on, visit.ends_on or visit.starts_on
    outside = [
        engagement
        for engagement in visit.engagements.filter(status__in=LIVE_ENGAGEMENT_STATUSES)
        if not first_day <= timezone.localdate(engagement.starts_at) <= last_day
    ]
    if outside:
        raise RuleBroken(
            {
                "starts_on": [
                    ngettext(
                        "%(count)d engagement of the programme would fall outside these days: "
                        "move or cancel it first.",
                        "%(count)d engagements of the programme would fall outside these days: "
                        "move or cancel them first.",
                        len(outside),
                    )
                    % {"count": len(outside)}
                ]
            }
        )


def validate_visit(visit: Visit) -> None:
    try:
        visit.full_clean(exclude=["reference", "status"], validate_unique=False)
    except ValidationError as error:
        raise RuleBroken(error.error_dict) from error
