"""The registers hold no leak either (DESIGN.md, decision 1; issue 18): whatever visits exist,
a Golden Book signature reaches exactly the viewers who may see its engagement and its signers,
a gift those who may see its guest and visit, the public only what is published; and the public
Golden Book, register of gifts and partner pages name nothing hidden from the public.
The world and its oracle are those of test_leak_properties.py."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone
from hypothesis import given

from tests.visits.leak_world import PROPERTY, leaks, pks, rolled_back, scenarios, seed, split
from visits.models import Gift, GoldenBookSignature
from visits.services.agreements import create_agreement

pytestmark = pytest.mark.django_db


def fresh_pages() -> None:
    """Each example's writes are rolled back, and the public state's version with them: the
    next example counts the same versions again, so a page kept from the last one would be
    served under its key. The kept pages go with each example."""
    caches["pages"].clear()


def signatures_for(rows) -> dict[int, GoldenBookSignature]:
    """One published signature per row, by its guest, signed yesterday: by the row's index."""
    yesterday = timezone.localdate() - timedelta(days=1)
    made = {}
    for n, row in enumerate(rows):
        signature = GoldenBookSignature.objects.create(
            engagement=row.engagement,
            signed_on=yesterday,
            text=f"Zqx{n + 1}Words",
            published=True,
        )
        signature.signers.add(row.guest)
        made[n] = signature
    return made


@PROPERTY
@given(specs=scenarios)
def test_signatures_reach_exactly_those_who_may_see_them(world, specs):
    with rolled_back():
        rows = seed(world, specs)
        made = signatures_for(rows)
        ours = pks(made.values())
        for viewer in world.viewers:
            shown, _hidden = split(rows, viewer)
            seen = GoldenBookSignature.objects.visible_to(viewer.user)
            expected = {made[rows.index(row)].pk for row in shown}
            assert set(seen.values_list("pk", flat=True)) & ours == expected, viewer.name


@PROPERTY
@given(specs=scenarios)
def test_the_public_golden_book_names_nothing_hidden_from_the_public(world, specs):
    with rolled_back():
        fresh_pages()
        rows = seed(world, specs)
        signatures_for(rows)
        shown, hidden = split(rows, world.viewer("anonymous"))
        for name in ("anonymous", "nogroup"):
            text = world.clients[name].get(reverse("public:golden_book")).content.decode()
            assert leaks(text, hidden) == [], name
            assert all(row.guest.name in text for row in shown), name


def test_a_draft_or_a_signature_by_a_hidden_guest_stays_out_of_the_public_book(world):
    """The two rules of the public book beyond its engagement's visit: published, and every
    signer one the public may see."""
    from tests.factories import GuestFactory, VisitFactory
    from tests.visits.leak_world import VisitSpec

    spec = VisitSpec("public", "held", "none", False, "confirmed", 0, 9)
    (row,) = seed(world, [spec])
    draft, with_hidden = signatures_for([row, row]).values()
    draft.published = False
    draft.save()
    secret = GuestFactory(name="Zqx9Hidden")
    VisitFactory(confidentiality="confidential", principal=secret)
    with_hidden.signers.add(secret)
    assert not GoldenBookSignature.objects.visible_to(None).filter(
        pk__in=[draft.pk, with_hidden.pk]
    )
    cleared = world.viewer("cleared").user
    assert GoldenBookSignature.objects.visible_to(cleared).filter(pk=with_hidden.pk).exists()


def gifts_for(rows) -> dict[int, Gift]:
    """One published gift received from each row's guest at its visit, by the row's index."""
    return {
        n: Gift.objects.create(
            direction="received",
            guest=row.guest,
            visit=row.visit,
            given_on=timezone.localdate(),
            description_fr=f"Zqx{n + 1}Cadeau",
            description_en=f"Zqx{n + 1}Gift",
            published=True,
        )
        for n, row in enumerate(rows)
    }


@PROPERTY
@given(specs=scenarios)
def test_gifts_reach_exactly_those_who_may_see_them(world, specs):
    with rolled_back():
        rows = seed(world, specs)
        made = gifts_for(rows)
        ours = pks(made.values())
        for viewer in world.viewers:
            shown, _hidden = split(rows, viewer)
            seen = set(Gift.objects.visible_to(viewer.user).values_list("pk", flat=True))
            assert seen & ours == {made[rows.index(row)].pk for row in shown}, viewer.name


@PROPERTY
@given(specs=scenarios)
def test_the_public_registers_name_nothing_hidden_from_the_public(world, specs):
    with rolled_back():
        fresh_pages()
        rows = seed(world, specs)
        gifts_for(rows)
        pact = create_agreement(
            by=None,
            visits=[row.visit for row in rows],
            partner_city_fr="Zqx",
            partner_city_en="Zqx",
            country="IT",
            latitude=Decimal("41.9"),
            longitude=Decimal("12.5"),
            kind="friendship_pact",
            published=True,
        )
        shown, hidden = split(rows, world.viewer("anonymous"))
        for name in ("anonymous", "nogroup"):
            client = world.clients[name]
            register = client.get(reverse("public:gifts")).content.decode()
            assert leaks(register, hidden) == [], name
            assert all(row.guest.name in register for row in shown), name
            partner = client.get(pact.public_path).content.decode()
            assert leaks(partner, hidden) == [], name
