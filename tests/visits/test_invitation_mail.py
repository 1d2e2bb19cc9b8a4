"""The messages to invitees (visits.services.invitation_mail and invitee_messages): the
invitations planned once each, with the reminder to reply and the practical note; each message
in the invitee's language with their appel, the reply link that opens their invitation, the
card; the confirmation of an acceptance with the .ics and the QR code; a reminder to reply not
sent once replied. Sent through the dispatcher to Django's test outbox."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories import EngagementFactory, GuestFactory, VenueFactory
from visits.models import AddressCard, Reception, Reminder, ReminderKind
from visits.models.invitations import Answer
from visits.queries.address_preview import address_preview
from visits.services import dispatch
from visits.services.invitation_mail import send_invitations
from visits.services.invitations import invite, reply


@pytest.fixture
def reception(db):
    engagement = EngagementFactory(
        title_fr="Réception du président finlandais",
        title_en="Reception for the President of Finland",
        venue=VenueFactory(name="Salle des Fêtes", capacity=100),
        starts_at=timezone.now() + timedelta(days=20),
        ends_at=timezone.now() + timedelta(days=20, hours=2),
    )
    Reception.objects.create(
        engagement=engagement,
        reply_by=timezone.now() + timedelta(days=10),
        entrance_fr="5, rue de Lobau",
        entrance_en="5 rue de Lobau",
    )
    return engagement


def invitee(engagement, name, language="fr", email="", **fields):
    guest = GuestFactory(name=name, language=language, gender="f", title_fr="", title_en="")
    if email:
        AddressCard.objects.create(guest=guest, email=email)
    return invite(engagement, [guest], by=None, **fields)[0]


def sent_now() -> list:
    """Every due row through the dispatcher, as the beat and a worker would."""
    mail.outbox.clear()
    while ids := dispatch.claim_due():
        dispatch.send_batch(ids)
    return list(mail.outbox)


def test_invitations_are_planned_once_each_to_those_with_an_address(reception, officer):
    claire = invitee(reception, "Claire Petit", email="claire@example.fr")
    invitee(reception, "Paul Roy")  # no address
    invitee(reception, "Léa Roux", email="lea@example.fr", by_post=True)
    assert send_invitations(reception, by=officer) == 1
    assert send_invitations(reception, by=officer) == 0  # once
    kinds = set(Reminder.objects.filter(invitation=claire).values_list("kind", flat=True))
    assert kinds == {"invitation", "reply_due", "practical"}


def test_the_invitation_speaks_the_invitees_language_and_its_link_opens_it(
    reception, officer, client
):
    claire = invitee(reception, "Claire Petit", email="claire@example.fr")
    send_invitations(reception, by=officer)
    [message] = sent_now()
    assert message.to == ["claire@example.fr"]
    assert message.subject.startswith("Invitation\u00a0: Réception du président finlandais")
    appel = address_preview(claire.guest)["fr"].appel
    assert message.body.startswith(appel)
    link = next(word for word in message.body.split() if "/fr/reponse/" in word)
    assert client.get(urlsplit(link).path).status_code == 200
    assert [name for name, *_ in message.attachments] == ["invitation.html"]
    assert sent_now() == []  # sent once


def test_an_english_invitee_reads_english(reception, officer):
    invitee(reception, "Juha Virtanen", language="en", email="juha@example.fi")
    send_invitations(reception, by=officer)
    [message] = sent_now()
    assert message.subject.startswith("Invitation: Reception for the President of Finland")
    assert "The City of Paris has the honour of inviting you" in message.body


def test_an_acceptance_is_confirmed_with_the_calendar_and_the_door_code(reception, officer):
    claire = invitee(reception, "Claire Petit", email="claire@example.fr")
    reply(claire, answer=Answer.ACCEPT)
    [message] = sent_now()
    assert message.subject.startswith("Votre réponse")
    assert "est confirmée" in message.body
    kinds = sorted(mimetype for _name, _content, mimetype in message.attachments)
    assert kinds == ["image/png", "text/calendar"]


def test_a_reminder_to_reply_is_not_sent_once_replied_nor_a_note_to_who_declined(
    reception, officer
):
    claire = invitee(reception, "Claire Petit", email="claire@example.fr")
    send_invitations(reception, by=officer)
    sent_now()
    reply(claire, answer=Answer.DECLINE)
    sent_now()  # the confirmation
    Reminder.objects.filter(kind__in=["reply_due", "practical"]).update(due_at=timezone.now())
    assert sent_now() == []
    statuses = dict(Reminder.objects.values_list("kind", "status"))
    assert statuses["reply_due"] == statuses["practical"] == "cancelled"


def test_the_first_waiting_is_told_when_a_place_is_theirs(officer):
    engagement = EngagementFactory(venue=VenueFactory(capacity=1))
    first = invitee(engagement, "Claire Petit", email="claire@example.fr")
    second = invitee(engagement, "Léa Roux", email="lea@example.fr")
    reply(first, answer=Answer.ACCEPT)
    reply(second, answer=Answer.ACCEPT)  # waits
    sent_now()
    reply(first, answer=Answer.DECLINE)
    told = {message.to[0]: message for message in sent_now()}
    assert set(told) == {"claire@example.fr", "lea@example.fr"}
    assert "est confirmée" in told["lea@example.fr"].body


@pytest.mark.parametrize("both", [True, False])
def test_a_message_goes_to_a_user_or_an_invitee_never_both_nor_neither(reception, officer, both):
    claire = invitee(reception, "Claire Petit", email="claire@example.fr")
    row = Reminder(
        key="both-or-neither",
        kind=ReminderKind.INVITATION,
        recipient=officer if both else None,
        invitation=claire if both else None,
        due_at=timezone.now(),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()


def test_a_new_site_key_gives_the_next_message_a_link_that_works(
    reception, officer, client, settings
):
    invitee(reception, "Claire Petit", email="claire@example.fr")
    settings.SECRET_KEY = "a-key-changed-since-the-invitation-was-made-" + "k" * 20
    send_invitations(reception, by=officer)
    [message] = sent_now()
    link = next(word for word in message.body.split() if "/fr/reponse/" in word)
    assert client.get(urlsplit(link).path).status_code == 200
