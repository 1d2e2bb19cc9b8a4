"""Guests received per year and by category, drawn as SVG on the server: no JavaScript, a
title and a summary for screen readers, and the same figures as a table beside them."""

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear

from visits.models.choices import GuestCategory

# Sizes in px.
YEAR_HEIGHT, YEAR_STEP, YEAR_LEFT, YEAR_TOP = 120, 26, 8, 8
CATEGORY_LENGTH, CATEGORY_STEP, CATEGORY_LEFT = 240, 24, 200
LABEL_EVERY = 5  # with more than a dozen years, name one year in five under its bar


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: int
    y: int
    width: int
    height: int
    named: bool = True


def scale(counts: list[tuple[str, int]], length: int) -> list[tuple[str, int, int]]:
    longest = max((count for _label, count in counts), default=0) or 1
    return [(label, count, round(count * length / longest)) for label, count in counts]


def per_year(participants) -> dict:
    rows = (
        participants.order_by()
        .annotate(year=ExtractYear("visit__starts_on"))
        .values_list("year")
        .annotate(count=Count("pk"))
        .order_by("year")
    )
    counts = [(str(year), count) for year, count in rows]
    few = len(counts) <= 12
    drawn = [
        Bar(
            label,
            count,
            x=YEAR_LEFT + index * YEAR_STEP,
            y=YEAR_TOP + YEAR_HEIGHT - height,
            width=YEAR_STEP - 6,
            height=height,
            named=few or int(label) % LABEL_EVERY == 0,
        )
        for index, (label, count, height) in enumerate(scale(counts, YEAR_HEIGHT))
    ]
    return {
        "bars": drawn,
        "width": YEAR_LEFT * 2 + len(drawn) * YEAR_STEP,
        "height": YEAR_TOP + YEAR_HEIGHT + 24,
        "axis": YEAR_TOP + YEAR_HEIGHT,
        "labels_at": YEAR_TOP + YEAR_HEIGHT + 16,
        "busiest": max(drawn, key=lambda bar: bar.count, default=None),
        "total": sum(count for _label, count in counts),
        "first": counts[0][0] if counts else "",
        "last": counts[-1][0] if counts else "",
    }


def by_category(participants) -> dict:
    rows = (
        participants.order_by()
        .values_list("guest__category")
        .annotate(count=Count("pk"))
        .order_by("-count", "guest__category")
    )
    names = dict(GuestCategory.choices)
    counts = [(str(names.get(code, code)), count) for code, count in rows]
    drawn = [
        Bar(label, count, CATEGORY_LEFT, index * CATEGORY_STEP + 4, length, CATEGORY_STEP - 6)
        for index, (label, count, length) in enumerate(scale(counts, CATEGORY_LENGTH))
    ]
    return {
        "bars": drawn,
        "width": CATEGORY_LEFT + CATEGORY_LENGTH + 50,
        "height": len(drawn) * CATEGORY_STEP + 8,
        "labels_at": CATEGORY_LEFT - 8,
    }
