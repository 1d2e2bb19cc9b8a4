"""Where each table stands on the plan: a grid, table 1 first, or a platform's rows stacked,
the first nearest the audience at the bottom; and the room each takes, names included."""

from __future__ import annotations

import math
from dataclasses import dataclass

from visits.ceremony.seat_types import Layout
from visits.ceremony.tables import DEPTH, SEAT, SPACING, Place, table_places

LABEL = 44.0  # room for a name outside the place
GAP = 40.0  # between two tables' drawings
MARGIN = 30.0
TOP = 56.0  # the title
BOTTOM = 64.0  # the door, or the audience


@dataclass(frozen=True)
class TableShape:
    number: int
    kind: str  # "rect", "circle" or "row"
    cx: float
    cy: float
    width: float
    height: float
    places: tuple[Place, ...]


@dataclass(frozen=True)
class Room:
    tables: tuple[TableShape, ...]
    width: float
    height: float


def extent(layout: Layout, places: tuple[Place, ...]) -> tuple[float, float]:
    """Half the width and height a table's drawing takes, names included."""
    xs = [abs(p.x) for p in places] or [0.0]
    ys = [abs(p.y) for p in places] or [0.0]
    head = LABEL * 1.6 if layout == Layout.ENGLISH else SPACING / 2
    if layout == Layout.ROUND:
        reach = max(xs + ys) + SEAT + LABEL
        return reach + SPACING / 4, reach
    return max(xs) + head, max(ys) + SEAT + LABEL


def room(layout: Layout, sizes: tuple[int, ...], aisle: bool = False) -> Room:
    """Tables in a grid, table 1 first; a platform's rows stacked, the first nearest the
    audience, at the bottom."""
    all_places = [table_places(layout, size, aisle) for size in sizes]
    extents = [extent(layout, places) for places in all_places] or [(0.0, 0.0)]
    cell_w = 2 * max(w for w, _ in extents) + GAP
    cell_h = 2 * max(h for _, h in extents) + GAP
    count = len(sizes)
    columns = 1 if layout == Layout.PLATFORM else max(1, math.ceil(math.sqrt(count)))
    lines = max(1, math.ceil(count / columns))
    shapes = []
    for i, places in enumerate(all_places):
        column, line = i % columns, i // columns
        if layout == Layout.PLATFORM:
            line = lines - 1 - i
        cx = MARGIN + column * cell_w + cell_w / 2
        cy = TOP + line * cell_h + cell_h / 2
        shapes.append(TableShape(i + 1, kind(layout), cx, cy, *size_of(layout, places), places))
    return Room(tuple(shapes), 2 * MARGIN + columns * cell_w, TOP + lines * cell_h + BOTTOM)


def kind(layout: Layout) -> str:
    return {Layout.ROUND: "circle", Layout.PLATFORM: "row"}.get(layout, "rect")


def size_of(layout: Layout, places: tuple[Place, ...]) -> tuple[float, float]:
    """The table's own width and height (a circle's diameter twice)."""
    if not places:
        return SPACING, DEPTH
    if layout == Layout.ROUND:
        diameter = 2 * (math.hypot(places[0].x, places[0].y) - SEAT - 10)
        return diameter, diameter
    long_side = (
        max((abs(p.x) for p in places if p.outward[0] == 0), default=0.0) * 2 + SPACING * 0.8
    )
    if layout == Layout.PLATFORM:
        return long_side, 2 * SEAT + 8
    return long_side, DEPTH
