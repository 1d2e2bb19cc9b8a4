"""The message a reminder sends: in its recipient's language and the office's time zone, as
plain text and HTML (templates/emails/), with the engagement attached as an .ics file."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from calendar_feeds.ical import engagement_calendar
from visits.models import Engagement, Reminder, ReminderKind, StaffProfile, Visit

SUBJECTS = {
    ReminderKind.ENGAGEMENT: lambda c: _("Reminder: %(title)s, %(when)s") % c,
    ReminderKind.CHANGED: lambda c: _("Changed: %(title)s, now %(when)s") % c,
    ReminderKind.CANCELLED: lambda c: _("Cancelled: %(title)s") % c,
    ReminderKind.TASK: lambda c: _("Due today: %(title)s (%(visit)s)") % c,
    ReminderKind.OVERDUE: lambda c: _("Overdue: %(title)s (%(visit)s)") % c,
    ReminderKind.AGENDA: lambda c: _("Your agenda for %(day)s") % c,
}


def when(start: datetime, end: datetime) -> str:
    start, end = timezone.localtime(start), timezone.localtime(end)
    return f"{date_format(start, 'DATE_FORMAT')}, {start:%H:%M}–{end:%H:%M}"


def run_sheet_url(visit: Visit) -> str:
    return settings.SITE_URL + reverse("staff:run_sheet", args=[visit.reference])


def engagement_context(engagement: Engagement) -> dict:
    visit = engagement.visit
    principals = [
        p.guest for p in visit.participants.filter(role="principal").select_related("guest")
    ]
    return {
        "engagement": engagement,
        "title": engagement.title,
        "when": when(engagement.starts_at, engagement.ends_at),
        "where": engagement.venue.name if engagement.venue else engagement.location,
        "hosts": [str(host) for host in engagement.hosts.order_by("precedence", "name")],
        "guests": [guest.name for guest in principals],
        "visit": visit.reference,
        "occasion": visit.occasion,
        "link": run_sheet_url(visit),
    }


def context_of(reminder: Reminder, user) -> dict | None:
    """What the message says; None when there is nothing to say any more."""
    kind, details = reminder.kind, reminder.details
    if kind == ReminderKind.AGENDA:
        day = datetime.fromisoformat(details["day"]).date()
        start = timezone.make_aware(datetime.combine(day, datetime.min.time()))
        items = (
            Engagement.objects.visible_to(user)
            .filter(starts_at__gte=start, starts_at__lt=start + timedelta(days=1))
            .filter(status__in=("tentative", "confirmed"))
            .select_related("venue", "visit")
            .order_by("starts_at", "pk")
        )
        return {
            "day": date_format(day, "DATE_FORMAT"),
            "items": [engagement_context(e) for e in items],
        }
    if kind in (ReminderKind.TASK, ReminderKind.OVERDUE):
        task = reminder.task
        if task is None or task.done_at is not None:
            return None
        if not Visit.objects.visible_to(user).filter(pk=task.visit_id).exists():
            return None
        return {
            "task": task,
            "title": task.title,
            "due": date_format(task.due_on, "DATE_FORMAT"),
            "visit": task.visit.reference,
            "occasion": task.visit.occasion,
            "responsible": str(task.responsible or ""),
            "link": run_sheet_url(task.visit),
        }
    engagement = reminder.engagement
    if (
        engagement is not None
        and not Engagement.objects.visible_to(user).filter(pk=engagement.pk).exists()
    ):
        return None
    if kind == ReminderKind.CANCELLED and engagement is None:  # deleted since
        title = details.get(f"title_{translation.get_language()}") or details.get("title_fr", "")
        return {
            "title": title,
            "when": when(
                *(datetime.fromisoformat(details[k]) for k in ("was_starts_at", "was_ends_at"))
            ),
            "visit": details.get("visit", ""),
        }
    if engagement is None:
        return None
    context = engagement_context(engagement)
    if kind in (ReminderKind.CHANGED, ReminderKind.CANCELLED):
        was = [datetime.fromisoformat(details[k]) for k in ("was_starts_at", "was_ends_at")]
        context["was"] = when(*was)
    return context


def compose(reminder: Reminder) -> EmailMultiAlternatives | None:
    user = reminder.recipient
    profile = StaffProfile.of(user)
    with translation.override(profile.language), timezone.override(settings.TIME_ZONE):
        context = context_of(reminder, user)
        if context is None:
            return None
        context |= {"kind": reminder.kind, "name": user.get_full_name() or user.username}
        subject = SUBJECTS[reminder.kind](context)
        text = render_to_string("emails/reminder.txt", context)
        html = render_to_string("emails/reminder.html", context)
    message = EmailMultiAlternatives(subject, text, to=[profile.address])
    message.attach_alternative(html, "text/html")
    engagement = context.get("engagement")
    if engagement is not None:
        calendar = engagement_calendar(engagement, profile.language)
        message.attach(f"{engagement.uid}.ics", calendar, "text/calendar")
    return message
