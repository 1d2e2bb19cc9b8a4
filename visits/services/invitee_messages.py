"""The messages to invitees (visits.services.invitation_mail plans them as reminder rows): in
the invitee's language, opening with their *appel* and closing with their formula (the forms of
address of the ceremony engine), with the reply link; the invitation with its card attached;
the confirmation of an acceptance with the engagement's .ics and the QR code to show at the
door. A row whose message has nothing to say any more (a reminder to reply to someone who has,
a practical note to someone not coming, no address) is not sent."""

import io

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from visits.ceremony.address import forms_of_address
from visits.ical.content import engagement_bytes
from visits.models import AddressForm, Invitation, Reception, ReminderKind
from visits.models.api_tokens import digest
from visits.models.invitations import ReplyState
from visits.queries.ceremony_data import addressee_of, forms_table
from visits.services.invitations import reply_token
from visits.services.mail_message import ReminderMessage

SUBJECTS = {
    ReminderKind.INVITATION: lambda c: _("Invitation: %(title)s, %(when)s") % c,
    ReminderKind.REPLY_RECEIVED: lambda c: _("Your reply: %(title)s, %(when)s") % c,
    ReminderKind.REPLY_DUE: lambda c: _("Awaiting your reply: %(title)s, %(when)s") % c,
    ReminderKind.PRACTICAL: lambda c: _("Practical information: %(title)s, %(when)s") % c,
}


class InviteeComposer:
    """What the messages of one batch to invitees share, read once: the forms-of-address
    table, each engagement's reception and .ics."""

    def __init__(self, composer):
        self.composer = composer  # the batch's: an engagement's words, said once
        self.table = None
        self.receptions = {}
        self.calendars = {}

    def address_table(self):
        if self.table is None:
            self.table = forms_table(AddressForm.objects.all())
        return self.table

    def reception(self, engagement):
        if engagement.pk not in self.receptions:
            self.receptions[engagement.pk] = Reception.objects.filter(engagement=engagement).first()
        return self.receptions[engagement.pk]

    def calendar(self, engagement, language) -> bytes:
        key = (engagement.pk, engagement.sequence, language)
        if key not in self.calendars:
            self.calendars[key] = engagement_bytes(engagement, language, staff=False)
        return self.calendars[key]

    def compose(self, reminder):
        invitation, engagement, kind = reminder.invitation, reminder.engagement, reminder.kind
        card = getattr(invitation.guest, "card", None)
        if card is None or not card.email or engagement is None or not engagement.is_live:
            return None
        if kind == ReminderKind.REPLY_DUE and invitation.state != ReplyState.NO_REPLY:
            return None  # replied since
        if kind == ReminderKind.PRACTICAL and invitation.state != ReplyState.ACCEPTED:
            return None  # not coming, or not yet
        language = invitation.guest.language if invitation.guest.language in ("fr", "en") else "fr"
        with translation.override(language), timezone.override(settings.TIME_ZONE):
            context = self.context(reminder, invitation, engagement, language)
            subject = SUBJECTS[kind](context)
            text = render_to_string("emails/invitee.txt", context)
            html = render_to_string("emails/invitee.html", context)
            card_html = (
                render_to_string("emails/invitation_card.html", context)
                if kind == ReminderKind.INVITATION
                else None
            )
        message = ReminderMessage(
            subject, text, to=[card.email], headers={"X-Protocol-Reminder": reminder.key}
        )
        message.attach_alternative(html, "text/html")
        if card_html is not None:
            message.attach("invitation.html", card_html, "text/html")
        if kind == ReminderKind.REPLY_RECEIVED and invitation.state == ReplyState.ACCEPTED:
            message.attach(
                f"{engagement.uid}.ics", self.calendar(engagement, language), "text/calendar"
            )
            message.attach("entrance-qr-code.png", door_qr_png(invitation), "image/png")
        return message

    def context(self, reminder, invitation, engagement, language) -> dict:
        words = self.composer.engagement(engagement)
        forms = forms_of_address(addressee_of(invitation.guest), self.address_table(), language)
        reception = self.reception(engagement)
        token = reply_token(invitation)
        if invitation.token_hash and invitation.token_hash != digest(token):
            # The site's key changed since the link was made: this message carries a new one.
            Invitation.objects.filter(pk=invitation.pk, token_hash=invitation.token_hash).update(
                token_hash=digest(token)
            )
        with translation.override(language):
            link = settings.SITE_URL + reverse("public:reply", args=[token])
        return {
            "kind": reminder.kind,
            "title": words["title"],
            "when": words["when"],
            "where": words["where"],
            "appel": forms.appel,
            "closing": forms.closing,
            "invitation": invitation,
            "state": invitation.state,
            "reply_link": link,
            "reply_by": timezone.localtime(reception.reply_by) if reception else None,
            "entrance": getattr(reception, f"entrance_{language}", "") if reception else "",
            "dress_code": getattr(reception, f"dress_code_{language}", "") if reception else "",
            "arrive_minutes": reception.arrive_minutes_before if reception else None,
            "LANGUAGE_CODE": language,
        }


def door_qr_png(invitation) -> bytes:
    """The QR code to show at the door, as the reply page draws it (visits.views.reply)."""
    url = settings.SITE_URL + reverse("staff:door_code", args=[invitation.door_code])
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=6, border=2)
    return out.getvalue()
