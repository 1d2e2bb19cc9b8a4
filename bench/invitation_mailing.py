"""5,000 invitations mailed by one worker (issue 17), against the rate at which the same worker
runs empty tasks, in the same run (bench.reminders measures both): each invitee with an address
on their card, the message in their language with their appel, the reply link and the card
attached; what was lost or sent twice is counted from the mail written out."""

from datetime import timedelta

from django.utils import timezone

from bench.invitations import new_reception
from visits.models import AddressCard, Guest, Invitation, Reception, Reminder, ReminderKind
from visits.services.invitations import invite

COUNT = 5000


def due_invitations(admin, count: int):
    """A reception of `count` invitees, each invitation due now; returns what removes it all."""
    engagement = new_reception("invitations mailed", count, 40)
    visit, room, starts = engagement.visit, engagement.venue, engagement.starts_at
    Reception.objects.create(engagement=engagement, reply_by=starts - timedelta(days=10))
    guests = Guest.objects.bulk_create(
        Guest(
            name=f"Invité courriel {n:05}",
            sort_name=f"Invité courriel {n:05}",
            category="other",
            gender="f" if n % 2 else "m",
            language="en" if n % 4 == 0 else "fr",
        )
        for n in range(count)
    )
    AddressCard.objects.bulk_create(
        AddressCard(guest=guest, email=f"invitee{n}@example.org") for n, guest in enumerate(guests)
    )
    invitations = invite(engagement, guests, by=None)
    now = timezone.now()
    Reminder.objects.bulk_create(
        (
            Reminder(
                key=f"bench:invite:{one.pk}",
                kind=ReminderKind.INVITATION,
                invitation=one,
                engagement=engagement,
                due_at=now,
            )
            for one in invitations
        ),
        batch_size=2000,
    )

    def remove() -> None:
        Invitation.objects.filter(engagement=engagement).delete()
        visit.delete()
        room.delete()
        Guest.objects.filter(pk__in=[guest.pk for guest in guests]).delete()

    return remove
