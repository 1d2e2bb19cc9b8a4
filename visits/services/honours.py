"""Honorary citizenship, from proposal to the Conseil de Paris vote to the ceremony."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from visits.models import Engagement, Guest, HonoraryCitizenship
from visits.models.choices import EngagementKind, HonourStatus
from visits.queries.door import may_see
from visits.services.attribution import authorize
from visits.services.directory import refuse_unknown, validate_and_save
from visits.services.errors import RuleBroken, TransitionRefused

HONOUR_FIELDS = (
    "status",
    "voted_on",
    "voted_on_precision",
    "ceremony",
    "posthumous",
    "received_by_proxy",
    "proxy_name",
    "citation_fr",
    "citation_en",
    "notes",
)
# An honour only goes forward: a vote is not undone, a ceremony not unheld.
STEPS = [HonourStatus.PROPOSED, HonourStatus.VOTED, HonourStatus.CONFERRED]
FORWARD_ONLY = gettext_lazy("An honour only moves forward: proposed, voted, conferred.")
# Only a proposal is withdrawn: a vote of the Council stays in the record, and so does its honour.
DELETION_REFUSAL = gettext_lazy(
    "A voted or conferred honour stays in the record: only a proposal can be withdrawn."
)


def allowed_honour_statuses(current) -> list[str]:
    """The statuses an honour at `current` may take: its own and those ahead of it."""
    return STEPS[STEPS.index(current) :]


@transaction.atomic
def create_honour(*, by, honoree: Guest, **fields) -> HonoraryCitizenship:
    refuse_unknown(HonoraryCitizenship, fields, HONOUR_FIELDS)
    authorize(by, "visits.add_honorarycitizenship")
    refuse_hidden(by, honoree=honoree, ceremony=fields.get("ceremony"))
    honour = HonoraryCitizenship(honoree=honoree, **fields)
    check_ceremony(honour)
    validate_and_save(honour)
    return honour


@transaction.atomic
def update_honour(
    honour: HonoraryCitizenship, *, by, precondition=None, **changes
) -> HonoraryCitizenship:
    """Apply `changes`; `precondition(current)`, if given, runs once the row is locked."""
    refuse_unknown(HonoraryCitizenship, changes, HONOUR_FIELDS)
    authorize(by, "visits.change_honorarycitizenship")
    current = HonoraryCitizenship.objects.select_for_update().get(pk=honour.pk)
    if precondition is not None:
        precondition(current)
    refuse_hidden(by, honoree=current.honoree, ceremony=changes.get("ceremony"))
    # The caller read `null` for a ceremony hidden from them: sending it back changes nothing;
    # sending another is refused.
    hidden_ceremony = "ceremony" in changes and not may_see_ceremony(by, current)
    if hidden_ceremony and changes.pop("ceremony") is not None:
        raise RuleBroken({"ceremony": [_("This honour's ceremony is not one you may see.")]})
    if "status" in changes and changes["status"] not in allowed_honour_statuses(current.status):
        raise TransitionRefused({"status": [str(FORWARD_ONLY)]})
    changed = [name for name, value in changes.items() if getattr(current, name) != value]
    if not changed:
        return current
    for name in changed:
        setattr(current, name, changes[name])
    check_ceremony(current)
    validate_and_save(current)
    return current


@transaction.atomic
def delete_honour(honour: HonoraryCitizenship, *, by) -> None:
    """Withdraw a proposal; a voted or conferred honour is kept."""
    authorize(by, "visits.delete_honorarycitizenship")
    current = HonoraryCitizenship.objects.select_for_update().get(pk=honour.pk)
    refuse_hidden(by, honoree=current.honoree, ceremony=None)
    if not may_delete_honour(current):
        raise RuleBroken({"status": [str(DELETION_REFUSAL)]})
    current.delete()


def may_delete_honour(honour: HonoraryCitizenship) -> bool:
    return honour.status == HonourStatus.PROPOSED


def may_see_ceremony(by, honour) -> bool:
    if by is None or honour.ceremony_id is None:
        return True
    return may_see(by, Engagement(pk=honour.ceremony_id))


def check_ceremony(honour: HonoraryCitizenship) -> None:
    if honour.ceremony and honour.ceremony.kind != EngagementKind.HONORARY_CITIZENSHIP:
        raise RuleBroken({"ceremony": [_("Choose an honorary citizenship ceremony.")]})


def refuse_hidden(by, *, honoree, ceremony) -> None:
    if by is None:
        return
    if not may_see(by, honoree):
        raise PermissionDenied(f"{by} may not see guest {honoree.pk}")
    if ceremony and not may_see(by, ceremony):
        raise PermissionDenied(f"{by} may not see engagement {ceremony.pk}")
