"""Writing the Golden Book (issue 18): a signature at an engagement the writer may see, by
guests they may see, with the scanned page drawn again through visits.uploads. Everything is
checked before a file is written, so a refused signature leaves none; the files of a scan
replaced or removed are deleted once the change is committed, never before."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from visits.models import Engagement, GoldenBookSignature, Guest
from visits.services.attribution import authorize
from visits.services.directory import beside_fields, refuse_unknown, validate_and_save
from visits.services.errors import RuleBroken
from visits.services.stored_images import store_image

SIGNATURE_FIELDS = (
    "signed_on",
    "text",
    "language",
    "translation_fr",
    "translation_en",
    "scan_alt_fr",
    "scan_alt_en",
    "published",
)


@transaction.atomic
def record_signature(*, by, engagement, signers, scan=None, **fields) -> GoldenBookSignature:
    """A new signature; `signed_on` is the engagement's day unless given."""
    refuse_unknown(GoldenBookSignature, fields, SIGNATURE_FIELDS)
    authorize(by, "visits.add_goldenbooksignature")
    refuse_unseen_engagement(engagement, by)
    fields.setdefault("signed_on", timezone.localdate(engagement.starts_at))
    signature = GoldenBookSignature(engagement=engagement, **fields)
    who = seen_signers(signers, by)
    check_before_files(signature, scan)
    if scan:
        attach_scan(signature, scan)
    validate_and_save(signature)
    signature.signers.set(who)
    return signature


@transaction.atomic
def change_signature(
    signature, *, by, signers=None, scan=None, remove_scan=False, **changes
) -> GoldenBookSignature:
    """`scan`: a new page replaces the old; `remove_scan`: none is kept."""
    refuse_unknown(GoldenBookSignature, changes, SIGNATURE_FIELDS)
    authorize(by, "visits.change_goldenbooksignature")
    signatures = GoldenBookSignature.objects
    visible = signatures.all() if by is None else signatures.visible_to(by)
    current = visible.select_for_update(of=("self",)).filter(pk=signature.pk).first()
    if current is None:
        raise PermissionDenied(f"{by} may not see signature {signature.pk}")
    for name, value in changes.items():
        setattr(current, name, value)
    old_files = [f.name for f in (current.scan, current.thumbnail) if f]
    if remove_scan:
        current.scan, current.thumbnail = None, None
    who = seen_signers(signers, by) if signers is not None else None
    check_before_files(current, scan)
    if scan:
        attach_scan(current, scan)
    validate_and_save(current)
    if who is not None:
        current.signers.set(who)
    if scan or remove_scan:
        storage = GoldenBookSignature.scan.field.storage
        transaction.on_commit(lambda: [storage.delete(name) for name in old_files])
    return current


def refuse_unseen_engagement(engagement, by) -> None:
    """`by` None is the system (the demo, an import), which sees everything."""
    if by is not None and not Engagement.objects.visible_to(by).filter(pk=engagement.pk).exists():
        raise RuleBroken({"engagement": [_("Choose an engagement you may see.")]})


def seen_signers(signers, by) -> list[Guest]:
    keys = {guest.pk for guest in signers}
    guests = Guest.objects.all() if by is None else Guest.objects.visible_to(by)
    seen = list(guests.filter(pk__in=keys))
    if not keys or len(seen) != len(keys):
        raise RuleBroken({"signers": [_("Name who signed, among the guests you may see.")]})
    return seen


def check_before_files(signature, scan) -> None:
    """The row's own rules, before any file is written: a refused signature leaves none."""
    try:
        signature.full_clean(exclude=["scan", "thumbnail", "scan_width", "scan_height"])
    except ValidationError as error:
        raise RuleBroken(beside_fields(signature, error)) from error
    described = signature.scan_alt_fr and signature.scan_alt_en
    if (scan or signature.scan) and not described:
        refused = _(
            "Describe the scanned page in French and English: it is read out to those who "
            "cannot see it."
        )
        raise RuleBroken({"scan_alt_fr": [refused]})


def attach_scan(signature, upload) -> None:
    store_image(signature, upload, image="scan", thumbnail="thumbnail")
