"""The one door for uploaded images (visits/uploads.py): the type is read from the content,
a polyglot and an oversized file are refused with a sentence saying what to do, and what is
kept is the image drawn again, without its metadata."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from tests.registers.images import html_in_a_comment, image_bytes, image_then_zip, with_gps
from visits.uploads import MAX_BYTES, clean_image


def refusal(data: bytes, **options) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        clean_image(io.BytesIO(data), name="page", **options)
    return refused.value


@pytest.mark.parametrize("made", [html_in_a_comment, image_then_zip])
def test_a_polyglot_is_refused_with_what_to_do(made):
    refused = refusal(made())
    assert refused.code == "polyglot"
    assert refused.messages == [
        "This file also holds another kind of file (a web page, a script or an archive): "
        "save it again from an image editor, or print it to a new PDF."
    ]


def test_an_oversized_file_is_refused_before_it_is_read_whole():
    class Counting(io.BytesIO):
        read_sizes = []

        def read(self, size=-1):
            self.read_sizes.append(size)
            return super().read(size)

    upload = Counting(image_bytes() + b"\0" * (MAX_BYTES + 1))
    with pytest.raises(ValidationError) as refused:
        clean_image(upload, name="page")
    assert refused.value.messages == ["The file is larger than 10 MB: scan or save it smaller."]
    assert upload.read_sizes == [MAX_BYTES + 1]  # never the whole file


@pytest.mark.parametrize(
    "data",
    [b"GIF89a not accepted", b"%PDF-1.7 a document", b"<svg onload=alert(1)>", b""],
)
def test_what_is_not_a_jpeg_png_or_webp_is_refused_whatever_its_name(data):
    assert refusal(data).code == "not_an_image"


def test_a_damaged_image_is_refused():
    assert refusal(image_bytes()[:400]).code == "unreadable"


def test_the_type_comes_from_the_content_and_the_image_is_drawn_again():
    kept = clean_image(io.BytesIO(image_bytes("PNG")), name="page")  # whatever it was called
    assert kept.image.name == "page.jpg" and kept.thumbnail.name == "page-thumbnail.jpg"
    assert (kept.width, kept.height) == (1200, 1600)
    with Image.open(kept.thumbnail) as thumbnail:
        assert max(thumbnail.size) == 480


def test_a_camera_s_metadata_does_not_pass():
    kept = clean_image(io.BytesIO(with_gps()), name="page")
    data = kept.image.read()
    assert b"CameraMaker" not in data and b"Exif" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif()


def test_transparency_is_kept_as_png_and_webp_is_read():
    out = io.BytesIO()
    Image.new("RGBA", (40, 30), (0, 0, 0, 0)).save(out, "PNG")
    assert clean_image(io.BytesIO(out.getvalue()), name="seal").image.name == "seal.png"
    webp = clean_image(io.BytesIO(image_bytes("WEBP", size=(60, 80))), name="page")
    assert (webp.width, webp.height) == (60, 80)


def test_large_photos_are_not_taken_for_polyglots():
    """The marks are looked for outside the compressed pixels: noise holds any bytes."""
    import os

    for progressive in (False, True):
        out = io.BytesIO()
        noise = Image.frombytes("RGB", (1500, 1000), os.urandom(1500 * 1000 * 3))
        noise.save(out, "JPEG", quality=95, progressive=progressive)
        assert clean_image(io.BytesIO(out.getvalue()), name="photo").width == 1500
