"""Writing the agreements with partner cities (issue 18): the agreement, its signatories and the
visits under it, the actions under it, its texts (PDFs, through visits.uploads), and the
reminders before its renewal
date: rows to each member of the protocol office (DESIGN.md, decision 4), planned again when
the date or the status moves; a row whose agreement no longer needs it is not sent."""

import uuid
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from visits.models import (
    Agreement,
    AgreementAction,
    AgreementText,
    Guest,
    Reminder,
    ReminderKind,
    Visit,
)
from visits.models.agreements import AgreementStatus
from visits.models.reminders import ReminderStatus
from visits.roles import PROTOCOL_OFFICE
from visits.services.attribution import authorize
from visits.services.directory import beside_fields, refuse_unknown, validate_and_save
from visits.services.errors import RuleBroken
from visits.uploads import clean_pdf

AGREEMENT_FIELDS = (
    "partner_city_fr",
    "partner_city_en",
    "country",
    "latitude",
    "longitude",
    "kind",
    "signed_on",
    "signed_on_precision",
    "signed_at",
    "signatories_text",
    "term_years",
    "renewal_on",
    "status",
    "summary_fr",
    "summary_en",
    "source",
    "published",
)
ACTION_FIELDS = (
    "theme",
    "title_fr",
    "title_en",
    "description_fr",
    "description_en",
    "started_on",
    "started_on_precision",
    "ended_on",
    "published",
)
RENEWAL_NOTICE = timedelta(days=90)  # a renewal is prepared with the partner months ahead
NOTICE_HOUR = time(9, 0)


@transaction.atomic
def create_agreement(*, by, signatory_hosts=(), signatory_guests=(), visits=(), **fields):
    refuse_unknown(Agreement, fields, AGREEMENT_FIELDS)
    authorize(by, "visits.add_agreement")
    agreement = Agreement(**fields)
    validate_and_save(agreement)
    link(agreement, by, signatory_hosts, signatory_guests, visits)
    plan_renewal(agreement)
    return agreement


@transaction.atomic
def update_agreement(
    agreement, *, by, signatory_hosts=None, signatory_guests=None, visits=None, **changes
):
    refuse_unknown(Agreement, changes, AGREEMENT_FIELDS)
    authorize(by, "visits.change_agreement")
    current = locked_and_changed(agreement, changes)
    link(current, by, signatory_hosts, signatory_guests, visits)
    if {"renewal_on", "status"} & set(changes):
        plan_renewal(current)
    return current


def locked_and_changed(record, changes: dict):
    """The record's row, locked, with `changes` written and checked."""
    current = type(record).objects.select_for_update().get(pk=record.pk)
    for name, value in changes.items():
        setattr(current, name, value)
    validate_and_save(current)
    return current


def link(agreement, by, hosts, guests, visits) -> None:
    """The signatories and the visits, each one the writer may see (None: left as they are);
    the links to those hidden from the writer, which their form does not show, are kept."""
    if hosts is not None:
        agreement.signatory_hosts.set(hosts)
    if guests is not None:
        kept = hidden_from(agreement.signatory_guests, Guest, by)
        agreement.signatory_guests.set([*seen(Guest, guests, by, "signatory_guests"), *kept])
    if visits is not None:
        kept = hidden_from(agreement.visits, Visit, by)
        agreement.visits.set([*seen(Visit, visits, by, "visits"), *kept])


def hidden_from(linked, model, by) -> list:
    if by is None or linked.instance.pk is None:
        return []
    return list(linked.exclude(pk__in=model.objects.visible_to(by).values("pk")))


def seen(model, records, by, field: str) -> list:
    keys = {record.pk for record in records}
    rows = model.objects.all() if by is None else model.objects.visible_to(by)
    found = list(rows.filter(pk__in=keys))
    if len(found) != len(keys):
        raise RuleBroken({field: [_("Choose among those you may see.")]})
    return found


@transaction.atomic
def add_action(agreement, *, by, **fields) -> AgreementAction:
    """An action under the agreement: part of the agreement, written by who may change it."""
    refuse_unknown(AgreementAction, fields, ACTION_FIELDS)
    authorize(by, "visits.change_agreement")
    action = AgreementAction(agreement=agreement, **fields)
    validate_and_save(action)
    return action


@transaction.atomic
def change_action(action, *, by, **changes) -> AgreementAction:
    refuse_unknown(AgreementAction, changes, ACTION_FIELDS)
    authorize(by, "visits.change_agreement")
    return locked_and_changed(action, changes)


@transaction.atomic
def remove_action(action, *, by) -> None:
    authorize(by, "visits.change_agreement")
    action.delete()


@transaction.atomic
def add_text(agreement, *, by, language: str, upload) -> AgreementText:
    """The agreement's text in `language`: a PDF that runs nothing (visits.uploads)."""
    authorize(by, "visits.change_agreement")
    text = AgreementText(agreement=agreement, language=(language or "").strip().lower())
    try:
        text.full_clean(exclude=["document"])
    except ValidationError as error:
        raise RuleBroken(beside_fields(text, error)) from error
    try:
        document = clean_pdf(upload, name=uuid.uuid4().hex)
    except ValidationError as error:
        raise RuleBroken({"document": error.messages}) from error
    text.document.save(document.name, document, save=False)
    validate_and_save(text)
    return text


@transaction.atomic
def remove_text(text, *, by) -> None:
    authorize(by, "visits.change_agreement")
    name, storage = text.document.name, text.document.storage
    text.delete()
    transaction.on_commit(lambda: storage.delete(name))


def office_members():
    users = get_user_model().objects.filter(is_active=True, groups__name=PROTOCOL_OFFICE)
    return users.distinct().order_by("pk")


def plan_renewal(agreement, now=None) -> int:
    """The reminders of the agreement's renewal, planned anew: those not sent yet go; for an
    agreement in force with a date, one to each member of the office, 90 days before it at
    nine (or now, when that has passed, until the day itself). Returns how many are planned."""
    now = now or timezone.now()
    waiting = Reminder.objects.filter(
        kind=ReminderKind.RENEWAL,
        status=ReminderStatus.PENDING,
        details__agreement=agreement.pk,
    )
    waiting.delete()
    if agreement.status != AgreementStatus.IN_FORCE or agreement.renewal_on is None:
        return 0
    if agreement.renewal_on < timezone.localdate(now):
        return 0
    zone = timezone.get_default_timezone()
    due = datetime.combine(agreement.renewal_on - RENEWAL_NOTICE, NOTICE_HOUR, zone)
    day = agreement.renewal_on.isoformat()
    rows = [
        Reminder(
            key=f"renewal:{agreement.pk}:{day}:{user.pk}",
            kind=ReminderKind.RENEWAL,
            recipient=user,
            due_at=max(due, now),
            details={"agreement": agreement.pk, "renewal_on": day},
        )
        for user in office_members()
    ]
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)  # sent already: not again
    return len(rows)
