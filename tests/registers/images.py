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


def pdf_bytes(*extra_objects: bytes) -> bytes:
    """A small PDF (one blank A4 page), with `extra_objects` after its own."""
    import zlib  # noqa: F401 (callers compress their objects with it)

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        *extra_objects,
    ]
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def pdf_with_hidden_script() -> bytes:
    """A PDF whose JavaScript action sits in a compressed object stream, its name escaped."""
    import zlib

    action = b"<< /S /J#61vaScript /JS (app.alert(1)) >>"
    packed = zlib.compress(action)
    stream = b"<< /Type /ObjStm /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
    return pdf_bytes(stream + packed + b"\nendstream")
