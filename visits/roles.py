"""The two groups of the protocol office, created by a data migration."""

from django.contrib.auth import get_user_model
from django.db.models import Q

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


def ensure_roles(Group, Permission) -> None:  # noqa: N803 (model classes, maybe historical)
    """Creates or completes both groups; takes the models so migrations can pass theirs."""

    def permissions(actions):
        codenames = [f"{action}_{model}" for model in DOMAIN_MODELS for action in actions]
        found = Permission.objects.filter(content_type__app_label="visits", codename__in=codenames)
        if found.count() != len(codenames):
            raise LookupError("visits permissions are missing: run migrate")
        return found

    office, _ = Group.objects.get_or_create(name=PROTOCOL_OFFICE)
    office.permissions.add(*permissions(ACTIONS))
    staff, _ = Group.objects.get_or_create(name=STAFF)
    staff.permissions.add(*permissions(["view"]))


def protocol_officers(keeping: int | None = None):
    """Active members of the protocol office (and superusers): who may lead a visit; plus the
    user `keeping`, so a visit's current lead officer stays a valid choice."""
    User = get_user_model()
    members = User.objects.filter(
        Q(groups__name=PROTOCOL_OFFICE) | Q(is_superuser=True), is_active=True
    )
    return User.objects.filter(Q(pk__in=members.values("pk")) | Q(pk=keeping)).order_by(
        "last_name", "first_name", "username"
    )
