"""Reads iCalendar text with libical, the parser of Evolution and of many calendar servers, and
runs its restriction check (RFC 5545 and, when there is a METHOD, RFC 5546's iTIP rules), which
refuses what stricter readers refuse: a PUBLISH without ORGANIZER, a property twice, ...

libical comes from Debian (`apt-get install gir1.2-ical-3.0 python3-gi`) for the system's
python, not the venv's: `libical_check.py` runs under /usr/bin/python3, as ical.js runs under
node. A missing libical is an error, not a skip: the check would pass without checking."""

import json
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "libical_check.py"
SYSTEM_PYTHON = Path("/usr/bin/python3")
PYTHON_OPTIONS: tuple[str, ...] = ()
MISSING = (
    "libical (ICalGLib) for the system python is needed to read calendars the way Evolution "
    "does: install Debian's gir1.2-ical-3.0 and python3-gi "
    "(apt-get install gir1.2-ical-3.0 python3-gi)."
)


def libical_read(ics: bytes | str) -> dict:
    """{"errors": [what libical wrote into the tree, X-LIC-ERROR], "events": [{uid, start_utc
    ("YYYY-MM-DDTHH:MM:SSZ")}]}, as libical reads `ics` and its restriction check finds it."""
    if not SYSTEM_PYTHON.exists():
        raise AssertionError(MISSING)
    if isinstance(ics, str):
        ics = ics.encode()
    done = subprocess.run(
        [str(SYSTEM_PYTHON), *PYTHON_OPTIONS, str(SCRIPT)],
        input=ics,
        capture_output=True,
        timeout=60,
        check=False,
    )
    if done.returncode == 3:
        raise AssertionError(f"{MISSING}\n{done.stderr.decode()}")
    if done.returncode != 0:
        raise AssertionError(f"libical failed on the calendar:\n{done.stderr.decode()}")
    return json.loads(done.stdout)


def libical_events(ics: bytes | str) -> list[dict]:
    """Each VEVENT as libical reads it; raises AssertionError with libical's errors if its
    parser or its restriction check finds any."""
    read = libical_read(ics)
    if read["errors"]:
        raise AssertionError("libical refused the calendar:\n" + "\n".join(read["errors"]))
    return read["events"]
