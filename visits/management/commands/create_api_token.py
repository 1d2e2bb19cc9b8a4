from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from visits.models import ApiToken
from visits.models.visibility import STAFF_PERMISSION


class Command(BaseCommand):
    help = "Makes a personal API token for USERNAME and prints it (only now: it is not stored)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="command line", help="What the token is for.")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user named {username!r}.")
        if not user.has_perm(STAFF_PERMISSION):  # the API would refuse every call of the token
            raise CommandError(f"{username!r} is not City Hall staff: the API is for staff only.")
        try:
            _token, raw = ApiToken.issue(user, name)
        except ValidationError as refused:
            raise CommandError("; ".join(refused.messages)) from refused
        self.stdout.write(raw)
