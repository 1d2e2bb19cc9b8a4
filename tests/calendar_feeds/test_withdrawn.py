"""A withdrawn visit stays in public feeds as cancelled only if the public saw it: some public,
announced version of it held at a moment its own embargo had lifted (issue 14)."""

from datetime import timedelta

import pytest
from django.db.models import F
from django.utils import timezone

from tests.calendar_feeds.test_subscriptions import subscribe
from tests.factories import EngagementFactory, GuestFactory, VisitFactory
from visits import services
from visits.models import Visit

pytestmark = pytest.mark.django_db

PUBLIC = "/calendars/public.ics"
SOON = timezone.localdate() + timedelta(days=10)


def unfold(body: bytes) -> str:
    return body.replace(b"\r\n ", b"").decode()


def embargoed(minutes: int):
    """A public, confirmed visit under embargo for `minutes` more, with a confirmed engagement."""
    visit = VisitFactory(
        starts_on=SOON,
        embargo_until=timezone.now() + timedelta(minutes=minutes),
        principal=GuestFactory(name="Zqx Embargoed Guest"),
    )
    return EngagementFactory(visit=visit, status="confirmed", title_fr="Zqx Réception")


def an_hour_passes(visit: Visit, hours: float = 1) -> None:
    """Everything recorded of the visit happened `hours` earlier, its embargo included: the
    clock has moved on by that much since."""
    shift = timedelta(hours=hours)
    Visit.objects.filter(pk=visit.pk).update(embargo_until=F("embargo_until") - shift)
    Visit.history.filter(id=visit.pk).update(
        history_date=F("history_date") - shift, embargo_until=F("embargo_until") - shift
    )


def test_a_visit_cancelled_under_embargo_never_reaches_the_public_feed(client, staff_member):
    engagement = embargoed(minutes=5)
    assert str(engagement.uid) not in client.get(PUBLIC).content.decode()
    services.move_visit(engagement.visit, "cancelled", by=None)
    an_hour_passes(engagement.visit)  # the embargo lifted 55 minutes ago
    body = unfold(client.get(PUBLIC).content)
    assert str(engagement.uid) not in body
    assert "Zqx" not in body and "STATUS:CANCELLED" not in body


def test_a_visit_cancelled_after_its_embargo_lifted_stays_as_cancelled(client):
    engagement = embargoed(minutes=5)
    an_hour_passes(engagement.visit)  # the public has seen it for 55 minutes
    assert str(engagement.uid) in client.get(PUBLIC).content.decode()
    services.move_visit(engagement.visit, "cancelled", by=None)
    body = unfold(client.get(PUBLIC).content)
    event = body[body.index(f"UID:{engagement.uid}@protocol") :].split("END:VEVENT")[0]
    assert "STATUS:CANCELLED" in event


def test_an_embargo_pushed_back_before_it_lifted_keeps_the_visit_unseen(client):
    engagement = embargoed(minutes=30)
    an_hour_passes(engagement.visit, hours=0.25)  # 15 minutes to go
    later = engagement.visit.embargo_until + timedelta(minutes=30)
    services.update_visit(engagement.visit, by=None, embargo_until=later)
    services.move_visit(engagement.visit, "cancelled", by=None)
    # Two hours on, both embargoes are long past: the first lifted only after it was replaced,
    # the second only after the visit was cancelled.
    an_hour_passes(engagement.visit, hours=2)
    assert str(engagement.uid) not in client.get(PUBLIC).content.decode()


def test_a_visit_seen_then_embargoed_again_and_cancelled_is_told_once_the_embargo_lifts(client):
    engagement = embargoed(minutes=5)
    an_hour_passes(engagement.visit)  # seen for 55 minutes
    services.update_visit(
        engagement.visit, by=None, embargo_until=timezone.now() + timedelta(minutes=10)
    )
    services.move_visit(engagement.visit, "cancelled", by=None)
    assert str(engagement.uid) not in client.get(PUBLIC).content.decode()  # under embargo
    an_hour_passes(engagement.visit)
    body = unfold(client.get(PUBLIC).content)
    event = body[body.index(f"UID:{engagement.uid}@protocol") :].split("END:VEVENT")[0]
    assert "STATUS:CANCELLED" in event


def test_a_personal_feed_of_the_public_programme_keeps_the_unseen_visit_out(client, staff_member):
    engagement = embargoed(minutes=5)
    services.move_visit(engagement.visit, "postponed", by=None)
    an_hour_passes(engagement.visit)
    body = unfold(client.get(subscribe(client, staff_member, scope="public")).content)
    assert "BEGIN:VCALENDAR" in body and str(engagement.uid) not in body and "Zqx" not in body
