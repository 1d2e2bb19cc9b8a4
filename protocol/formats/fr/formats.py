# Django's French already writes "H:i"; the comma sets the time apart from the year, as the
# staff pages write it ("17 décembre 2026, 11:00").
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
