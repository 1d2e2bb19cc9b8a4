"""A feed's token is its only secret: it must not reach a log. Django logs the path of a 404
("Not Found: ...", a revoked or guessed token) and gunicorn's access log every request line."""

import logging
import re

TOKEN_IN_PATH = re.compile(r"(/calendars/feeds/)[^/?\s.]+")


def hidden(value):
    return TOKEN_IN_PATH.sub(r"\1…", value) if isinstance(value, str) else value


class HideFeedTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = hidden(record.msg)
        if isinstance(record.args, dict):  # gunicorn's access log: its atoms, changed in place
            for name, value in record.args.items():  # (their class answers "-" for any other)
                record.args[name] = hidden(value)
        elif record.args:
            record.args = tuple(hidden(value) for value in record.args)
        return True


def hide_tokens() -> None:
    for name in ("django.request", "django.server", "gunicorn.access"):
        logging.getLogger(name).addFilter(HideFeedTokens())
