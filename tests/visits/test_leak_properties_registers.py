"""The registers hold no leak either (DESIGN.md, decision 1; issue 18): whatever visits exist,
a Golden Book signature reaches exactly the viewers who may see its engagement and its signers,
the public only once published, and the public Golden Book names nothing hidden from it.
The world and its oracle are those of test_leak_properties.py."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given

from tests.visits.leak_world import PROPERTY, leaks, pks, rolled_back, scenarios, seed, split
from visits.models import GoldenBookSignature

pytestmark = pytest.mark.django_db


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
