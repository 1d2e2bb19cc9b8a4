"""A feed's token is its only secret: it must not reach a log (visits.logs says how)."""

import re

from visits.logs import HideSecretPaths, hide_secret_paths

TOKEN_IN_PATH = re.compile(r"(/calendars/feeds/)[^/?\s.]+")


class HideFeedTokens(HideSecretPaths):
    def __init__(self):
        super().__init__(TOKEN_IN_PATH)


def hide_tokens() -> None:
    hide_secret_paths(TOKEN_IN_PATH)
