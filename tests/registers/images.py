"""Images for the upload tests, made here (nothing is fetched): a plain scan, one with a
camera's EXIF (where and when), and the files the door must refuse."""

import io

from PIL import Image


def image_bytes(image_format="JPEG", size=(1200, 1600), **options) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (244, 236, 220)).save(out, image_format, **options)
    return out.getvalue()


def with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # the make
    exif[0x8825] = {2: (48.0, 51.0, 24.0)}  # GPS latitude: the Hôtel de Ville
    return image_bytes(exif=exif.tobytes())


def html_in_a_comment() -> bytes:
    """A JPEG whose comment segment is a web page: a browser sniffing it would run it."""
    jpeg = image_bytes()
    comment = b"<html><script>alert(document.cookie)</script></html>"
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    return jpeg[:2] + segment + jpeg[2:]


def image_then_zip() -> bytes:
    """A PNG with an archive after its end: an unzip tool reads the archive (a "GIFAR")."""
    return image_bytes("PNG") + b"PK\x03\x04\x14\x00\x00\x00\x08\x00payload.js"
