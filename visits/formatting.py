from datetime import date

from visits.dates import date_format
from visits.models.choices import DatePrecision


def date_at_precision(value: date | None, precision: str) -> str:
    """A date written only as precisely as it is known: "2004", "avril 2008", "21 avril 2008"."""
    if value is None:
        return "—"
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return date_format(value, "YEAR_MONTH_FORMAT")
    return date_format(value, "DATE_FORMAT")
