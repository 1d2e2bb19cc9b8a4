"""The two groups of the protocol office. Used by the data migration and by tests."""

PROTOCOL_OFFICE = "Protocol office"
STAFF = "Staff"

# Models the protocol office edits and staff read; the confidential permission is separate
# and granted person by person (see visits.models.visibility).
DOMAIN_MODELS = [
    "guest",
    "venue",
    "host",
    "visit",
    "visitguest",
    "engagement",
    "honorarycitizenship",
]
ACTIONS = ["add", "change", "delete", "view"]
