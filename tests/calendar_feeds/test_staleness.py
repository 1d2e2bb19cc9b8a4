"""Nothing stale: every change a feed shows reaches it, whichever way it was made, in every
process (each keeps its own memo of event texts and ETags), even a change that commits late."""

import re
import threading
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone
from django.utils.http import parse_http_date

from calendar_feeds import rendering
from calendar_feeds.models import Subscription
from tests.factories import EngagementFactory, GuestFactory, HostFactory, VisitFactory
from visits import services
from visits.models import Engagement
from visits.services.directory import update_record

PUBLIC = "/calendars/public.ics"
SOON = timezone.localdate() + timedelta(days=10)


def unfold(body: bytes) -> str:
    return body.replace(b"\r\n ", b"").decode()


def engagement(**visit_fields):
    visit_fields.setdefault("principal", GuestFactory(name="Roberto Gualtieri"))
    return EngagementFactory(visit=VisitFactory(starts_on=SOON, **visit_fields))


def another_process():
    """What a process that has not rendered these events yet would write."""
    rendering.TEXTS.clear()


@pytest.mark.django_db
def test_a_room_renamed_in_the_admin_reaches_feeds(admin_client, client):
    shown = engagement()
    venue = shown.venue
    first = client.get(PUBLIC)
    response = admin_client.post(
        f"/admin/visits/venue/{venue.pk}/change/",
        {
            "name": "Salle Renommée",
            "gender": "f",
            "building": venue.building,
            "capacity": "",
            "turnover_minutes": "30",
            "notes": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert Engagement.objects.get(pk=shown.pk).sequence == shown.sequence + 1
    again = client.get(PUBLIC, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and "Salle Renommée" in unfold(again.content)
    another_process()
    assert client.get(PUBLIC).content == again.content


@pytest.mark.django_db
def test_a_change_of_precedence_reorders_the_hosts_in_every_process(client):
    first_host = HostFactory(name="Anne Premier", precedence=1)
    second_host = HostFactory(name="Zoe Second", precedence=2)
    shown = engagement()
    shown.hosts.set([first_host, second_host])
    first = client.get(PUBLIC)
    update_record(second_host, by=None, precedence=0)
    again = client.get(PUBLIC, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    text = unfold(again.content)
    assert text.index("Zoe Second") < text.index("Anne Premier")
    another_process()
    assert client.get(PUBLIC).content == again.content


@pytest.mark.django_db
def test_a_renamed_feed_is_not_answered_304(client, staff_member):
    engagement()
    client.force_login(staff_member)
    created = client.post("/staff/my-calendars/", {"name": "Ancien", "scope": "visible"})
    path = "/" + re.search(r'value="https?://[^/]+/([^"]+)"', created.content.decode()).group(1)
    client.logout()
    first = client.get(path)
    client.force_login(staff_member)
    pk = Subscription.objects.get().pk
    client.post(f"/staff/my-calendars/{pk}/rename/", {"name": "Nouveau"})
    client.logout()
    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and b"X-WR-CALNAME:Nouveau\r\n" in again.content


@pytest.mark.django_db
def test_what_changes_between_the_feeds_two_queries_is_judged_by_the_door(client, monkeypatch):
    shown = engagement()
    original = rendering.load_events

    def meanwhile(queryset, language):  # another transaction commits between the two queries
        services.update_visit(shown.visit, by=None, confidentiality="confidential")
        update_record(shown.visit.participants.get().guest, by=None, name="Nom Confidentiel")
        return original(queryset, language)

    another_process()
    monkeypatch.setattr(rendering, "load_events", meanwhile)
    body = client.get(PUBLIC).content
    assert "Nom Confidentiel" not in unfold(body) and str(shown.uid) not in body.decode()


@pytest.mark.django_db
def test_an_engagement_moved_out_of_the_window_does_not_move_last_modified_back(client):
    engagement()
    moved = engagement()
    first = client.get(PUBLIC)
    long_ago = timezone.localdate() - timedelta(days=200)
    services.update_visit(moved.visit, by=None, starts_on=long_ago, ends_on=SOON)
    back = timedelta(days=(SOON - long_ago).days)
    services.reschedule_engagement(
        moved, by=None, starts_at=moved.starts_at - back, ends_at=moved.ends_at - back
    )
    now = client.get(PUBLIC)
    assert str(moved.uid) not in now.content.decode()
    assert parse_http_date(now["Last-Modified"]) >= parse_http_date(first["Last-Modified"])
    assert client.get(PUBLIC, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_change_that_commits_late_is_not_answered_304(client):
    hidden = engagement()
    other = engagement()
    started, release = threading.Event(), threading.Event()

    def slow_writer():
        try:
            with transaction.atomic():
                services.update_visit(hidden.visit, by=None, confidentiality="confidential")
                started.set()
                release.wait(20)
        finally:
            connection.close()

    writer = threading.Thread(target=slow_writer)
    writer.start()
    assert started.wait(20)
    # Commits first, with later timestamps than the slow writer's.
    services.update_visit(other.visit, by=None, occasion_fr="Occasion changée")
    first = client.get(PUBLIC)
    assert str(hidden.uid) in first.content.decode()
    release.set()
    writer.join()
    again = client.get(PUBLIC, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and str(hidden.uid) not in again.content.decode()


@pytest.mark.django_db
def test_renaming_a_room_does_not_bring_back_engagements_cancelled_long_ago(client):
    gone = engagement()
    services.cancel_engagement(gone, by=None)
    Engagement.objects.filter(pk=gone.pk).update(updated_at=timezone.now() - timedelta(days=40))
    kept = EngagementFactory(visit=VisitFactory(starts_on=SOON), venue=gone.venue)
    update_record(gone.venue, by=None, name="Salle Renommée")
    body = client.get(PUBLIC).content.decode()
    assert str(gone.uid) not in body and str(kept.uid) in body


@pytest.mark.django_db
@pytest.mark.parametrize("to_status", ["cancelled", "postponed"])
def test_a_visit_withdrawn_after_its_announcement_stays_in_the_public_feed_as_cancelled(
    client, to_status
):
    announced = engagement()
    never_announced = EngagementFactory(
        visit=VisitFactory(starts_on=SOON, status="requested", principal=GuestFactory())
    )
    assert str(announced.uid) in client.get(PUBLIC).content.decode()
    services.move_visit(announced.visit, to_status, by=None)
    services.move_visit(never_announced.visit, "cancelled", by=None)
    body = unfold(client.get(PUBLIC).content)
    event = body[body.index(f"UID:{announced.uid}@protocol") :].split("END:VEVENT")[0]
    assert "STATUS:CANCELLED" in event
    assert str(never_announced.uid) not in body
