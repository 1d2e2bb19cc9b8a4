"""Whatever visits exist, no output shows a viewer what the door hides from them (DESIGN.md,
decision 1).

Hypothesis draws one to four visits of any confidentiality, status, embargo and lead officer,
each with its own principal guest and one engagement in one shared room. An oracle written
here from the rules, not from `visit_filter_for`, says who may see each visit; the door's
querysets, the staff pages, the admin and the conflict refusals are held to it. Every name is a
token (`Zqx1Guest`, `Zqx1Occasion`, ...), so a leak is a plain substring of a page.
"""

import json
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, time, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.conftest import user_in
from tests.factories import (
    PARIS,
    EngagementFactory,
    GuestFactory,
    HostFactory,
    VenueFactory,
    VisitFactory,
)
from visits.models import Engagement, Guest, Visit
from visits.models.choices import (
    Confidentiality,
    EngagementKind,
    EngagementStatus,
    VisitStatus,
)
from visits.roles import PROTOCOL_OFFICE
from visits.services import Conflict, create_engagement

pytestmark = pytest.mark.django_db

PROPERTY = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# The rules, restated for the oracle (not imported from the door).
PUBLISHED = {VisitStatus.CONFIRMED, VisitStatus.HELD}
LIVE = {EngagementStatus.TENTATIVE, EngagementStatus.CONFIRMED}
EMBARGOES = {
    "none": lambda now: None,
    "past": lambda now: now - timedelta(days=1),
    "future": lambda now: now + timedelta(days=1),
}
BUSY_BLOCK = "Confidential engagement"


# --- the viewers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Viewer:
    name: str
    user: object  # AnonymousUser for the public
    staff: bool = False  # holds visits.view_visit
    cleared: bool = False  # holds visits.view_confidential_visits
    leads: bool = False  # is the lead officer of the visits drawn as led
    active: bool = True

    @property
    def signed_in(self) -> bool:
        return self.user.is_authenticated and self.active


def sees(viewer: Viewer, spec) -> bool:
    """The oracle: who may see a visit, straight from the rules."""
    if viewer.user.is_authenticated and not viewer.active:
        return False
    if viewer.cleared:
        return True
    if viewer.staff:
        led_by_viewer = spec.led and viewer.leads
        return spec.confidentiality != Confidentiality.CONFIDENTIAL or led_by_viewer
    return (
        spec.confidentiality == Confidentiality.PUBLIC
        and spec.status in PUBLISHED
        and spec.embargo != "future"
    )


@dataclass
class World:
    viewers: list[Viewer]
    clients: dict[str, Client]
    lead: object
    venue: object
    mayor: object
    monday: object

    def viewer(self, name) -> Viewer:
        return next(viewer for viewer in self.viewers if viewer.name == name)


@pytest.fixture
def world(staff_member, officer, cleared_officer):
    lead = user_in(PROTOCOL_OFFICE, "lead")
    gone = user_in(PROTOCOL_OFFICE, "gone", "view_confidential_visits")
    gone.is_active = False
    gone.save()
    viewers = [
        Viewer("anonymous", AnonymousUser()),
        Viewer("staff", staff_member, staff=True),
        Viewer("officer", officer, staff=True),
        Viewer("lead", lead, staff=True, leads=True),
        Viewer("cleared", cleared_officer, staff=True, cleared=True),
        # Every right, but the account is switched off: sees nothing.
        Viewer("inactive", gone, staff=True, cleared=True, active=False),
    ]
    clients = {}
    for viewer in viewers:
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        if viewer.user.is_authenticated:
            client.force_login(viewer.user)
        clients[viewer.name] = client
    today = timezone.localdate()
    return World(
        viewers=viewers,
        clients=clients,
        lead=lead,
        venue=VenueFactory(name="Salon Commun"),
        mayor=HostFactory(name="Maire Commune"),
        monday=today + timedelta(days=21 - today.weekday()),
    )


# --- the data -------------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitSpec:
    confidentiality: str
    status: str
    embargo: str
    led: bool
    engagement_status: str
    day: int
    hour: int


visit_specs = st.builds(
    VisitSpec,
    confidentiality=st.sampled_from(Confidentiality.values),
    status=st.sampled_from(VisitStatus.values),
    embargo=st.sampled_from(sorted(EMBARGOES)),
    led=st.booleans(),
    engagement_status=st.sampled_from(EngagementStatus.values),
    day=st.integers(0, 6),
    hour=st.sampled_from([9, 11, 14, 16]),  # two hours apart: no room turnover between them
)
scenarios = st.lists(visit_specs, min_size=1, max_size=4, unique_by=lambda s: (s.day, s.hour))


@dataclass
class Row:
    spec: VisitSpec
    visit: Visit
    engagement: Engagement
    guest: Guest

    @property
    def tokens(self) -> list[str]:
        e = self.engagement
        return [
            self.guest.name,
            self.visit.occasion_en,
            e.title_en,
            e.title_fr,
            self.visit.reference,
        ]

    @property
    def live(self) -> bool:
        return self.spec.engagement_status in LIVE

    @property
    def slot(self) -> str:
        start, end = (
            timezone.localtime(self.engagement.starts_at),
            timezone.localtime(self.engagement.ends_at),
        )
        return f"{start:%H:%M}–{end:%H:%M}"


def seed(world: World, specs) -> list[Row]:
    """Rows written directly, as data imported or written before the rules would be."""
    now = timezone.now()
    rows = []
    for n, spec in enumerate(specs, start=1):
        day = world.monday + timedelta(days=spec.day)
        guest = GuestFactory(name=f"Zqx{n}Guest")
        visit = VisitFactory(
            confidentiality=spec.confidentiality,
            status=spec.status,
            embargo_until=EMBARGOES[spec.embargo](now),
            lead_officer=world.lead if spec.led else None,
            occasion_fr=f"Zqx{n}Occasion",
            occasion_en=f"Zqx{n}Occasion",
            starts_on=day,
            principal=guest,
        )
        starts_at = datetime.combine(day, time(spec.hour), PARIS)
        engagement = EngagementFactory(
            visit=visit,
            venue=world.venue,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=1),
            status=spec.engagement_status,
            title_en=f"Zqx{n}Title",
            title_fr=f"Zqx{n}Titre",
        )
        engagement.hosts.add(world.mayor)
        rows.append(Row(spec, visit, engagement, guest))
    return rows


@contextmanager
def rolled_back():
    """One example's rows, gone afterwards so that examples do not pile up."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def split(rows, viewer):
    shown = [row for row in rows if sees(viewer, row.spec)]
    hidden = [row for row in rows if not sees(viewer, row.spec)]
    return shown, hidden


def leaks(text: str, hidden) -> list[str]:
    return [token for row in hidden for token in row.tokens if token in text]


def pks(objects) -> set[int]:
    return {obj.pk for obj in objects}


# --- 1. the door's querysets ----------------------------------------------------------------


@PROPERTY
@given(specs=scenarios)
def test_door_querysets_return_exactly_what_the_rules_allow(world, specs):
    with rolled_back():
        rows = seed(world, specs)
        ours = {
            "visits": pks(row.visit for row in rows),
            "engagements": pks(row.engagement for row in rows),
            "guests": pks(row.guest for row in rows),
        }
        for viewer in world.viewers:
            shown, hidden = split(rows, viewer)
            found = {
                "visits": set(Visit.objects.visible_to(viewer.user).values_list("pk", flat=True)),
                "engagements": set(
                    Engagement.objects.visible_to(viewer.user).values_list("pk", flat=True)
                ),
                "guests": set(Guest.objects.visible_to(viewer.user).values_list("pk", flat=True)),
            }
            expected = {
                "visits": pks(row.visit for row in shown),
                "engagements": pks(row.engagement for row in shown),
                "guests": pks(row.guest for row in shown),
            }
            got = {kind: found[kind] & ours[kind] for kind in ours}
            assert got == expected, viewer.name
            # A guest known only from hidden visits stays hidden.
            assert not found["guests"] & pks(row.guest for row in hidden), viewer.name
        anonymous = world.viewer("anonymous")
        assert set(Visit.objects.visible_to(None)) == set(Visit.objects.visible_to(anonymous.user))


# --- 2 and 3. the staff pages ---------------------------------------------------------------


def busy_rows(text: str) -> list[str]:
    """The agenda's busy blocks, one string per table row."""
    return [chunk.split("</tr>")[0] for chunk in text.split('<tr class="busy')[1:]]


@PROPERTY
@given(specs=scenarios)
def test_agenda_shows_hidden_engagements_only_as_busy_blocks(world, specs):
    url = reverse("staff:agenda", args=["week", world.monday])
    with rolled_back():
        rows = seed(world, specs)
        for viewer in world.viewers:
            response = world.clients[viewer.name].get(url)
            text = response.content.decode()
            shown, hidden = split(rows, viewer)
            assert leaks(text, hidden) == [], viewer.name
            if not viewer.signed_in:
                assert response.status_code == 302, viewer.name
                continue
            assert response.status_code == 200, viewer.name
            blocks = busy_rows(text)
            hidden_live = [row for row in hidden if row.live]
            assert text.count(BUSY_BLOCK) == len(hidden_live), viewer.name
            assert sorted(block.split("</td>")[0][-11:] for block in blocks) == sorted(
                row.slot for row in hidden_live
            ), viewer.name
            assert all(world.venue.name in block for block in blocks), viewer.name
            # A visible engagement is listed with its title, guest and visit while it is live.
            for row in shown:
                listed = [row.engagement.title_en, row.guest.name, row.visit.reference]
                present = [token for token in listed if token in text]
                assert present == (listed if row.live else []), viewer.name


@PROPERTY
@given(specs=scenarios)
def test_run_sheet_of_a_hidden_visit_is_not_found(world, specs):
    with rolled_back():
        rows = seed(world, specs)
        for viewer in world.viewers:
            shown, hidden = split(rows, viewer)
            for row in rows:
                url = reverse("staff:run_sheet", args=[row.visit.reference])
                response = world.clients[viewer.name].get(url)
                text = response.content.decode()
                assert leaks(text, hidden) == [], (viewer.name, url)
                if not viewer.signed_in:
                    assert response.status_code == 302, (viewer.name, url)
                elif row in hidden:
                    assert response.status_code == 404, (viewer.name, url)
                else:
                    assert response.status_code == 200, (viewer.name, url)
                    assert row.visit.occasion_en in text and row.guest.name in text
                    assert (row.engagement.title_en in text) == row.live


# --- 2. the admin ---------------------------------------------------------------------------
# An admin page costs 30 to 80 ms: each example draws one signed-in viewer (25 examples cover
# the four), and always checks that the public and an inactive account are sent to sign in.

SIGNED_IN = ["staff", "officer", "lead", "cleared"]
SIGNED_OUT = ["anonymous", "inactive"]

CHANGELISTS = {
    "visit": lambda row: [row.visit.occasion_en, row.guest.name, row.visit.reference],
    "engagement": lambda row: [row.engagement.title_en, row.visit.reference],
    "guest": lambda row: [row.guest.name],
}
# Autocomplete: (model holding the link, link) -> the row's object it offers.
AUTOCOMPLETES = {
    ("engagement", "visit"): lambda row: row.visit,
    ("visitguest", "guest"): lambda row: row.guest,
    ("honorarycitizenship", "ceremony"): lambda row: row.engagement,
}


def admin_lists():
    for model in CHANGELISTS:
        url = reverse(f"admin:visits_{model}_changelist")
        yield model, url, {}
        yield model, url, {"q": "Zqx"}


def autocompletes():
    for (model, field), offered in AUTOCOMPLETES.items():
        query = {"app_label": "visits", "model_name": model, "field_name": field, "term": "Zqx"}
        yield reverse("admin:autocomplete"), query, offered


def refused_pages(row):
    """A hidden record's change page sends back to the index; its history (the list and one
    past version) is a 404."""
    return [
        (reverse("admin:visits_visit_change", args=[row.visit.pk]), 302),
        (reverse("admin:visits_visit_history", args=[row.visit.pk]), 404),
        (
            reverse(
                "admin:visits_visit_simple_history",
                args=[row.visit.pk, row.visit.history.latest().history_id],
            ),
            404,
        ),
        (reverse("admin:visits_engagement_change", args=[row.engagement.pk]), 302),
        (reverse("admin:visits_engagement_history", args=[row.engagement.pk]), 404),
        (reverse("admin:visits_guest_change", args=[row.guest.pk]), 302),
    ]


def opened_pages(row):
    """A visible record's pages that show linked records (a guest's page shows none)."""
    return [
        reverse("admin:visits_visit_change", args=[row.visit.pk]),
        reverse("admin:visits_visit_history", args=[row.visit.pk]),
        reverse("admin:visits_engagement_change", args=[row.engagement.pk]),
        reverse("admin:visits_engagement_history", args=[row.engagement.pk]),
    ]


@PROPERTY
@given(specs=scenarios, name=st.sampled_from(SIGNED_IN))
def test_admin_lists_and_autocomplete_show_only_what_the_rules_allow(world, specs, name):
    viewer, client = world.viewer(name), world.clients[name]
    event(f"viewer: {name}")  # --hypothesis-show-statistics shows how often each is drawn
    with rolled_back():
        rows = seed(world, specs)
        shown, hidden = split(rows, viewer)
        for model, url, query in admin_lists():
            response = client.get(url, query)
            text = response.content.decode()
            assert response.status_code == 200, (name, url)
            assert leaks(text, hidden) == [], (name, url, query)
            listed = [token for row in shown for token in CHANGELISTS[model](row)]
            assert [token for token in listed if token not in text] == [], (name, url, query)
        for url, query, offered in autocompletes():
            response = client.get(url, query)
            text = response.content.decode()
            assert leaks(text, hidden) == [], (name, query)
            found = {int(result["id"]) for result in json.loads(text)["results"]}
            assert found == pks(offered(row) for row in shown), (name, query)
        for signed_out in SIGNED_OUT:
            pages = [
                *((url, query) for _, url, query in admin_lists()),
                *((url, query) for url, query, _ in autocompletes()),
            ]
            for url, query in pages:
                response = world.clients[signed_out].get(url, query)
                assert response.status_code == 302, (signed_out, url)
                assert leaks(response.content.decode(), rows) == [], (signed_out, url)


@PROPERTY
@given(specs=scenarios, name=st.sampled_from(SIGNED_IN))
def test_admin_change_and_history_pages_of_hidden_records_are_refused(world, specs, name):
    viewer, client = world.viewer(name), world.clients[name]
    event(f"viewer: {name}")  # --hypothesis-show-statistics shows how often each is drawn
    with rolled_back():
        rows = seed(world, specs)
        shown, hidden = split(rows, viewer)
        for row in hidden:
            for url, refused in refused_pages(row):
                response = client.get(url)
                assert response.status_code == refused, (name, url)
                assert leaks(response.content.decode(), hidden) == [], (name, url)
        for row in shown:
            for url in opened_pages(row):
                response = client.get(url)
                assert response.status_code == 200, (name, url)
                assert leaks(response.content.decode(), hidden) == [], (name, url)
        for signed_out in SIGNED_OUT:
            for url, _ in (page for row in rows for page in refused_pages(row)):
                response = world.clients[signed_out].get(url)
                assert response.status_code == 302, (signed_out, url)
                assert leaks(response.content.decode(), rows) == [], (signed_out, url)


def test_engagement_change_page_opens_read_only_for_staff(staff_member):
    """Staff hold only the view permission: the page opens read-only. EngagementAdmin.get_form
    once read form.base_fields["status"], absent from a read-only form: a KeyError, a 500."""
    engagement = EngagementFactory(title_en="Open reception")
    client = Client(HTTP_ACCEPT_LANGUAGE="en", raise_request_exception=False)
    client.force_login(staff_member)
    response = client.get(reverse("admin:visits_engagement_change", args=[engagement.pk]))
    assert response.status_code == 200, "view-only engagement page: server error"
    assert "Open reception" in response.content.decode()


# --- 4. conflict refusals -------------------------------------------------------------------


@PROPERTY
@given(specs=scenarios)
def test_conflict_refusal_against_a_hidden_engagement_names_nothing_hidden(world, specs):
    with rolled_back():
        rows = seed(world, specs)
        booker = VisitFactory(
            starts_on=world.monday,
            ends_on=world.monday + timedelta(days=6),
            confidentiality=Confidentiality.PUBLIC,
            status=VisitStatus.CONFIRMED,
            principal=GuestFactory(name="Booking Guest"),
        )
        for viewer in world.viewers:
            hidden = split(rows, viewer)[1]
            for row in (row for row in rows if row.live):

                def book(viewer=viewer, row=row):
                    return create_engagement(
                        visit=booker,
                        by=viewer.user,
                        starts_at=row.engagement.starts_at,
                        ends_at=row.engagement.ends_at,
                        kind=EngagementKind.MEETING,
                        title_fr="Réservation",
                        title_en="Booking",
                        venue=world.venue,
                        hosts=[world.mayor],
                    )

                if not viewer.user.has_perm("visits.add_engagement"):
                    # Staff read, the public and closed accounts may not book at all.
                    with pytest.raises(PermissionDenied):
                        book()
                    continue
                with pytest.raises(Conflict) as refusal:
                    book()
                messages = refusal.value.message_dict
                text = " ".join(message for lines in messages.values() for message in lines)
                assert leaks(text, hidden) == [], viewer.name
                if row in hidden:
                    assert messages == {
                        "venue": ["The room is taken at this time."],
                        "hosts": [f"{world.mayor.name} is not available at this time."],
                    }, viewer.name
                else:
                    named = (row.engagement.title_en, row.visit.reference)
                    for message in (*messages["venue"], *messages["hosts"]):
                        assert all(token in message for token in named), viewer.name
