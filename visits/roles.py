"""The two groups of the protocol office, created by a data migration."""

from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
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
# The planning models (reminders and checklists) came later: the office edits checklists and
# retries reminders; staff read checklists.
PLANNING_OFFICE = {
    "checklisttemplate": ACTIONS,
    "checklisttemplatetask": ACTIONS,
    "checklisttask": ACTIONS,
    "staffprofile": ACTIONS,
    "reminder": ["change", "view"],
}
PLANNING_STAFF = {
    "checklisttemplate": ["view"],
    "checklisttemplatetask": ["view"],
    "checklisttask": ["view"],
}
# The ceremony models (issue 16): the office edits precedence, attendance and seating; staff
# read them, as they read the run-sheet.
CEREMONY_MODELS = [
    "office",
    "precedencelist",
    "precedencerank",
    "officeholding",
    "addressform",
    "ceremony",
    "attendance",
    "seatingpair",
]
CEREMONY_OFFICE = {model: ACTIONS for model in CEREMONY_MODELS}
CEREMONY_STAFF = {model: ["view"] for model in CEREMONY_MODELS}
# Invitations (issue 17): the office invites and follows the replies; staff read them and
# check invitees in at the door.
INVITATION_MODELS = ["addresscard", "reception", "invitation", "reply"]
INVITATION_OFFICE = {model: ACTIONS for model in INVITATION_MODELS}
INVITATION_OFFICE["invitation"] = [*ACTIONS, "check_in"]
INVITATION_STAFF = {model: ["view"] for model in INVITATION_MODELS}
INVITATION_STAFF["invitation"] = ["view", "check_in"]
# The registers (issue 18): the office keeps them, staff read them. By register, as the
# migrations that made each give their rights.
GOLDEN_BOOK_MODELS = ["goldenbooksignature"]
AGREEMENT_MODELS = ["agreement", "agreementtext"]
ACTION_MODELS = ["agreementaction"]
GIFT_MODELS = ["gift", "giftphoto", "giftregisteroptions"]
REGISTER_MODELS = [*GOLDEN_BOOK_MODELS, *AGREEMENT_MODELS, *GIFT_MODELS, *ACTION_MODELS]


def office_rights(models: list[str]) -> dict:
    return {model: ACTIONS for model in models}


def staff_rights(models: list[str]) -> dict:
    return {model: ["view"] for model in models}


def grant(apps, models: list[str]) -> None:
    """A migration's RunPython body: the office all rights on `models`, staff reading them."""
    create_app_permissions(apps, "visits")
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    office, staff = office_rights(models), staff_rights(models)
    ensure_roles(Group, Permission, office=office, staff=staff, unlocks=[])


REGISTER_OFFICE = office_rights(REGISTER_MODELS)
REGISTER_STAFF = staff_rights(REGISTER_MODELS)
OFFICE_RIGHTS = (
    {model: ACTIONS for model in DOMAIN_MODELS}
    | PLANNING_OFFICE
    | CEREMONY_OFFICE
    | INVITATION_OFFICE
    | REGISTER_OFFICE
)
STAFF_RIGHTS = (
    {model: ["view"] for model in DOMAIN_MODELS}
    | PLANNING_STAFF
    | CEREMONY_STAFF
    | INVITATION_STAFF
    | REGISTER_STAFF
)
# The office lifts the sign-in locks of django-axes (deleting the attempts that made them).
OFFICE_UNLOCKS = ["view_accessattempt", "delete_accessattempt", "view_accessfailurelog"]


def create_app_permissions(apps, label: str) -> None:
    """An app's permissions, now: Django makes them after all migrations, and a data migration
    giving them to the groups needs them before."""
    app_config = apps.get_app_config(label)
    # The historical app config lacks it; both helpers check it. Restored after, since the
    # tests call the migrations with the real app registry.
    previous = getattr(app_config, "models_module", None)
    app_config.models_module = previous or True
    try:
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = previous


def ensure_roles(  # noqa: N803 (model classes, maybe historical)
    Group, Permission, office=OFFICE_RIGHTS, staff=STAFF_RIGHTS, unlocks=OFFICE_UNLOCKS
) -> None:
    """Creates or completes both groups; takes the models (and, for a migration, the rights
    of its time) so migrations can pass theirs."""

    def permissions(rights):
        codenames = [f"{action}_{model}" for model, actions in rights.items() for action in actions]
        found = Permission.objects.filter(content_type__app_label="visits", codename__in=codenames)
        if found.count() != len(codenames):
            raise LookupError("visits permissions are missing: run migrate")
        return found

    office_group, _ = Group.objects.get_or_create(name=PROTOCOL_OFFICE)
    office_group.permissions.add(*permissions(office))
    office_group.permissions.add(*unlocking(Permission, unlocks))
    staff_group, _ = Group.objects.get_or_create(name=STAFF)
    staff_group.permissions.add(*permissions(staff))


def unlocking(Permission, codenames=OFFICE_UNLOCKS):  # noqa: N803
    found = Permission.objects.filter(content_type__app_label="axes", codename__in=codenames)
    if found.count() != len(codenames):
        raise LookupError("axes permissions are missing: run migrate")
    return found


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


def staff_members():
    """Active members of either group (and superusers): who may be assigned to an engagement
    or follow a visit."""
    User = get_user_model()
    return (
        User.objects.filter(
            Q(groups__name__in=[PROTOCOL_OFFICE, STAFF]) | Q(is_superuser=True), is_active=True
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )
