"""Display formats per language (settings.FORMAT_MODULE_PATH): times are written 24-hour in
both languages ("11:00", never "11 a.m."), as the staff pages and printed run-sheets write them;
dates keep their language's month names. What is not set here is Django's own format."""
