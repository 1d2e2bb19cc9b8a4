"""The register of gifts (issue 18): written through visits.services.gifts with its photos
(through visits.uploads); a gift received by an elected official worth the threshold or more
puts a declaration task on its visit's checklist, ticked off once declared; the office's
register and a visit's choosing page through the door; the public register with the fields the
office publishes, its open data and photos; query counts with 1 and 3 gifts."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tests.factories import GuestFactory, VisitFactory
from tests.public.test_guests_page import received
from tests.registers.images import html_in_a_comment, image_bytes
from tests.visits.staff_pages import signed_in
from visits.models import ChecklistTask, Gift, GiftRegisterOptions, Host
from visits.services.errors import RuleBroken
from visits.services.gifts import add_photo, record_gift, update_gift

pytestmark = pytest.mark.django_db


@pytest.fixture
def rome(db):
    return received("Roberto Gualtieri", on=date(2025, 3, 12))


def mayor():
    return Host.objects.get_or_create(
        name="Anne Hidalgo", office_fr="Maire de Paris", defaults={"office_en": "Mayor of Paris"}
    )[0]


def gift(visit, **fields) -> Gift:
    defaults = {
        "direction": "received",
        "guest": visit.guests.get() if visit else GuestFactory(),
        "host": mayor(),
        "visit": visit,
        "given_on": date(2025, 3, 12),
        "description_fr": "Une louve capitoline en bronze",
        "description_en": "A bronze Capitoline wolf",
        "estimated_value": Decimal("400"),
        "value_basis": "estimated",
        "published": True,
    }
    return record_gift(by=None, **(defaults | fields))


def test_a_gift_to_declare_puts_a_task_on_the_checklist_ticked_off_once_declared(rome, officer):
    made = gift(rome)
    task = made.declaration_task
    assert task.visit == rome and task.due_on == date(2025, 4, 11)  # 30 days after
    with translation.override("fr"):
        assert task.title == (
            "Déclarer au déontologue de la Ville le cadeau reçu par Anne Hidalgo\u00a0: "
            "Une louve capitoline en bronze"
        )
    update_gift(made, by=officer, declared_on=date(2025, 3, 20))
    assert ChecklistTask.objects.get(pk=task.pk).done_at is not None
    update_gift(made, by=officer, published=False)  # saved again: no second task
    assert ChecklistTask.objects.filter(visit=rome).count() == 1


def test_below_the_threshold_or_to_the_city_there_is_nothing_to_declare(rome):
    assert gift(rome, estimated_value=Decimal("149.99")).declaration_task is None
    assert gift(rome, host=None).declaration_task is None  # to the City itself
    assert gift(rome, direction="given", whereabouts="gone").declaration_task is None
    GiftRegisterOptions.objects.create(declaration_threshold=Decimal("100"))
    assert gift(rome, estimated_value=Decimal("120")).declaration_task is not None


def test_a_gift_that_no_longer_needs_declaring_loses_its_task(rome, officer):
    made = gift(rome)
    task = made.declaration_task
    lowered = update_gift(made, by=officer, estimated_value=Decimal("90"))
    assert lowered.declaration_task is None
    assert not ChecklistTask.objects.filter(pk=task.pk).exists()  # and its reminders
    raised = update_gift(lowered, by=officer, estimated_value=Decimal("900"))
    assert raised.declaration_task.visit == rome
    to_the_city = update_gift(raised, by=officer, host=None)
    assert to_the_city.declaration_task is None
    assert not ChecklistTask.objects.filter(visit=rome).exists()


def test_an_open_task_says_the_gift_s_official_and_deadline_as_they_change(rome, officer):
    made = gift(rome)
    deputy = Host.objects.create(name="Patrick Bloche", office_fr="Premier adjoint")
    changed = update_gift(made, by=officer, host=deputy, given_on=date(2025, 3, 20))
    (task,) = ChecklistTask.objects.filter(visit=rome)
    assert changed.declaration_task == task and task.due_on == date(2025, 4, 19)
    assert task.title_en.startswith("Declare the gift received by Patrick Bloche")
    update_gift(changed, by=officer, published=False)  # nothing it says: the same task
    assert list(ChecklistTask.objects.filter(visit=rome)) == [task]


def test_a_gift_moved_to_another_visit_takes_its_task_there(rome, officer):
    made = gift(rome)
    later = received("Roberto Gualtieri", on=date(2026, 1, 30))
    moved = update_gift(made, by=officer, visit=later)
    assert moved.declaration_task.visit == later
    assert not ChecklistTask.objects.filter(visit=rome).exists()


@pytest.mark.parametrize(
    ("fields", "due"),
    [({"estimated_value": Decimal("100"), "value_in_euros": Decimal("500")}, False),
     ({"estimated_value": None, "value_in_euros": Decimal("500")}, True),
     ({"estimated_value": Decimal("30000"), "currency": "JPY",
       "value_in_euros": Decimal("185")}, True),
     ({"estimated_value": Decimal("30000"), "currency": "JPY",
       "value_in_euros": Decimal("120")}, False)],
)  # fmt: skip
def test_the_register_s_filter_and_the_task_agree_on_what_to_declare(rome, officer, fields, due):
    made = gift(rome, **fields)
    assert (made.declaration_task is not None) is due
    office = signed_in(officer)
    listed = office.get(reverse("staff:gifts"), {"declaration": "due"}).content.decode()
    assert ("Capitoline" in listed) is due


def test_a_value_in_another_currency_is_compared_in_euros(rome):
    with pytest.raises(RuleBroken) as refused:
        gift(rome, estimated_value=Decimal("30000"), currency="jpy")
    assert list(refused.value.message_dict) == ["value_in_euros"]
    made = gift(rome, estimated_value=Decimal("30000"), currency="jpy",
                value_in_euros=Decimal("185"))  # fmt: skip
    assert made.currency == "JPY" and made.declaration_task is not None


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"whereabouts": "displayed"}, "room"), ({"whereabouts": "museum"}, "whereabouts_detail"),
     ({"currency": "EURO"}, "currency")],
)  # fmt: skip
def test_where_it_is_must_be_said_in_full(rome, fields, field):
    with pytest.raises(RuleBroken) as refused:
        gift(rome, **fields)
    assert list(refused.value.message_dict) == [field]
    assert not Gift.objects.exists()


def test_the_office_s_register_shows_what_to_declare(rome, officer):
    gift(rome)
    gift(rome, description_fr="Un vase", description_en="A vase", estimated_value=Decimal("50"))
    declared = gift(rome, description_fr="Un tableau", description_en="A painting")
    update_gift(declared, by=officer, declared_on=date(2025, 3, 20))
    office = signed_in(officer)
    page = office.get(reverse("staff:gifts")).content.decode()
    assert "A bronze Capitoline wolf" in page and "to declare" in page and "declared on" in page
    due = office.get(reverse("staff:gifts"), {"declaration": "due"}).content.decode()
    assert "Capitoline" in due and "A vase" not in due and "A painting" not in due


def test_choosing_a_visit_s_gift_shows_what_they_and_their_country_were_given(rome, officer):
    guest = rome.guests.get()
    earlier = received("Roberto Gualtieri", on=date(2022, 7, 8))
    gift(earlier, direction="given", guest=guest, description_en="A Sèvres vase",
         whereabouts="gone")  # fmt: skip
    countryman = GuestFactory(name="Giorgia Rossi", country="IT")
    gift(None, direction="given", guest=countryman, description_en="A book on Paris",
         whereabouts="gone")  # fmt: skip
    gift(earlier, guest=guest, description_en="A Murano glass")
    secret = VisitFactory(confidentiality="confidential", principal=GuestFactory(country="IT"))
    gift(secret, direction="given", guest=secret.guests.get(), description_en="Secret gift",
         whereabouts="gone")  # fmt: skip
    page = signed_in(officer).get(reverse("staff:visit_gifts", args=[rome.reference]))
    text = page.content.decode()
    given, country, received_from, _this = text.split("<section")[1:]
    assert "A Sèvres vase" in given and "A book on Paris" in country
    assert "A Murano glass" in received_from
    assert "Secret gift" not in text  # a confidential visit the officer may not see


def test_the_public_register_shows_the_fields_the_office_publishes(client, rome):
    gift(rome)
    gift(rome, description_en="An unpublished vase", published=False)
    gift(rome, direction="given", description_en="A gift given", whereabouts="gone")
    secret = received("Secret Giver", confidentiality="confidential")
    gift(secret, description_en="From a secret visit")
    english = client.get(reverse("public:gifts")).content.decode()
    assert "A bronze Capitoline wolf" in english and "400 EUR" in english
    assert "Anne Hidalgo" in english
    for hidden in ("An unpublished vase", "A gift given", "From a secret visit", "Secret Giver"):
        assert hidden not in english
    GiftRegisterOptions.objects.create(publish_value=False, publish_host=False)
    narrower = client.get(reverse("public:gifts")).content.decode()
    assert "400 EUR" not in narrower and "Anne Hidalgo" not in narrower
    with translation.override("fr"):
        assert reverse("public:gifts") == "/fr/cadeaux/"
        french = client.get(reverse("public:gifts")).content.decode()
    assert "Une louve capitoline en bronze" in french
    data = client.get(reverse("public:gifts_data", args=["csv"]))
    rows = list(csv.DictReader(io.StringIO(data.content.decode("utf-8-sig"))))
    assert [(r["description_en"], r["value"], r["received_by"]) for r in rows] == [
        ("A bronze Capitoline wolf", "", "")
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_the_registers_read_in_the_same_number_of_queries_for_1_and_3(
    client, officer, rome, django_assert_num_queries, count
):
    for n in range(count):
        made = gift(rome, given_on=date(2025, 3, 12) - timedelta(days=n))
        add_photo(made, by=None, upload=SimpleUploadedFile("p.jpg", image_bytes()),
                  alt_fr="Photo", alt_en="Photo")  # fmt: skip
    # The public state; the options; the page's count and rows, their photos; which givers
    # have a page.
    with django_assert_num_queries(6):
        client.get(reverse("public:gifts"))
    office = signed_in(officer)
    office.get(reverse("staff:gifts"))
    # The session, the user, their permissions (theirs and their groups'); the options; the
    # count and the page, their photos; inside the request's savepoint and its release.
    with django_assert_num_queries(10):
        office.get(reverse("staff:gifts"))


def test_a_photo_goes_through_the_upload_door_and_to_those_who_may_see_its_gift(client, rome):
    made = gift(rome)
    with pytest.raises(RuleBroken) as refused:
        add_photo(made, by=None, upload=SimpleUploadedFile("p.jpg", html_in_a_comment()),
                  alt_fr="Photo", alt_en="Photo")  # fmt: skip
    assert list(refused.value.message_dict) == ["image"]
    photo = add_photo(made, by=None, upload=SimpleUploadedFile("p.jpg", image_bytes()),
                      alt_fr="La louve", alt_en="The wolf")  # fmt: skip
    url = reverse("gift_photo", args=[photo.pk, "thumbnail"])
    assert client.get(url).status_code == 200
    GiftRegisterOptions.objects.create(publish_photos=False)
    assert client.get(url).status_code == 404
    assert 'alt="The wolf"' not in client.get(reverse("public:gifts")).content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_a_visit_s_gifts_page_and_the_data_read_in_the_same_number_of_queries_for_1_and_3(
    client, officer, rome, django_assert_num_queries, count
):
    guest = rome.guests.get()
    for n in range(count):
        earlier = received(f"Earlier {n}", on=date(2020 + n, 5, 2))
        gift(earlier, guest=guest, direction="given", whereabouts="gone")
        gift(earlier, guest=guest)
        gift(rome, description_en=f"Gift {n}")
    office = signed_in(officer)
    url = reverse("staff:visit_gifts", args=[rome.reference])
    office.get(url)
    # The session, the user, their permissions; the visit; the options; its principal guests;
    # each list and its photos (this visit's, given to them, to their country, received from
    # them); inside the request's savepoint and its release.
    with django_assert_num_queries(16):
        assert office.get(url).status_code == 200
    # The public state; the options; the gifts.
    with django_assert_num_queries(4):
        client.get(reverse("public:gifts_data", args=["csv"]))


def test_the_register_s_options_are_one_row_the_office_changes(officer, staff_member):
    office = signed_in(officer)
    listed = office.get(reverse("admin:visits_giftregisteroptions_changelist"))
    options = GiftRegisterOptions.objects.get()
    assert listed["Location"] == reverse(
        "admin:visits_giftregisteroptions_change", args=[options.pk]
    )
    url = listed["Location"]
    form = {"declaration_threshold": "200", "publish_value": "on", "publish_photos": "on"}
    assert office.post(url, form).status_code == 302
    options.refresh_from_db()
    assert (options.declaration_threshold, options.publish_host) == (Decimal("200"), False)
    assert GiftRegisterOptions.current() == options
    assert signed_in(staff_member).post(url, form).status_code == 403
