"""Text without accents, in lower case, as the search reads it (visits/models/search.py) and
the ceremony sorts names: plain Python, so the ceremony's rules, which read no model, share it.
"""

import unicodedata

# Letters that NFKD does not take apart but PostgreSQL's unaccent rules do.
LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "ẞ": "SS",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "TH",
        "ħ": "h",
        "Ħ": "H",
        "ı": "i",
    }
)


def fold(text: str | None) -> str | None:
    """`text` without accents, in lower case: what `visits_fold` does in SQL."""
    if text is None:
        return None
    if text.isascii():  # most names: nothing to take apart
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
