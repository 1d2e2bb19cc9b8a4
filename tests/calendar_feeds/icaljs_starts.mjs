// Reads an iCalendar text on stdin, parses it with ical.js (Mozilla's parser, the one in
// Thunderbird) and prints, as JSON, one object per VEVENT in file order:
//   {"uid", "start_utc", "end_utc", "status", "summary", "sequence"}
// with times as "YYYY-MM-DDTHH:MM:SSZ". Used by tests/calendar_feeds/icaljs.py.
//
// Strict: anything ical.js refuses, and a few things it lets through quietly, stop the process
// with a non-zero status and the reason on stderr:
// - BEGIN/END lines that do not nest (ical.js pops on any END, whatever its name);
// - anything but exactly one VCALENDAR at the top;
// - a DTSTART or DTEND that is not a well-formed DATE-TIME (ical.js reads digits with parseInt
//   and would take 2027103X for the 3rd), or that is floating (no Z, no TZID) or all-day (DATE):
//   those have no UTC instant to compare;
// - a TZID with no VTIMEZONE in the file (ical.js would quietly fall back to floating time).
// Every VTIMEZONE of the file is registered with ICAL.TimezoneService, and each TZID'd time is
// checked to resolve to the file's own VTIMEZONE, never to a zone from elsewhere.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

class HarnessError extends Error {
  name = "HarnessError";
}

function unfoldedLines(text) {
  return text.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
}

function checkNesting(text) {
  const stack = [];
  unfoldedLines(text).forEach((line, index) => {
    const match = /^(BEGIN|END):(.*)$/i.exec(line);
    if (!match) return;
    const name = match[2].trim().toUpperCase();
    if (match[1].toUpperCase() === "BEGIN") {
      stack.push(name);
    } else if (stack.pop() !== name) {
      throw new HarnessError(`unfolded line ${index + 1}: END:${name} does not close a BEGIN`);
    }
  });
  if (stack.length) {
    throw new HarnessError(`BEGIN:${stack.at(-1)} is never ended`);
  }
}

function utcText(time, what, uid) {
  if (time.zone === ICAL.Timezone.localTimezone) {
    throw new HarnessError(`${uid}: ${what} is floating (no Z, no TZID)`);
  }
  const utc = time.convertToZone(ICAL.Timezone.utcTimezone);
  const pad = (number, width = 2) => String(number).padStart(width, "0");
  return (
    `${pad(utc.year, 4)}-${pad(utc.month)}-${pad(utc.day)}` +
    `T${pad(utc.hour)}:${pad(utc.minute)}:${pad(utc.second)}Z`
  );
}

function checkTime(property, zones, uid) {
  if (!property) return;
  const what = property.name.toUpperCase();
  // ical.js reads digits with parseInt, so "2027103X" would quietly be the 3rd: check the text.
  const text = property.jCal[3];
  if (property.type !== "date-time" || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ?$/.test(text)) {
    throw new HarnessError(`${uid}: ${what} is not a DATE-TIME: ${JSON.stringify(text)}`);
  }
  const tzid = property.getParameter("tzid");
  if (tzid === undefined || tzid === null) return;
  const own = zones.get(tzid);
  if (!own) throw new HarnessError(`${uid}: ${what} names TZID ${tzid}, not in the file`);
  const zone = property.getFirstValue().zone;
  if (!zone || !zone.component || zone.component.jCal !== own.jCal) {
    throw new HarnessError(`${uid}: TZID ${tzid} did not resolve to the file's VTIMEZONE`);
  }
}

function events(text) {
  checkNesting(text);
  const jcal = ICAL.parse(text);
  if (!Array.isArray(jcal) || jcal[0] !== "vcalendar") {
    throw new HarnessError("expected exactly one VCALENDAR at the top of the text");
  }
  const calendar = new ICAL.Component(jcal);

  ICAL.TimezoneService.reset();
  const zones = new Map();
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    const tzid = vtimezone.getFirstPropertyValue("tzid");
    if (!tzid) throw new HarnessError("a VTIMEZONE has no TZID");
    if (zones.has(tzid)) throw new HarnessError(`two VTIMEZONEs for ${tzid}`);
    zones.set(tzid, vtimezone);
    ICAL.TimezoneService.register(new ICAL.Timezone({ component: vtimezone, tzid }));
  }

  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const uid = event.uid;
    checkTime(vevent.getFirstProperty("dtstart"), zones, uid);
    checkTime(vevent.getFirstProperty("dtend"), zones, uid);
    if (!event.startDate) throw new HarnessError(`${uid}: no DTSTART`);
    return {
      uid,
      start_utc: utcText(event.startDate, "DTSTART", uid),
      end_utc: utcText(event.endDate, "DTEND", uid),
      status: vevent.getFirstPropertyValue("status"),
      summary: event.summary,
      sequence: event.sequence,
    };
  });
}

try {
  process.stdout.write(`${JSON.stringify(events(readFileSync(0, "utf8")))}\n`);
} catch (error) {
  process.stderr.write(`icaljs_starts: ${error.name}: ${error.message}\n`);
  process.exitCode = 1;
}
