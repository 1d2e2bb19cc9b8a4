import os

from django.core.management.base import BaseCommand, CommandError

from visits.demo.seed import ADMIN_USERNAME, seed_demo
from visits.models import Visit


class Command(BaseCommand):
    help = (
        "Loads the demo data: real past receptions and honorary citizens, upcoming visits, "
        "the superuser 'admin'. Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--synthetic-years",
            type=int,
            default=0,
            metavar="N",
            help="Also generate N years of realistic history (a few hundred visits a year).",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds visits (used by `make run`).",
        )
        parser.add_argument(
            "--admin-password",
            default=os.environ.get("DEMO_ADMIN_PASSWORD"),
            help="Password for a new 'admin' (default: $DEMO_ADMIN_PASSWORD, else random).",
        )

    def handle(self, *args, synthetic_years, admin_password, if_empty, **options):
        if if_empty and Visit.objects.exists():
            self.stdout.write("The database already holds visits: demo data not loaded.")
            return
        if synthetic_years < 0:
            raise CommandError("--synthetic-years must be 0 or more.")
        result = seed_demo(admin_password=admin_password, synthetic_years=synthetic_years)
        self.stdout.write(f"Upcoming visits created: {result['upcoming']}")
        if synthetic_years:
            self.stdout.write(f"Synthetic visits created: {result['synthetic']}")
        if result["admin_password"]:
            self.stdout.write(
                self.style.SUCCESS(f"Superuser: {ADMIN_USERNAME} / {result['admin_password']}")
            )
        else:
            self.stdout.write(f"Superuser '{ADMIN_USERNAME}' already exists; password unchanged.")
