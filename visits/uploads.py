"""The one door for uploaded images (issue 18: the Golden Book's scans, later the gifts'
photos): the size is checked before anything is read whole, the type by the content (never the
name), a file that is also something else (a polyglot: an image that is also a web page, a
script or an archive) is refused, and what is kept is the image drawn again by Pillow, so no
script, trailing data or metadata (EXIF: where and when a photo was taken) passes through.

Each refusal is a sentence for the person who uploaded, naming what to do instead."""

import io
import re
import zlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024  # a scanned A3 page at 300 dpi, as JPEG, fits well within
MAX_PIXELS = 40_000_000  # beyond it, a small file may unpack into gigabytes (a pixel bomb)
THUMBNAIL = (480, 480)

# What the first bytes of each accepted image say (its magic number): the name says nothing.
SIGNATURES = {
    "JPEG": (b"\xff\xd8\xff",),
    "PNG": (b"\x89PNG\r\n\x1a\n",),
    "WEBP": (b"RIFF",),  # then four bytes of length, then WEBP
}
# Another format's marks make an image a polyglot: a browser sniffing its start, or an unzip
# tool reading its end, would take it for that format. They are looked for where text can
# hide (the start, the metadata, anything after the image's end), not in the compressed
# pixels, where any four bytes turn up by chance in a large photo.
FOREIGN_MARKS = (b"<script", b"<html", b"<svg", b"<?php", b"<!doctype", b"pk\x03\x04", b"%pdf-")
SNIFFED = 1024  # how much of a file's start browsers read to guess its type


@dataclass(frozen=True)
class CleanImage:
    image: ContentFile  # the image drawn again: JPEG, or PNG when it has transparency
    thumbnail: ContentFile  # JPEG, at most THUMBNAIL
    width: int
    height: int


def read_at_most(upload, limit: int) -> bytes:
    """The upload's bytes, refused once past `limit` without reading the rest."""
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        megabytes = limit // (1024 * 1024)
        raise ValidationError(
            _("The file is larger than %(size)s MB: scan or save it smaller.")
            % {"size": megabytes},
            code="too_large",
        )
    return data


def format_of(data: bytes) -> str:
    for name, starts in SIGNATURES.items():
        if data.startswith(starts) and (name != "WEBP" or data[8:12] == b"WEBP"):
            return name
    raise ValidationError(
        _("This file is not a JPEG, PNG or WebP image (whatever its name says)."),
        code="not_an_image",
    )


def jpeg_regions(data: bytes) -> list[bytes]:
    """The APPn and comment segments, and what follows the end of the image."""
    regions, at = [], 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xD9:  # end of image
            return [*regions, data[at + 2 :]]
        if marker == 0xFF or 0xD0 <= marker <= 0xD7 or marker == 0x01:  # fill, restart
            at += 1 if marker == 0xFF else 2
            continue
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            regions.append(data[at + 4 : at + 2 + length])
        at += 2 + length
        if marker == 0xDA:  # a scan: compressed bytes up to the next marker
            at = next_marker(data, at)
    return [*regions, data[at:]]


def next_marker(data: bytes, at: int) -> int:
    while True:
        at = data.find(b"\xff", at)
        if at < 0 or at + 1 >= len(data):
            return len(data)
        following = data[at + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:  # a stuffed byte, a restart
            at += 2
        elif following == 0xFF:
            at += 1
        else:
            return at


def png_regions(data: bytes) -> list[bytes]:
    """The text and EXIF chunks, and what follows the IEND chunk."""
    regions, at = [], 8
    while at + 8 <= len(data):
        length = int.from_bytes(data[at : at + 4], "big")
        kind = data[at + 4 : at + 8]
        if kind in (b"tEXt", b"zTXt", b"iTXt", b"eXIf"):
            regions.append(data[at + 8 : at + 8 + length])
        at += 12 + length
        if kind == b"IEND":
            break
    return [*regions, data[at:]]


def webp_regions(data: bytes) -> list[bytes]:
    """The EXIF and XMP chunks, and what follows the RIFF container."""
    size = int.from_bytes(data[4:8], "little")
    end = 8 + size + (size & 1)
    regions, at = [], 12
    while at + 8 <= min(end, len(data)):
        kind, length = data[at : at + 4], int.from_bytes(data[at + 4 : at + 8], "little")
        if kind in (b"EXIF", b"XMP "):
            regions.append(data[at + 8 : at + 8 + length])
        at += 8 + length + (length & 1)
    return [*regions, data[end:]]


REGIONS = {"JPEG": jpeg_regions, "PNG": png_regions, "WEBP": webp_regions}


def polyglot() -> ValidationError:
    return ValidationError(
        _(
            "This file also holds another kind of file (a web page, a script or an "
            "archive): save it again from an image editor, or print it to a new PDF."
        ),
        code="polyglot",
    )


def refuse_polyglots(data: bytes, image_format: str) -> None:
    regions = [data[:SNIFFED], *REGIONS[image_format](data)]
    if any(mark in region.lower() for region in regions for mark in FOREIGN_MARKS):
        raise polyglot()


def decoded(data: bytes, expected: str) -> Image.Image:
    """The image, fully decoded; the format Pillow finds must be the one the bytes announce."""
    unreadable = ValidationError(
        _("This image cannot be read: it may be damaged. Save it again and retry."),
        code="unreadable",
    )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format != expected:
                raise unreadable
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(
                    _("The image has more than %(pixels)s million pixels: save it smaller.")
                    % {"pixels": MAX_PIXELS // 1_000_000},
                    code="too_many_pixels",
                )
            probe.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise unreadable from error
    return image


def encoded(image: Image.Image, name: str) -> ContentFile:
    """`image` written anew without metadata: PNG if it has transparency, else JPEG."""
    out = io.BytesIO()
    if image.mode in ("RGBA", "LA") or "transparency" in image.info:
        image.convert("RGBA").save(out, "PNG", optimize=True)
        return ContentFile(out.getvalue(), name=f"{name}.png")
    image.convert("RGB").save(out, "JPEG", quality=88, optimize=True, progressive=True)
    return ContentFile(out.getvalue(), name=f"{name}.jpg")


def clean_image(upload, *, name: str, limit: int = MAX_BYTES) -> CleanImage:
    """`upload` (a file object) checked and drawn again, with its thumbnail; `name` is the
    stored file's name, without extension (never the uploader's)."""
    data = read_at_most(upload, limit)
    expected = format_of(data)
    refuse_polyglots(data, expected)
    image = ImageOps.exif_transpose(decoded(data, expected))  # upright, as the camera meant
    image.info.pop("exif", None)
    thumbnail = image.copy()
    thumbnail.thumbnail(THUMBNAIL)
    out = io.BytesIO()
    thumbnail.convert("RGB").save(out, "JPEG", quality=82, optimize=True)
    return CleanImage(
        image=encoded(image, name),
        thumbnail=ContentFile(out.getvalue(), name=f"{name}-thumbnail.jpg"),
        width=image.width,
        height=image.height,
    )


PDF_MAX_BYTES = 20 * 1024 * 1024
# What a PDF may carry that runs or opens something when read: refused, not cleaned. A name
# may hide behind #xx escapes, and an object inside a compressed stream: both are read.
PDF_ACTIONS = re.compile(rb"/(javascript|js|launch|embeddedfile|richmedia|submitform)[\s/(<\[]")
PDF_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
PDF_ESCAPE = re.compile(rb"#([0-9a-f]{2})")


def pdf_texts(data: bytes):
    """The file's bytes, then each of its streams unpacked, in lower case, names unescaped."""
    for text in (data, *unpacked_streams(data)):
        yield PDF_ESCAPE.sub(lambda hexa: bytes([int(hexa.group(1), 16)]), text.lower())


def unpacked_streams(data: bytes):
    for stream in PDF_STREAM.finditer(data):
        try:
            yield zlib.decompressobj().decompress(stream.group(1), 5 * PDF_MAX_BYTES)
        except zlib.error:
            continue  # not Flate: an image's bytes, which hold no action


def clean_pdf(upload, *, name: str, limit: int = PDF_MAX_BYTES) -> ContentFile:
    """`upload` checked as a PDF (by its content) that runs nothing: an agreement's text or
    scan. Kept as it came (a PDF cannot be drawn again here), under `name`.pdf."""
    data = read_at_most(upload, limit)
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        raise ValidationError(
            _("This file is not a PDF document (whatever its name says)."), code="not_a_pdf"
        )
    start = data[:SNIFFED].lower()
    if any(mark in start for mark in FOREIGN_MARKS if mark != b"%pdf-"):
        raise polyglot()
    if any(PDF_ACTIONS.search(text) for text in pdf_texts(data)):
        raise ValidationError(
            _(
                "This PDF holds a script, an attachment or an action that opens something: "
                "print it to a new PDF, or scan the paper, and upload that."
            ),
            code="active_pdf",
        )
    return ContentFile(data, name=f"{name}.pdf")
