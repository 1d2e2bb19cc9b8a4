"""Whatever visits exist, no output shows a viewer what the door hides from them (DESIGN.md,
decision 1).

Hypothesis draws one to four visits of any confidentiality, status, embargo and lead officer,
each with its own principal guest and one engagement in one shared room. An oracle written
here from the rules, not from `visit_filter_for`, says who may see each visit; the door's
querysets, the staff pages, the admin and the conflict refusals are held to it. Every name is a
token (`Zqx1Guest`, `Zqx1Occasion`, ...), so a leak is a plain substring of a page.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from hypothesis import given

from tests.factories import (
    GuestFactory,
    VisitFactory,
)
from tests.visits.leak_world import (
    BUSY_BLOCK,
    PROPERTY,
    leaks,
    pks,
    rolled_back,
    scenarios,
    seed,
    split,
)
from visits.models import Engagement, Guest, Visit
from visits.models.choices import (
    Confidentiality,
    EngagementKind,
    VisitStatus,
)
from visits.services import Conflict, create_engagement

pytestmark = pytest.mark.django_db

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
            if not viewer.staff_member:  # sent to sign in, or refused once signed in
                assert response.status_code == (403 if viewer.signed_in else 302), viewer.name
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
                elif not viewer.staff_member:
                    assert response.status_code == 403, (viewer.name, url)
                elif row in hidden:
                    assert response.status_code == 404, (viewer.name, url)
                else:
                    assert response.status_code == 200, (viewer.name, url)
                    assert row.visit.occasion_en in text and row.guest.name in text
                    assert (row.engagement.title_en in text) == row.live


# --- 2. the API ------------------------------------------------------------------------------


@PROPERTY
@given(specs=scenarios)
def test_api_outputs_show_only_what_the_rules_allow(world, specs):
    with rolled_back():
        rows = seed(world, specs)
        _shown, hidden_from_public = split(rows, world.viewer("anonymous"))
        for public_list in ("api:distinguished_guests", "api:honorary_citizens"):
            for name in ("anonymous", "nogroup"):  # a signed-in account reads what anyone does
                public = world.clients[name].get(reverse(public_list), {"limit": 100})
                assert public.status_code == 200, name
                assert leaks(public.content.decode(), hidden_from_public) == [], name
        for viewer in world.viewers:
            shown, hidden = split(rows, viewer)
            client = world.clients[viewer.name]
            lists = ("visits", "engagements", "guests", "honours")
            visits, engagements, *others = [
                client.get(reverse(f"api:list_{name}"), {"limit": 100}) for name in lists
            ]
            if not viewer.staff_member:  # not signed in; or signed in, but not City Hall staff
                statuses = [r.status_code for r in (visits, engagements, *others)]
                refused = 403 if viewer.signed_in else 401
                assert statuses == [refused] * len(lists), viewer.name
                details = [
                    client.get(reverse("api:get_visit", args=[row.visit.reference])) for row in rows
                ]
                for response in (visits, engagements, *others, *details):
                    assert response.status_code == refused, viewer.name
                    assert leaks(response.content.decode(), rows) == [], viewer.name
                continue
            for response in (visits, engagements, *others):
                assert response.status_code == 200, viewer.name
                assert leaks(response.content.decode(), hidden) == [], viewer.name
            listed = {item["reference"] for item in visits.json()["items"]}
            assert listed == {row.visit.reference for row in shown}, viewer.name
            titles = {item["title_en"] for item in engagements.json()["items"]}
            assert titles == {row.engagement.title_en for row in shown}, viewer.name
            for row in rows:
                detail = client.get(reverse("api:get_visit", args=[row.visit.reference]))
                assert leaks(detail.content.decode(), hidden) == [], viewer.name
                assert detail.status_code == (200 if row in shown else 404), viewer.name


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
