"""Creating and editing visits; their status moves only through `lifecycle.move_visit`."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from visits.models import Visit, VisitGuest, VisitTransition
from visits.models.choices import DelegationRole, VisitStatus
from visits.services.attribution import attribute
from visits.services.errors import RuleBroken

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


@transaction.atomic
def create_visit(*, by, delegation=None, hosts=(), import_key=None, **fields) -> Visit:
    """A new visit, requested. `delegation` is a list of (guest, role); the admin, whose
    inline form saves the delegation itself, passes none. `import_key` marks a visit an
    import or the demo made, so that they can run again."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not a visit field: {', '.join(sorted(unknown))}")
    visit = Visit(status=VisitStatus.REQUESTED, import_key=import_key, **fields)
    validate_visit(visit)
    if delegation is not None and not any(
        role == DelegationRole.PRINCIPAL for _guest, role in delegation
    ):
        raise RuleBroken({"guests": [_("A visit needs at least one principal guest.")]})
    attribute(visit, by, _("Created")).save()
    for position, (guest, role) in enumerate(delegation or ()):
        VisitGuest.objects.create(visit=visit, guest=guest, role=role, position=position)
    visit.hosts.set(hosts)
    VisitTransition.objects.create(visit=visit, to_status=visit.status, by=by)
    return visit


@transaction.atomic
def update_visit(visit: Visit, *, by, hosts=None, **changes) -> Visit:
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not a visit field (the status moves through move_visit): {unknown}")
    current = Visit.objects.select_for_update().get(pk=visit.pk)
    for name, value in changes.items():
        setattr(current, name, value)
    validate_visit(current)
    attribute(current, by, _("Edited")).save()
    if hosts is not None:
        current.hosts.set(hosts)
    return current


def validate_visit(visit: Visit) -> None:
    try:
        visit.full_clean(exclude=["reference", "status"], validate_unique=False)
    except ValidationError as error:
        raise RuleBroken(error.error_dict) from error
