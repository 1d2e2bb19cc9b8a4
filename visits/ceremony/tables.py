"""Where the places of each layout are, which are side by side, and their order of honour
(PROTOCOL_RULES.md § 2). Drawn as the plan shows them: the door, or the audience, at the
bottom; so the host, facing it, has their right on the drawing's left, as has a platform's
row seen from the audience. A place's number depends on the layout and the size alone, so a
kept plan keeps its numbers."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from visits.ceremony.seat_types import Layout

SPACING = 124.0  # between two neighbours' centres: room for a name on two lines
SEAT = 15.0  # a place's radius
DEPTH = 70.0  # a long table's width


@dataclass(frozen=True)
class Place:
    index: int  # number - 1
    x: float  # from the table's centre
    y: float
    honour: int  # 0 presiding; then 1, 2, ...
    neighbours: tuple[int, ...]
    outward: tuple[float, float]  # where the name is written, away from the table
    presiding: int = 0  # 1 the host's place, 2 the co-host's
    side: str = ""  # platform: "right" or "left" of the centre, as the seated see it


def honours(size: int, sequence, presiding: dict[int, int]) -> dict[int, int]:
    """Honour of each place: the presiding ones 0, then the order `sequence` yields them."""
    found = dict.fromkeys(presiding, 0)
    for index in sequence:
        if 0 <= index < size and index not in found:
            found[index] = len(found) - len(presiding) + 1
    return found


def outward_in_turn(k_max: int, *directions):
    """Host's right 1, host's left 1, co-host's right 1, co-host's left 1, then 2, ..."""
    for k in range(1, k_max + 1):
        for direction in directions:
            yield direction(k)


def side(n: int, first: int, y: float, outward, step: int = 1):
    """`n` places along a side, left to right on the drawing, numbered from `first`, by `step`."""
    return [(first + step * i, (i - (n - 1) / 2) * SPACING, y, outward) for i in range(n)]


def path(indices) -> list[tuple[int, int]]:
    return list(zip(indices, indices[1:], strict=False))


def build(spots, edges, honour, presiding, sides=None) -> tuple[Place, ...]:
    neighbours: dict[int, list[int]] = {index: [] for index, *_ in spots}
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    return tuple(
        Place(
            index,
            x,
            y,
            honour[index],
            tuple(sorted(neighbours[index])),
            outward,
            presiding.get(index, 0),
            (sides or {}).get(index, ""),
        )
        for index, x, y, outward in sorted(spots)
    )


def french(n: int) -> tuple[Place, ...]:
    """Both presidents mid-side, facing each other; the ends are the least honoured."""
    top, bottom = (n + 1) // 2, n // 2
    y = DEPTH / 2 + SEAT + 6
    upper = side(top, 0, -y, (0.0, -1.0))
    lower = side(bottom, n - 1, y, (0.0, 1.0), step=-1)  # clockwise: right to left
    host, cohost = upper[top // 2][0], (lower[bottom // 2][0] if bottom else None)
    up, low = [s[0] for s in upper], [s[0] for s in lower]  # left to right on the drawing
    presiding = {host: 1} | ({cohost: 2} if cohost is not None else {})
    h, c = top // 2, bottom // 2
    sequence = outward_in_turn(
        n,
        lambda k: up[h - k] if h - k >= 0 else -1,  # the host faces the door: right is left
        lambda k: up[h + k] if h + k < top else -1,
        lambda k: low[c + k] if c + k < bottom else -1,  # the co-host faces the host
        lambda k: low[c - k] if c - k >= 0 else -1,
    )
    return build(upper + lower, path(up) + path(low), honours(n, sequence, presiding), presiding)


def english(n: int) -> tuple[Place, ...]:
    """The presidents at the two ends, the host on the left; ranks alternate towards the
    middle. The ends are side by side with the corner places."""
    if n <= 2:
        x = (SPACING * 0.4 + SEAT + 6) if n == 2 else 0.0
        spots = [(0, -x, 0.0, (-1.0, 0.0)), (1, x, 0.0, (1.0, 0.0))][:n]
        presiding = {0: 1} | ({1: 2} if n == 2 else {})
        return build(spots, [], honours(n, [], presiding), presiding)
    sides = n - 2
    top, bottom = sides // 2, sides - sides // 2  # the host's right is the bottom side
    y = DEPTH / 2 + SEAT + 6
    upper = side(top, 1, -y, (0.0, -1.0))
    lower = side(bottom, n - 1, y, (0.0, 1.0), step=-1)
    end = max(top, bottom) * SPACING / 2 + SEAT + 6
    cohost = top + 1
    spots = [(0, -end, 0.0, (-1.0, 0.0)), (cohost, end, 0.0, (1.0, 0.0)), *upper, *lower]
    up, low = [s[0] for s in upper], [s[0] for s in lower]
    edges = path([0, *up, cohost]) + path([0, *low, cohost])
    presiding = {0: 1, cohost: 2}
    sequence = outward_in_turn(
        n,
        lambda k: low[k - 1] if k <= bottom else -1,  # the host faces right: right is down
        lambda k: up[k - 1] if k <= top else -1,
        lambda k: up[top - k] if k <= top else -1,  # the co-host faces left: right is up
        lambda k: low[bottom - k] if k <= bottom else -1,
    )
    return build(spots, edges, honours(n, sequence, presiding), presiding)


def round_table(n: int) -> tuple[Place, ...]:
    """The host at the top, facing the door at the bottom; the co-host opposite."""
    radius = max(SPACING * n / (2 * math.pi), 70.0)
    spots = []
    for i in range(n):
        angle = -math.pi / 2 + 2 * math.pi * i / n  # clockwise on the drawing
        dx, dy = math.cos(angle), math.sin(angle)
        spots.append((i, radius * dx, radius * dy, (dx, dy)))
    edges = [(i, (i + 1) % n) for i in range(n)] if n >= 3 else path(list(range(n)))
    cohost = n // 2
    presiding = {0: 1} | ({cohost: 2} if n >= 2 else {})
    sequence = outward_in_turn(
        n,
        lambda k: (-k) % n,  # facing the door, the host's right is the drawing's left
        lambda k: k % n,
        lambda k: (cohost - k) % n,
        lambda k: (cohost + k) % n,
    )
    return build(spots, edges, honours(n, sequence, presiding), presiding)


def platform_row(n: int, aisle: bool) -> tuple[Place, ...]:
    """D art. 16, seen from the audience: rank 1 in the centre, then on their right (the
    audience's left), then on their left, outward. An even row, or one split by an aisle,
    starts on the right-hand side of the axis."""
    right = (n + 1) // 2 if aisle else n // 2  # seats on the seated's right of the axis
    gap = SPACING if aisle else 0.0
    xs = [i * SPACING + (gap if aisle and i >= right else 0.0) for i in range(n)]
    middle = (xs[0] + xs[-1]) / 2 if n else 0.0
    spots = [(i, xs[i] - middle, 0.0, (0.0, 1.0)) for i in range(n)]
    edges = [(i, i + 1) for i in range(n - 1) if not (aisle and i + 1 == right)]
    centre = n % 2 == 1 and not aisle
    start = [right] if centre else []
    first_right = right - 1
    first_left = right + 1 if centre else right
    sequence = start + list(
        outward_in_turn(n, lambda k: first_right - k + 1, lambda k: first_left + k - 1)
    )
    sides = {i: "right" if i < right else "left" for i in range(n) if not (centre and i == right)}
    return build(spots, edges, honours(n, sequence, {}), {}, sides)


@lru_cache(maxsize=64)
def table_places(layout: Layout, size: int, aisle: bool = False) -> tuple[Place, ...]:
    if layout == Layout.ENGLISH:
        return english(size)
    if layout == Layout.ROUND:
        return round_table(size)
    if layout == Layout.PLATFORM:
        return platform_row(size, aisle)
    return french(size)
