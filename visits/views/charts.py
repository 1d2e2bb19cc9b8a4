"""Guests received per year and by category, drawn as SVG on the server: no JavaScript, a
title and a summary for screen readers, and the same figures as a table beside them."""

from collections import Counter
from dataclasses import dataclass

from visits.models.choices import GuestCategory

# Sizes in px.
# Left: room for half a year's name centred under the first bar.
YEAR_HEIGHT, YEAR_WIDTH, YEAR_LEFT, YEAR_TOP = 120, 640, 16, 8
YEAR_STEP_MAX = 40  # up to 16 years all keep their name
YEAR_LABEL_SPACE = 40  # the room a year's name needs under the bars
NICE_EVERY = (1, 2, 5, 10, 20, 50)
CATEGORY_LENGTH, CATEGORY_STEP, CATEGORY_LEFT = 240, 24, 260  # left: the longest name


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: int
    y: int
    width: int
    height: int
    named: bool = True

    @property
    def label_x(self) -> float:
        """Where the year's name is centred: under its bar."""
        return self.x + self.width / 2


def scale(counts: list[tuple[str, int]], length: int) -> list[tuple[str, int, int]]:
    longest = max((count for _label, count in counts), default=0) or 1
    return [(label, count, round(count * length / longest)) for label, count in counts]


def label_every(step: int) -> int:
    """Name one year in 1, 2, 5, 10...: the fewest that leaves each name its room."""
    return next((every for every in NICE_EVERY if every * step >= YEAR_LABEL_SPACE), 100)


def per_year(tallied: list[tuple[int, str, int]]) -> dict:
    """Every year from the first to the last, those without a guest too: it is a time axis."""
    rows = Counter()
    for year, _category, count in tallied:
        rows[year] += count
    years = range(min(rows), max(rows) + 1) if rows else range(0)
    counts = [(str(year), rows.get(year, 0)) for year in years]
    step = max(4, min(YEAR_STEP_MAX, YEAR_WIDTH // max(len(counts), 1)))
    every = label_every(step)
    drawn = [
        Bar(
            label,
            count,
            x=YEAR_LEFT + index * step,
            y=YEAR_TOP + YEAR_HEIGHT - height,
            width=max(step - max(2, step // 5), 2),
            height=height,
            named=int(label) % every == 0 or len(counts) == 1,
        )
        for index, (label, count, height) in enumerate(scale(counts, YEAR_HEIGHT))
    ]
    return {
        "bars": drawn,
        "width": YEAR_LEFT * 2 + len(drawn) * step + 24,  # room for the last year's name
        "height": YEAR_TOP + YEAR_HEIGHT + 24,
        "axis": YEAR_TOP + YEAR_HEIGHT,
        "labels_at": YEAR_TOP + YEAR_HEIGHT + 16,
        "busiest": max(drawn, key=lambda bar: bar.count, default=None),
        "total": sum(count for _label, count in counts),
        "first": counts[0][0] if counts else "",
        "last": counts[-1][0] if counts else "",
    }


def by_category(tallied: list[tuple[int, str, int]]) -> dict:
    rows = Counter()
    for _year, category, count in tallied:
        rows[category] += count
    rows = sorted(rows.items(), key=lambda row: (-row[1], row[0]))
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
