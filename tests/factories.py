from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from visits.models import (
    Engagement,
    Guest,
    HonoraryCitizenship,
    Host,
    Reminder,
    Venue,
    Visit,
    VisitGuest,
)
from visits.models.choices import (
    Confidentiality,
    EngagementKind,
    GuestCategory,
    VisitKind,
    VisitStatus,
)

PARIS = ZoneInfo("Europe/Paris")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@paris.example")
    password = factory.django.Password("correct horse battery staple")
    is_staff = True


class GuestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guest

    name = factory.Sequence(lambda n: f"Guest {n}")
    category = GuestCategory.MAYOR
    country = "IT"
    title_fr = "Maire de Rome"
    title_en = "Mayor of Rome"


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Salon {n}")


class HostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Host

    name = factory.Sequence(lambda n: f"Élu {n}")
    office_fr = "Adjoint au maire"
    office_en = "Deputy Mayor"


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit
        skip_postgeneration_save = True

    kind = VisitKind.OFFICIAL_VISIT
    status = VisitStatus.CONFIRMED
    confidentiality = Confidentiality.PUBLIC
    occasion_fr = factory.Sequence(lambda n: f"Visite officielle {n}")
    occasion_en = factory.Sequence(lambda n: f"Official visit {n}")
    starts_on = factory.LazyFunction(lambda: date.today() + timedelta(days=10))

    @factory.post_generation
    def principal(visit, create, extracted, **kwargs):
        if create:
            VisitGuest.objects.create(visit=visit, guest=extracted or GuestFactory())


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement

    visit = factory.SubFactory(VisitFactory)
    kind = EngagementKind.RECEPTION
    title_fr = "Réception"
    title_en = "Reception"
    venue = factory.SubFactory(VenueFactory)
    starts_at = factory.LazyAttribute(
        lambda e: datetime.combine(e.visit.starts_on, datetime.min.time(), PARIS).replace(hour=11)
    )
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + timedelta(hours=1))


class HonoraryCitizenshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HonoraryCitizenship

    honoree = factory.SubFactory(GuestFactory)
    status = "voted"
    voted_on = date(2019, 6, 14)


class ReminderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reminder

    key = factory.Sequence(lambda n: f"test:{n}")
    kind = "engagement"
    recipient = factory.SubFactory(UserFactory)
    engagement = factory.SubFactory(EngagementFactory)
    due_at = factory.LazyFunction(timezone.now)
