"""Flags and anthems in France (Q 15-3699 and practice, PROTOCOL_RULES.md § 4), and the flags
drawn as SVG, seen from the front.

Seen from the front, the masts read from the onlooker's left: the flags other than the French
one, in protocol order (foreign states in the alphabetical order of their French names, then the
European flag), with the tricolour inserted in the middle. That single rule gives the answer's
cases: two flags, the other on the French flag's right, the onlooker's left ([SE, FR], and
[EU, FR] for the European flag alone); three, the tricolour in the centre, the foreign state's on
its right and the European one on its left ([SE, FR, EU]); more, the usual practice, the
tricolour in the centre (right of centre from the front when the count is even, like two
flags) and the European flag at the far right. No empty mast."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext as _

from visits.folding import fold

FRANCE, EUROPE = "FR", "EU"


@dataclass(frozen=True)
class Mast:
    position: int  # 1 is the leftmost seen from the front
    country: str  # "FR", "EU" or an ISO 3166 alpha-2 code


def flag_arrangement(
    countries: Iterable[str], with_europe: bool, names_fr: Mapping[str, str]
) -> tuple[Mast, ...]:
    """The masts for the engagement's countries; France is always there, each country once."""
    codes = _codes(countries)
    others = _foreign(codes, names_fr)
    if with_europe or EUROPE in codes:
        others.append(EUROPE)
    middle = (len(others) + 1) // 2
    row = others[:middle] + [FRANCE] + others[middle:]
    return tuple(Mast(position, country) for position, country in enumerate(row, start=1))


def anthem_order(countries: Iterable[str], names_fr: Mapping[str, str]) -> tuple[str, ...]:
    """Foreign anthems in the French alphabetical order of their countries, the European anthem
    when the European Union is among them, the Marseillaise last (practice)."""
    codes = _codes(countries)
    europe = [EUROPE] if EUROPE in codes else []
    return (*_foreign(codes, names_fr), *europe, FRANCE)


def _codes(countries: Iterable[str]) -> set[str]:
    return {code.strip().upper() for code in countries if code and code.strip()}


def _foreign(codes: set[str], names_fr: Mapping[str, str]) -> list[str]:
    return sorted(codes - {FRANCE, EUROPE}, key=lambda code: (fold(names_fr.get(code, code)), code))


# Drawing: one mast every STEP units; flags are 3:2.
STEP, MARGIN, FLAG_W, FLAG_H = 140, 30, 90, 60
POLE_TOP, POLE_FOOT, LABEL_Y, CAPTION_Y, HEIGHT = 20, 190, 212, 244, 260
BLUE, RED, EU_BLUE, EU_GOLD, INK = "#000091", "#E1000F", "#003399", "#FFCC00", "#3A3A3A"


def flags_svg(masts: Sequence[Mast], names: Mapping[str, str], title: str) -> str:
    """The masts seen from the front, each labelled with its country's name in `names` (the
    active language). Other states' flags are drawn as labelled rectangles: the project holds
    no flag images."""
    width = max(2 * MARGIN + len(masts) * STEP - (STEP - FLAG_W), 220)
    ordered = sorted(masts, key=lambda mast: mast.position)
    labels = [names.get(mast.country) or _default_name(mast.country) for mast in ordered]
    description = _("From left to right: %(flags)s") % {"flags": ", ".join(labels)}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {HEIGHT}" '
        f'width="{width}" height="{HEIGHT}" role="img" aria-label={quoteattr(title)} '
        'font-family="sans-serif">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(description)}</desc>",
    ]
    for index, (mast, label) in enumerate(zip(ordered, labels, strict=True)):
        pole = MARGIN + index * STEP
        parts.append(
            f'<line x1="{pole}" y1="{POLE_TOP}" x2="{pole}" y2="{POLE_FOOT}" '
            f'stroke="{INK}" stroke-width="3"/>'
        )
        parts.append(_flag(mast.country, pole + 2, POLE_TOP + 4))
        parts.append(
            f'<text x="{pole + FLAG_W // 2}" y="{LABEL_Y}" text-anchor="middle" '
            f'font-size="13" fill="{INK}">{mast.position}. {escape(label)}</text>'
        )
    parts.append(
        f'<text x="{width // 2}" y="{CAPTION_Y}" text-anchor="middle" font-size="13" '
        f'font-style="italic" fill="{INK}">{escape(_("Seen from the front"))}</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def _default_name(code: str) -> str:
    return {FRANCE: _("France"), EUROPE: _("European Union")}.get(code, code)


def _flag(code: str, x: int, y: int) -> str:
    outline = (
        f'<rect x="{x}" y="{y}" width="{FLAG_W}" height="{FLAG_H}" fill="none" '
        f'stroke="{INK}" stroke-width="1"/>'
    )
    if code == FRANCE:
        band = FLAG_W // 3
        bands = [
            f'<rect x="{x + i * band}" y="{y}" width="{band}" height="{FLAG_H}" fill="{colour}"/>'
            for i, colour in enumerate((BLUE, "#FFFFFF", RED))
        ]
        return "\n".join([*bands, outline])
    if code == EUROPE:
        background = f'<rect x="{x}" y="{y}" width="{FLAG_W}" height="{FLAG_H}" fill="{EU_BLUE}"/>'
        return "\n".join([background, *_stars(x + FLAG_W / 2, y + FLAG_H / 2), outline])
    return "\n".join(
        [
            f'<rect x="{x}" y="{y}" width="{FLAG_W}" height="{FLAG_H}" fill="#F2F2F2"/>',
            f'<text x="{x + FLAG_W // 2}" y="{y + FLAG_H // 2 + 6}" text-anchor="middle" '
            f'font-size="18" fill="{INK}">{escape(code)}</text>',
            outline,
        ]
    )


def _stars(cx: float, cy: float) -> list[str]:
    """Twelve five-pointed gold stars on a circle whose radius is a third of the flag's height,
    each star's points on a circle of an eighteenth of it, one point upwards (the flag's
    official geometry)."""
    ring, outer = FLAG_H / 3, FLAG_H / 18
    inner = outer * math.sin(math.radians(18)) / math.sin(math.radians(54))
    stars = []
    for hour in range(12):
        sx = cx + ring * math.cos(math.radians(hour * 30))
        sy = cy + ring * math.sin(math.radians(hour * 30))
        points = []
        for k in range(10):
            radius = outer if k % 2 == 0 else inner
            angle = math.radians(-90 + k * 36)
            points.append(
                f"{sx + radius * math.cos(angle):.2f},{sy + radius * math.sin(angle):.2f}"
            )
        stars.append(f'<polygon points="{" ".join(points)}" fill="{EU_GOLD}"/>')
    return stars
