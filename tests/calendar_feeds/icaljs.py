"""Parses iCalendar text with ical.js, Mozilla's parser (Thunderbird's), run under node.

The feed tests check that three independent parsers (icalendar, vobject, ical.js) agree on
every event's start: the Python two share habits, ical.js is what a large share of subscribers
actually run. `icaljs_starts.mjs` does the parsing (strictly, each TZID read with the file's
own VTIMEZONE); this module only runs it. A missing node or node_modules is an error, not a
skip: a suite that skips its third parser would pass without checking anything. `make install`
(run by `make test`) installs ical.js from package-lock.json with `npm ci`.
"""

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "calendar_feeds" / "icaljs_starts.mjs"


def icaljs_events(ics: bytes | str) -> list[dict]:
    """Each VEVENT of `ics`, in file order, as ical.js reads it: uid, start_utc and end_utc
    ("YYYY-MM-DDTHH:MM:SSZ"), status, summary, sequence. Raises AssertionError when ical.js
    (or the script's own checks) refuse the text."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "ical.js").is_dir():
        raise AssertionError(
            "ical.js under node is needed to read calendars the way Thunderbird does: "
            "install node and npm, then run `make install` (it runs `npm ci`)."
        )
    if isinstance(ics, str):
        ics = ics.encode()
    done = subprocess.run(
        [node, str(SCRIPT)], input=ics, capture_output=True, cwd=ROOT, timeout=60, check=False
    )
    if done.returncode != 0:
        raise AssertionError(f"ical.js refused the calendar:\n{done.stderr.decode()}")
    return json.loads(done.stdout)
