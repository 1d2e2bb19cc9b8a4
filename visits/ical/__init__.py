"""iCalendar writing: engagements already read (through the door, by whoever calls) as the
bytes of RFC 5545 text. Nothing here decides who sees what, serves a request or knows a
subscription: the feeds (calendar_feeds) and the reminders' attachments
(visits.services.messages) both call it.

- `events`: what an event says, as plain values (`Event`), from one loaded engagement or read
  for a whole feed in three queries;
- `content`: the text of events and calendars (escaping, folding, times in Europe/Paris);
- `timezones`: the VTIMEZONE, from zoneinfo.
"""
