"""The message a reminder sends (`visits.services.dispatch` sends it): in its recipient's
language and the office's time zone, as plain text and HTML (templates/emails/), with the
engagement attached as an .ics file.

A Composer serves one batch: what several reminders share (an engagement's details and .ics,
whether a user may see a visit) is read once.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from visits.dates import date_format
from visits.ical.content import engagement_bytes, run_sheet_url
from visits.models import Agreement, Engagement, Reminder, ReminderKind, StaffProfile, Visit
from visits.models.agreements import AgreementStatus
from visits.models.choices import CLOSED_VISIT_STATUSES
from visits.models.visits import principals_of
from visits.queries.door import may_see
from visits.queries.engagements import day_programme
from visits.services.invitee_messages import InviteeComposer
from visits.services.mail_message import ReminderMessage

SUBJECTS = {
    ReminderKind.ENGAGEMENT: lambda c: _("Reminder: %(title)s, %(when)s") % c,
    ReminderKind.CHANGED: lambda c: _("Changed: %(title)s, now %(when)s") % c,
    ReminderKind.CANCELLED: lambda c: _("Cancelled: %(title)s") % c,
    ReminderKind.TASK: lambda c: _("Due today: %(title)s (%(visit)s)") % c,
    ReminderKind.OVERDUE: lambda c: _("Overdue: %(title)s (%(visit)s)") % c,
    ReminderKind.AGENDA: lambda c: _("Your agenda for %(day)s") % c,
    ReminderKind.RENEWAL: lambda c: _("To renew by %(day)s: %(title)s") % c,
}
# A "late" notice: the engagement starts sooner than the recipient's every lead time.
LATE_SUBJECT = lambda c: _("New engagement in %(soon)s: %(title)s, %(when)s") % c  # noqa: E731


def how_soon(delay: timedelta) -> str:
    """“45 minutes”, “1 hour and 30 minutes”, “2 days and 3 hours”: the two largest units."""
    minutes = max(1, round(delay.total_seconds() / 60))
    if minutes < 60:
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    if minutes < 24 * 60:
        first, second = divmod(minutes, 60)
        units = (
            ngettext("%(count)d hour", "%(count)d hours", first),
            ngettext("%(count)d minute", "%(count)d minutes", second),
        )
    else:
        first, second = divmod(round(minutes / 60), 24)
        units = (
            ngettext("%(count)d day", "%(count)d days", first),
            ngettext("%(count)d hour", "%(count)d hours", second),
        )
    larger = units[0] % {"count": first}
    if not second:
        return larger
    return _("%(larger)s and %(smaller)s") % {
        "larger": larger,
        "smaller": units[1] % {"count": second},
    }


def when(start: datetime, end: datetime) -> str:
    start, end = timezone.localtime(start), timezone.localtime(end)
    return f"{date_format(start, 'DATE_FORMAT')}, {start:%H:%M}–{end:%H:%M}"


def engagement_context(engagement: Engagement) -> dict:
    visit = engagement.visit
    return {
        "engagement": engagement,
        "title": engagement.title,
        "when": when(engagement.starts_at, engagement.ends_at),
        "where": engagement.venue.name if engagement.venue else engagement.location,
        "hosts": [str(host) for host in engagement.hosts.order_by("precedence", "name")],
        "guests": [participant.guest.name for participant in principals_of(visit)],
        "visit": visit.reference,
        "occasion": visit.occasion,
        "link": run_sheet_url(visit),
    }


class Composer:
    def __init__(self):
        self.users = {}
        self.visible = {}
        self.contexts = {}
        self.calendars = {}
        self.invitees = InviteeComposer(self)

    def user(self, reminder):
        # One instance per user, so that its permissions are read once.
        return self.users.setdefault(reminder.recipient_id, reminder.recipient)

    def may_see(self, user, visit_id) -> bool:
        if (user.pk, visit_id) not in self.visible:
            visible = may_see(user, Visit(pk=visit_id))
            self.visible[user.pk, visit_id] = visible
        return self.visible[user.pk, visit_id]

    def engagement(self, engagement) -> dict:
        key = (engagement.pk, engagement.sequence, translation.get_language())
        if key not in self.contexts:
            self.contexts[key] = engagement_context(engagement)
        return dict(self.contexts[key])

    def calendar(self, engagement, language) -> bytes:
        key = (engagement.pk, engagement.sequence, language)
        if key not in self.calendars:
            self.calendars[key] = engagement_bytes(engagement, language, staff=True)
        return self.calendars[key]

    def context(self, reminder: Reminder, user) -> dict | None:
        """What the message says; None when there is nothing to say any more."""
        kind, details = reminder.kind, reminder.details
        if kind == ReminderKind.AGENDA:
            return self.agenda(user, datetime.fromisoformat(details["day"]).date())
        if kind in (ReminderKind.TASK, ReminderKind.OVERDUE):
            return self.task(reminder.task, user)
        if kind == ReminderKind.RENEWAL:
            return renewal(details)
        engagement = reminder.engagement
        if engagement is None:
            visit_id = details.get("visit_id")
            if kind != ReminderKind.CANCELLED or not visit_id or not self.may_see(user, visit_id):
                return None
            # Deleted since: the notice kept what it needs.
            was = [datetime.fromisoformat(details[k]) for k in ("was_starts_at", "was_ends_at")]
            title = details.get(f"title_{translation.get_language()}") or details["title_fr"]
            return {"title": title, "when": when(*was), "visit": details.get("visit", "")}
        if not self.may_see(user, engagement.visit_id):
            return None
        if kind in (ReminderKind.ENGAGEMENT, ReminderKind.CHANGED) and not engagement.is_live:
            return None  # cancelled or postponed since: the "cancelled" notice says so
        context = self.engagement(engagement)
        if details.get("late"):
            delay = engagement.starts_at - timezone.now()
            if delay <= timedelta(0):
                return None  # begun: too late to say it is coming
            context["soon"] = how_soon(delay)
        if kind in (ReminderKind.CHANGED, ReminderKind.CANCELLED):
            was = [datetime.fromisoformat(details[k]) for k in ("was_starts_at", "was_ends_at")]
            context["was"] = when(*was)
        return context

    def agenda(self, user, day) -> dict | None:
        found = [self.engagement(item) for item in day_programme(user, day)]
        if not found:
            return None  # nothing tomorrow: no message
        return {"day": date_format(day, "DATE_FORMAT"), "items": found}

    def task(self, task, user) -> dict | None:
        if task is None or task.done_at is not None or not self.may_see(user, task.visit_id):
            return None
        if task.visit.status in CLOSED_VISIT_STATUSES:
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

    def compose(self, reminder: Reminder) -> EmailMultiAlternatives | None:
        if reminder.invitation_id is not None:
            return self.invitees.compose(reminder)
        user = self.user(reminder)
        profile = StaffProfile.of(user)
        with translation.override(profile.language), timezone.override(settings.TIME_ZONE):
            context = self.context(reminder, user)
            if context is None:
                return None
            context |= {
                "kind": reminder.kind,
                "name": user.get_full_name() or user.username,
                "LANGUAGE_CODE": profile.language,  # no request, so no context processor
            }
            subject = (LATE_SUBJECT if "soon" in context else SUBJECTS[reminder.kind])(context)
            text = render_to_string("emails/reminder.txt", context)
            html = render_to_string("emails/reminder.html", context)
        # The key names the reminder: a duplicate (or a message traced back) is plain to see.
        headers = {"X-Protocol-Reminder": reminder.key}
        message = ReminderMessage(subject, text, to=[profile.address], headers=headers)
        message.attach_alternative(html, "text/html")
        engagement = context.get("engagement")
        if engagement is not None:
            calendar = self.calendar(engagement, profile.language)
            message.attach(f"{engagement.uid}.ics", calendar, "text/calendar")
        return message


def compose(reminder: Reminder) -> EmailMultiAlternatives | None:
    return Composer().compose(reminder)


def renewal(details: dict) -> dict | None:
    """The agreement to renew; None when it no longer is: renewed (another date), suspended,
    expired or deleted since the row was planned."""
    agreement = Agreement.objects.filter(pk=details.get("agreement")).first()
    if agreement is None or agreement.status != AgreementStatus.IN_FORCE:
        return None
    if agreement.renewal_on is None or agreement.renewal_on.isoformat() != details["renewal_on"]:
        return None
    path = reverse("admin:visits_agreement_change", args=[agreement.pk])
    return {
        "title": f"{agreement.partner_city} ({agreement.get_kind_display()})",
        "day": date_format(agreement.renewal_on, "DATE_FORMAT"),
        "link": settings.SITE_URL + path,
    }
