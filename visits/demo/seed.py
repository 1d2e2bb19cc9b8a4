"""What `manage.py seed_demo` does, callable from tests."""

import secrets
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from visits.demo.agreements import add_demo_agreements
from visits.demo.ceremonies import add_demo_ceremonies
from visits.demo.gifts import add_demo_gifts
from visits.demo.golden_book import add_demo_golden_book
from visits.demo.reference_data import load_reference_data
from visits.demo.synthetic import add_synthetic_history
from visits.demo.upcoming import add_upcoming_visits

ADMIN_USERNAME = "admin"


def ensure_admin(password: str | None) -> tuple[object, str | None]:
    """The demo superuser; returns the password only when it was just set."""
    User = get_user_model()
    admin = User.objects.filter(username=ADMIN_USERNAME).first()
    if admin is not None:
        return admin, None
    password = password or secrets.token_urlsafe(12)
    admin = User.objects.create_superuser(ADMIN_USERNAME, "admin@localhost", password)
    return admin, password


@transaction.atomic
def seed_demo(
    admin_password: str | None = None, synthetic_years: int = 0, today: date | None = None
) -> dict:
    """`today` places the upcoming visits and the synthetic years (default: the real today)."""
    admin, new_password = ensure_admin(admin_password)
    load_reference_data()
    return {
        "admin_password": new_password,
        "upcoming": add_upcoming_visits(lead_officer=admin, today=today),
        "synthetic": add_synthetic_history(synthetic_years, today=today),
        "ceremonies": add_demo_ceremonies(admin, today=today or date.today()),
        "golden_book": add_demo_golden_book(),
        "agreements": add_demo_agreements(),
        "gifts": add_demo_gifts(),
    }
