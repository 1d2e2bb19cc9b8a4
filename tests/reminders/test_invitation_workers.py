"""Invitations by e-mail with the moving parts of production: a real Celery worker sends the
rows the beat's tick hands it to a real SMTP server (aiosmtpd), each once, in each invitee's
language, and the link in each opens that invitee's invitation."""

import re
from collections import Counter
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tests.factories import EngagementFactory, GuestFactory, VenueFactory
from tests.reminders.workers import Worker, environment, start_tick, wait_until
from visits.models import AddressCard, Reception, Reminder
from visits.services.invitation_mail import send_invitations
from visits.services.invitations import invite

pytestmark = pytest.mark.django_db(transaction=True)
COUNT = 30


def invitations_sent() -> bool:
    return not Reminder.objects.filter(kind="invitation").exclude(status="sent").exists()


def test_a_worker_sends_each_invitation_once_in_each_invitees_language(smtp, tmp_path):
    engagement = EngagementFactory(
        title_fr="Réception", title_en="Reception", venue=VenueFactory(capacity=500),
        starts_at=timezone.now() + timedelta(days=30),
        ends_at=timezone.now() + timedelta(days=30, hours=2),
    )  # fmt: skip
    Reception.objects.create(engagement=engagement, reply_by=timezone.now() + timedelta(days=20))
    guests = [
        GuestFactory(name=f"Invité {n:02}", language="en" if n % 3 == 0 else "fr")
        for n in range(COUNT)
    ]
    AddressCard.objects.bulk_create(
        AddressCard(guest=guest, email=f"guest{n}@example.org") for n, guest in enumerate(guests)
    )
    invite(engagement, guests, by=None)
    assert send_invitations(engagement, by=None) == COUNT
    env = environment(smtp.port, settings.REDIS_URL, tmp_path)
    worker = Worker(env, tmp_path / "worker.log", "w1")
    try:
        for process in [start_tick(env), start_tick(env)]:  # two ticks at once
            process.wait(timeout=60)
        wait_until(invitations_sent, 60)
    finally:
        worker.stop()
    received = Counter(message["To"] for message in smtp.messages)
    assert len(received) == COUNT and max(received.values()) == 1
    subjects = Counter(str(message["Subject"]).split(":")[0].strip() for message in smtp.messages)
    assert subjects == {"Invitation": COUNT}  # "Invitation :" in French, "Invitation:" in English
    english = [m for m in smtp.messages if "honour of inviting" in body_of(m)]
    assert len(english) == COUNT // 3
    link = re.search(r"https?://\S+/(?:fr/reponse|en/reply)/\S+/", body_of(smtp.messages[0]))
    assert Client().get(urlsplit(link.group(0)).path).status_code == 200


def body_of(message) -> str:
    text = next(part for part in message.walk() if part.get_content_type() == "text/plain")
    return text.get_payload(decode=True).decode()
