# English dates as Django writes them ("Dec. 17, 2026"), times 24-hour ("11:00", where
# Django's English says "11 a.m."). Input formats are Django's.
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "N j, Y, H:i"
SHORT_DATETIME_FORMAT = "m/d/Y H:i"
