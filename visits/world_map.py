"""A world map drawn on the server (issue 18): the land of Natural Earth at 1:110m
(visits/fixtures/maps/, read once per process), in the Equal Earth projection, as one SVG path;
places as points on it. No tiles fetched, no script: the page holds the whole map.

Plain Python over plain data, like the ceremony's rules: the views give it places and get SVG."""

import functools
import html
import json
import math
from dataclasses import dataclass
from pathlib import Path

LAND = Path(__file__).resolve().parent / "fixtures" / "maps" / "land-110m.json"
WIDTH = 1000  # the drawing's units; the page scales it to its width
# Equal Earth (Šavrič, Patterson and Jenny, 2018): areas kept, a pleasant outline.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_MAX, Y_MAX = 2.7206680, 1.3173627  # the projection's extent, for a sphere of radius 1
SCALE = WIDTH / (2 * X_MAX)
SOUTH = -58.0  # the map stops below Cape Horn: Antarctica is left out


@dataclass(frozen=True)
class Place:
    label: str  # what the point's title says (and a screen reader)
    latitude: float
    longitude: float
    href: str = ""


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """Degrees to the drawing's units, north up."""
    lam, phi = math.radians(longitude), math.asin(M * math.sin(math.radians(latitude)))
    phi2 = phi * phi
    phi6 = phi2 * phi2 * phi2
    x = lam * math.cos(phi) / (M * (A1 + 3 * A2 * phi2 + phi6 * (7 * A3 + 9 * A4 * phi2)))
    y = phi * (A1 + A2 * phi2 + phi6 * (A3 + A4 * phi2))
    return (x + X_MAX) * SCALE, (Y_MAX - y) * SCALE


HEIGHT = math.ceil(project(0, SOUTH)[1])


def decoded_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as longitudes and latitudes."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs) -> list[tuple[float, float]]:
    """A ring from its arcs; ~i is arc i backwards; each arc starts where the last ended."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def path_of(points) -> str:
    """One ring as SVG path data, points under half a unit apart merged (the map is small).
    Where the ring crosses the antimeridian it goes to the map's edge and on from the other
    edge, instead of a line across the world. Antarctica is left out: no partner is there."""
    if not points or max(latitude for _longitude, latitude in points) < -60:
        return ""
    commands, last, previous = [], None, None
    for longitude, latitude in points:
        if previous is not None and abs(longitude - previous[0]) > 180:
            edge = math.copysign(180, previous[0])
            middle = (latitude + previous[1]) / 2
            commands.append("L{:.1f} {:.1f}".format(*project(edge, middle)))
            commands.append("M{:.1f} {:.1f}".format(*project(-edge, middle)))
            last = None
        x, y = project(longitude, latitude)
        if last is None or abs(x - last[0]) + abs(y - last[1]) >= 0.5:
            commands.append(("M" if not commands else "L") + f"{x:.1f} {y:.1f}")
            last = (x, y)
        previous = (longitude, latitude)
    return "".join(commands) + "Z" if len(commands) > 2 else ""


@functools.cache
def land_path() -> str:
    topology = json.loads(LAND.read_text())
    arcs = decoded_arcs(topology)
    parts = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            parts.extend(path_of(ring(indexes, arcs)) for indexes in polygon)
    return "".join(part for part in parts if part)


def world_map(places: list[Place], *, title: str, description: str) -> str:
    """The SVG, with its title and description for screen readers; each place a point that
    links to its page when it has one."""
    marks = []
    for place in places:
        x, y = project(place.longitude, place.latitude)
        label = html.escape(place.label)
        point = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6"><title>{label}</title></circle>'
        if place.href:
            point = f'<a href="{html.escape(place.href)}" aria-label="{label}">{point}</a>'
        marks.append(point)
    return (
        f'<svg class="world-map" viewBox="0 0 {WIDTH} {HEIGHT}" '
        'xmlns="http://www.w3.org/2000/svg" aria-labelledby="map-title map-description">'
        f'<title id="map-title">{html.escape(title)}</title>'
        f'<desc id="map-description">{html.escape(description)}</desc>'
        f'<path class="land" d="{land_path()}"/>'
        f'<g class="places">{"".join(marks)}</g></svg>'
    )
