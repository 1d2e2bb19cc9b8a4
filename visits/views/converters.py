from datetime import date


class IsoDateConverter:
    """`2027-03-10` in a URL; an impossible date (2027-02-30) does not match, hence a 404."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> date:
        day = date.fromisoformat(value)
        # A week either side must stay inside Python's calendar (years 1 to 9999).
        if not date(2, 1, 1) <= day <= date(9998, 12, 31):
            raise ValueError("outside the agenda's calendar")
        return day

    def to_url(self, value: date) -> str:
        return value.isoformat()


class WordConverter:
    """A string matching `regex`, as is."""

    regex = "[a-z]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class PeriodConverter(WordConverter):
    regex = "day|week"


class ReferenceConverter(WordConverter):
    """A visit's reference, `V-2027-014`: letters, digits and hyphens only."""

    regex = "[A-Za-z0-9-]{1,20}"
