from datetime import date

from visits.dates import date_format
from visits.models.choices import DatePrecision

# The admin's formats, as its other date columns ("Dec. 17, 2026"); the public pages' months in
# words, as the templates' "j F Y" ("17 December 2026").
ADMIN_FORMATS = {DatePrecision.DAY: "DATE_FORMAT", DatePrecision.MONTH: "YEAR_MONTH_FORMAT"}
IN_WORDS = {DatePrecision.DAY: "j F Y", DatePrecision.MONTH: "F Y"}


def date_at_precision(
    value: date | None, precision: str, formats: dict = ADMIN_FORMATS, empty: str = "—"
) -> str:
    """A date written only as precisely as it is known: "2004", "avril 2008", "21 avril 2008"."""
    if value is None:
        return empty
    if precision == DatePrecision.YEAR:
        return str(value.year)
    return date_format(value, formats[precision])


def as_known(day: date | None, precision: str) -> str:
    """The public pages': "12 March 2001", "March 2001" or "2001"; nothing when unknown."""
    return date_at_precision(day, precision, IN_WORDS, empty="")
