"""The Golden Book (issue 18): signatures written through visits.services.golden_book with
their scans (through visits.uploads), the public book and a guest's page through the door, the
scans served only to a reader who may see their signature; the admin's form; query counts."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tests.factories import EngagementFactory, GuestFactory, VisitFactory
from tests.public.test_guests_page import received
from tests.registers.images import html_in_a_comment, image_bytes
from tests.visits.staff_pages import signed_in
from visits.models import GoldenBookSignature
from visits.services.errors import RuleBroken
from visits.services.golden_book import change_signature, record_signature

WRITTEN = "Con profonda gratitudine per l'accoglienza della Città di Parigi."
ALT = {
    "scan_alt_fr": "Page du Livre d’or, signée à l’encre bleue",
    "scan_alt_en": "Golden Book page, signed in blue ink",
}


def upload(data=None, name="scan.jpg"):
    return SimpleUploadedFile(name, data or image_bytes(), content_type="image/jpeg")


def signed(visit, by=None, **fields):
    """A signature by the visit's principal guest at its engagement, published, with a scan."""
    fields = {
        "text": WRITTEN,
        "language": "it",
        "translation_fr": "Avec une profonde gratitude pour l’accueil de la Ville de Paris.",
        "translation_en": "With deep gratitude for the welcome of the City of Paris.",
        "published": True,
        "scan": upload(),
        **ALT,
        **fields,
    }
    return record_signature(
        by=by,
        engagement=visit.engagements.get(),
        signers=list(visit.guests.all()),
        **fields,
    )


def book(language="en"):
    with translation.override(language):
        return reverse("public:golden_book")


def image_url(signature, kind="thumbnail"):
    return reverse("golden_book_image", args=[signature.pk, kind])


@pytest.fixture
def rome(db):
    return received("Roberto Gualtieri")


def test_a_signature_keeps_its_scan_drawn_again_with_a_thumbnail(rome, officer, settings):
    signature = signed(rome, by=officer)
    assert signature.signed_on == date(2025, 3, 12)  # the engagement's day
    assert list(signature.signers.values_list("name", flat=True)) == ["Roberto Gualtieri"]
    assert (signature.scan_width, signature.scan_height) == (1200, 1600)
    assert (signature.thumbnail_width, signature.thumbnail_height) == (360, 480)
    stored = sorted(p.name for p in (settings.MEDIA_ROOT / "golden-book").iterdir())
    assert stored == sorted([signature.scan.name[12:], signature.thumbnail.name[12:]])
    assert "scan" not in signature.scan.name  # named by the office's tool, never the upload


def test_a_refused_scan_writes_neither_a_row_nor_a_file(rome, officer, settings):
    with pytest.raises(RuleBroken) as refused:
        signed(rome, by=officer, scan=upload(html_in_a_comment()))
    assert list(refused.value.message_dict) == ["scan"]
    assert not GoldenBookSignature.objects.exists()
    assert not (settings.MEDIA_ROOT / "golden-book").exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"scan_alt_en": ""}, "scan_alt_fr"),  # a scan is described in both languages
        ({"language": "x" * 9}, "language"),
    ],
)
def test_a_bad_signature_is_refused_naming_its_field(rome, officer, fields, field):
    with pytest.raises(RuleBroken) as refused:
        signed(rome, by=officer, **fields)
    assert list(refused.value.message_dict) == [field]
    assert not GoldenBookSignature.objects.exists()


def test_signers_and_the_engagement_must_be_ones_the_writer_may_see(rome, officer):
    secret = VisitFactory(confidentiality="confidential")
    hidden_engagement = EngagementFactory(visit=secret)
    with pytest.raises(RuleBroken) as refused:
        record_signature(by=officer, engagement=hidden_engagement, signers=[GuestFactory()])
    assert list(refused.value.message_dict) == ["engagement"]
    with pytest.raises(RuleBroken) as refused:
        record_signature(by=officer, engagement=rome.engagements.get(), signers=[])
    assert list(refused.value.message_dict) == ["signers"]


def test_a_new_scan_replaces_the_old_whose_files_go_once_committed(
    rome, officer, settings, django_capture_on_commit_callbacks
):
    signature = signed(rome, by=officer)
    old = [signature.scan.name, signature.thumbnail.name]
    with django_capture_on_commit_callbacks(execute=True):
        changed = change_signature(signature, by=officer, scan=upload(image_bytes("PNG")))
    assert changed.scan.name not in old
    assert [(settings.MEDIA_ROOT / name).exists() for name in old] == [False, False]
    with django_capture_on_commit_callbacks(execute=True):
        removed = change_signature(changed, by=officer, remove_scan=True)
    assert not removed.scan and not removed.thumbnail
    assert not any((settings.MEDIA_ROOT / "golden-book").iterdir())


def test_the_public_book_shows_published_signatures_in_both_languages(client, rome):
    signature = signed(rome)
    signed(received("Hidden Draft", on=date(2024, 5, 2)), published=False)
    english = client.get(book("en")).content.decode()
    french = client.get(book("fr")).content.decode()
    assert "Roberto Gualtieri" in english and "Hidden Draft" not in english
    assert f'<blockquote lang="it">{WRITTEN}' in english.replace("&#x27;", "'")
    assert "With deep gratitude" in english and "Avec une profonde" not in english
    assert "Avec une profonde gratitude" in french and "12 mars 2025" in french
    assert f'src="{image_url(signature)}"' in english
    assert 'alt="Golden Book page, signed in blue ink"' in english
    assert 'alt="Page du Livre d’or, signée à l’encre bleue"' in french
    with translation.override("en"):
        guest_page = rome.guests.get().public_path
    assert f'href="{guest_page}"' in english  # the signer's own page
    assert book("fr") == "/fr/livre-d-or/"


def test_a_guest_s_page_shows_what_they_wrote(client, rome):
    signed(rome)
    with translation.override("en"):
        guest_page = rome.guests.get().public_path
    page = client.get(guest_page).content.decode()
    assert "In the Golden Book" in page and "With deep gratitude" in page


def test_a_confidential_visit_s_signature_never_reaches_the_public(client, rome, staff_member):
    secret = received("Secret Signer", confidentiality="confidential")
    signature = signed(secret)
    assert "Secret Signer" not in client.get(book()).content.decode()
    assert client.get(image_url(signature)).status_code == 404
    assert client.get(image_url(signature, "scan")).status_code == 404
    staff = signed_in(staff_member)
    assert staff.get(image_url(signature)).status_code == 404  # not cleared either


def test_the_scan_goes_to_those_who_may_see_its_signature(client, rome, staff_member):
    published = signed(rome)
    draft = signed(received("Draft Signer", on=date(2024, 5, 2)), published=False)
    response = client.get(image_url(published))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, no-cache"
    again = client.get(image_url(published), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert client.get(image_url(draft)).status_code == 404  # not published
    staff = signed_in(staff_member)
    drafted = staff.get(image_url(draft, "scan"))
    assert drafted.status_code == 200 and drafted["Cache-Control"] == "private, no-cache"
    assert client.get(reverse("golden_book_image", args=[published.pk, "other"])).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_the_book_reads_in_the_same_number_of_queries_for_1_and_3(
    client, db, django_assert_num_queries, count
):
    for year in range(count):
        signed(received(f"Signer {year}", on=date(2020 + year, 5, 2)))
    # The page's count and rows, their signers, the public state (the page's key) and the
    # signers who have a page of their own.
    with django_assert_num_queries(5):
        client.get(book())


def test_the_office_adds_a_signature_in_the_admin_and_a_polyglot_is_refused_beside_it(
    rome, officer
):
    office = signed_in(officer)
    url = reverse("admin:visits_goldenbooksignature_add")
    form = {
        "engagement": rome.engagements.get().pk,
        "signed_on": "2025-03-12",
        "signers": [rome.guests.get().pk],
        "text": WRITTEN,
        "language": "it",
        "translation_fr": "",
        "translation_en": "",
        **ALT,
        "published": "on",
    }
    refused = office.post(url, {**form, "scan": upload(html_in_a_comment())})
    assert refused.status_code == 200
    assert "holds another kind of file" in refused.content.decode()
    assert not GoldenBookSignature.objects.exists()
    added = office.post(url, {**form, "scan": upload()})
    assert added.status_code == 302, added.content.decode()[:3000]
    signature = GoldenBookSignature.objects.get()
    assert signature.published and signature.scan_width == 1200
    assert list(signature.signers.all()) == [rome.guests.get()]
