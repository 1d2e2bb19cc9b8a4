"""Secrets carried in a path must not reach a log: a calendar feed's token, an invitation's
reply link. Django logs the path of a 404 ("Not Found: ...", a revoked or guessed secret) and
gunicorn's access log every request line. Each secret path is a pattern whose first group is
kept and whose secret becomes "…"."""

import logging
import re

# The reply link, in both languages' paths (visits/public_urls.py).
REPLY_LINK = re.compile(r"(/(?:en/reply|fr/reponse)/)[^/?\s.]+")


class HideSecretPaths(logging.Filter):
    def __init__(self, *patterns: re.Pattern):
        super().__init__()
        self.patterns = patterns

    def hidden(self, value):
        if not isinstance(value, str):
            return value
        for pattern in self.patterns:
            value = pattern.sub(r"\1…", value)
        return value

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.hidden(record.msg)
        if isinstance(record.args, dict):  # gunicorn's access log: its atoms, changed in place
            for name, value in record.args.items():  # (their class answers "-" for any other)
                record.args[name] = self.hidden(value)
        elif record.args:
            record.args = tuple(self.hidden(value) for value in record.args)
        return True


LOGGERS = ("django.request", "django.server", "gunicorn.access")


def hide_secret_paths(*patterns: re.Pattern) -> None:
    for name in LOGGERS:
        logging.getLogger(name).addFilter(HideSecretPaths(*patterns))
