"""Writing the register of gifts (issue 18): a gift given or received, its photos (through
visits.uploads), and its declaration: a gift received by an elected official worth the office's
threshold or more puts a task on its visit's checklist (whose reminders the existing machinery
plans, DESIGN.md decision 4), ticked off once the gift is declared."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from visits.models import Gift, GiftPhoto, GiftRegisterOptions, Guest, Visit
from visits.services.attribution import authorize
from visits.services.checklist_tasks import add_task, delete_task, update_task
from visits.services.directory import refuse_unknown, validate_and_save
from visits.services.errors import RuleBroken
from visits.services.stored_images import store_image

GIFT_FIELDS = (
    "direction",
    "guest",
    "host",
    "visit",
    "engagement",
    "given_on",
    "description_fr",
    "description_en",
    "estimated_value",
    "currency",
    "value_in_euros",
    "value_basis",
    "whereabouts",
    "room",
    "whereabouts_detail",
    "holder",
    "declared_on",
    "published",
)
DECLARE_WITHIN = timedelta(days=30)  # the task's deadline, from the day it was received


@transaction.atomic
def record_gift(*, by, **fields) -> Gift:
    refuse_unknown(Gift, fields, GIFT_FIELDS)
    authorize(by, "visits.add_gift")
    gift = Gift(**fields)
    check_links(gift, by)
    validate_and_save(gift)
    follow_declaration(gift, by)
    return gift


@transaction.atomic
def update_gift(gift, *, by, precondition=None, **changes) -> Gift:
    refuse_unknown(Gift, changes, GIFT_FIELDS)
    authorize(by, "visits.change_gift")
    gifts = Gift.objects if by is None else Gift.objects.visible_to(by)
    current = gifts.select_for_update(of=("self",)).filter(pk=gift.pk).first()
    if current is None:
        raise RuleBroken({"guest": [_("Choose among those you may see.")]})
    if precondition is not None:
        precondition(current)
    for name, value in changes.items():
        setattr(current, name, value)
    check_links(current, by)
    validate_and_save(current)
    follow_declaration(current, by)
    return current


def check_links(gift, by) -> None:
    """The guest and the visit are ones the writer may see (`by` None: the system)."""
    if by is None:
        return
    if gift.guest_id and not Guest.objects.visible_to(by).filter(pk=gift.guest_id).exists():
        raise RuleBroken({"guest": [_("Choose among those you may see.")]})
    if gift.visit_id and not Visit.objects.visible_to(by).filter(pk=gift.visit_id).exists():
        raise RuleBroken({"visit": [_("Choose among those you may see.")]})


def follow_declaration(gift, by) -> None:
    """A gift to declare gets its task on the visit's checklist, once; declared, it is done.
    An open task follows the gift: it goes when the gift no longer needs declaring (its
    official, direction or value changed), and is made again when the gift moves to another
    visit or its official, day or description change (its title and deadline say them)."""
    threshold = GiftRegisterOptions.current().declaration_threshold
    task = gift.declaration_task
    if gift.declared_on is not None:
        if task is not None and task.done_at is None:
            update_task(task, by=by, done_at=timezone.now())
        return
    needed = gift.visit_id is not None and gift.to_declare(threshold)
    wanted = declaration_task_fields(gift) if needed else None
    if task is not None and task.done_at is None and not says(task, gift, wanted):
        # The system made the task for the gift: it goes with the need, and its reminders too,
        # whoever changed the gift.
        delete_task(task, by=None)
        gift.declaration_task = task = None
    if task is not None or not needed:
        return
    task = add_task(gift.visit, by=by, assignee=gift.visit.lead_officer, **wanted)
    Gift.objects.filter(pk=gift.pk).update(declaration_task=task)
    gift.declaration_task = task


def declaration_task_fields(gift) -> dict:
    """The task's titles, naming the official and the gift, and its deadline: 30 days after."""
    due = gift.given_on + DECLARE_WITHIN
    fields = {"days_from_visit": (due - gift.visit.starts_on).days}
    for language in ("fr", "en"):
        with override(language):
            text = _("Declare the gift received by %(host)s to the ethics officer: %(gift)s")
            fields[f"title_{language}"] = (
                text % {"host": gift.host.name, "gift": gift.description}
            )[:200]
    return fields


def says(task, gift, wanted: dict | None) -> bool:
    """Whether the open task is the one the gift wants (None: the gift wants none)."""
    if wanted is None or task.visit_id != gift.visit_id:
        return False
    due = gift.given_on + DECLARE_WITHIN
    return (task.title_fr, task.title_en, task.due_on) == (
        wanted["title_fr"],
        wanted["title_en"],
        due,
    )


@transaction.atomic
def add_photo(gift, *, by, upload, alt_fr: str, alt_en: str) -> GiftPhoto:
    authorize(by, "visits.change_gift")
    refuse_unseen(gift, by)
    photo = GiftPhoto(gift=gift, alt_fr=(alt_fr or "").strip(), alt_en=(alt_en or "").strip())
    try:
        photo.full_clean(exclude=["image", "thumbnail"])
    except ValidationError as error:
        raise RuleBroken(error.message_dict) from error
    store_image(photo, upload, image="image", thumbnail="thumbnail")
    validate_and_save(photo)
    return photo


@transaction.atomic
def remove_photo(photo, *, by) -> None:
    authorize(by, "visits.change_gift")
    refuse_unseen(photo.gift, by)
    names, storage = [photo.image.name, photo.thumbnail.name], photo.image.storage
    photo.delete()
    transaction.on_commit(lambda: [storage.delete(name) for name in names])


def refuse_unseen(gift, by) -> None:
    if by is not None and not Gift.objects.visible_to(by).filter(pk=gift.pk).exists():
        raise PermissionDenied(f"{by} may not see gift {gift.pk}")
