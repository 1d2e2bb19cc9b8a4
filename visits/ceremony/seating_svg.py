"""The seating plan drawn as SVG on the server: the tables (or the platform's rows), each place
with its sitter's name and rank, the table numbers, and the door or the audience at the
bottom. A viewBox lets the page and the print scale it."""

from __future__ import annotations

import html
from collections.abc import Mapping

from django.utils.translation import gettext as _

from visits.ceremony.seat_checks import where_text
from visits.ceremony.seat_room import BOTTOM, Room, TableShape, room
from visits.ceremony.seat_types import Layout, Seating, SeatingOptions
from visits.ceremony.tables import SEAT

INK, TABLE, PAPER, PRESIDING = "#222", "#efe8d8", "#fff", "#f6d77b"
LINE = 13  # a name's line height
WIDEST = 18  # characters on one line of a name


def plan_svg(
    seating: Seating, labels: Mapping[str, tuple[str, str]], options: SeatingOptions, title: str
) -> str:
    """`labels`: key -> (name, rank as shown)."""
    sizes: dict[int, int] = {}
    for s in seating.seats:
        sizes[s.table] = max(sizes.get(s.table, 0), s.number)
    counts = tuple(sizes.get(t, 0) for t in range(1, max(sizes, default=0) + 1))
    drawn = room(options.layout, counts, options.central_aisle)
    box = f"0 0 {drawn.width:.0f} {drawn.height:.0f}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}" role="img" '
        f'aria-label="{escape(title)}" font-family="sans-serif" font-size="11" fill="{INK}">',
        f"<title>{escape(title)}</title>",
        text(drawn.width / 2, 30, title, size=16),
    ]
    parts += [table_svg(table, options.layout) for table in drawn.tables]
    shapes = {table.number: table for table in drawn.tables}
    for s in seating.seats:
        place = shapes[s.table].places[s.number - 1]
        label = labels.get(s.key, (s.key, "")) if s.key else None
        parts.append(place_svg(s.x, s.y, place.outward, place.presiding, label))
    parts += [front_svg(drawn, options.layout), "</svg>"]
    return "".join(parts)


def escape(content) -> str:
    """As Django's `escape`, without its lazy-string check and SafeString: 600 places."""
    return html.escape(str(content))


def text(x: float, y: float, content: str, anchor: str = "middle", size: int = 0) -> str:
    """Bold text, escaped."""
    font = f' font-size="{size}"' if size else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-weight="bold"{font}>'
        f"{escape(content)}</text>"
    )


def table_svg(table: TableShape, layout: Layout) -> str:
    label = where_text(layout, table.number)
    if table.kind == "circle":
        shape = f'<circle cx="{table.cx:.1f}" cy="{table.cy:.1f}" r="{table.width / 2:.1f}"'
    else:
        shape = (
            f'<rect x="{table.cx - table.width / 2:.1f}" y="{table.cy - table.height / 2:.1f}" '
            f'width="{table.width:.1f}" height="{table.height:.1f}" rx="4"'
        )
    shape += f' fill="{TABLE}" stroke="{INK}"/>'
    if table.kind == "row":  # the row's number on its left: its places fill the row
        number = text(table.cx - table.width / 2 - 8, table.cy + 4, label, anchor="end")
    else:
        number = text(table.cx, table.cy + 5, label, size=13)
    return f'<g class="table">{shape}{number}</g>'


def place_svg(x: float, y: float, outward, presiding: int, label) -> str:
    fill = PRESIDING if presiding else PAPER
    dash = "" if label else ' stroke-dasharray="3 3"'
    circle = (
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{SEAT:.0f}" fill="{fill}" stroke="{INK}"{dash}/>'
    )
    if not label:
        return f'<g class="place">{circle}</g>'
    name, rank = label
    return f'<g class="place">{circle}{text(x, y + 4, rank)}{name_svg(x, y, outward, name)}</g>'


def name_svg(x: float, y: float, outward, name: str) -> str:
    """The name outside the place, away from the table, on one or two lines."""
    lines = split(name)
    dx, dy = outward
    anchor = "middle" if abs(dx) < 0.5 else ("start" if dx > 0 else "end")
    tx, ty = x + dx * (SEAT + 5), y + dy * (SEAT + 5)
    if dy > 0.5:
        ty += LINE - 2  # below: the first line's baseline under the place
    elif dy < -0.5:
        ty -= (len(lines) - 1) * LINE + 2  # above: the last line just over the place
    else:
        ty += 4 - (len(lines) - 1) * LINE / 2
    spans = "".join(
        f'<tspan x="{tx:.1f}" y="{ty + i * LINE:.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text text-anchor="{anchor}">{spans}</text>'


def split(name: str) -> list[str]:
    """Two lines at the space nearest the middle when the name is long."""
    if len(name) <= WIDEST or " " not in name:
        return [name]
    middle = len(name) / 2
    cut = min((i for i, c in enumerate(name) if c == " "), key=lambda i: abs(i - middle))
    return [name[:cut], name[cut + 1 :]]


def front_svg(drawn: Room, layout: Layout) -> str:
    """The door the round tables' places of honour face, or the audience a platform faces."""
    x, y = drawn.width / 2, drawn.height - BOTTOM / 2
    if layout == Layout.ROUND:
        door = f'<rect x="{x - 40:.1f}" y="{y - 6:.1f}" width="80" height="8"/>'
        word = _("Door")
        return f'<g class="door">{door}{text(x, y + 20, word)}</g>'
    if layout == Layout.PLATFORM:
        word = _("Audience")
        note = _("Seen from the audience: the right of those seated is on your left.")
        return (
            f'<g class="audience">{text(x, y, word, size=14)}'
            f'<text x="{x:.1f}" y="{y + 18:.1f}" text-anchor="middle">{escape(note)}</text></g>'
        )
    return ""
