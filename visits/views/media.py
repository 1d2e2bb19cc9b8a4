"""Uploaded images sent out through their record (never MEDIA_URL): the caller has asked the
door; this answers with the file, revalidated at each use (`no-cache` with an ETag), so that a
record withdrawn from a reader stops being served to them at once."""

from django.http import FileResponse, HttpResponseNotModified


def image_response(request, image, version: str, *, public: bool):
    """`image` (an ImageFieldFile); `version` changes whenever the record's image may have."""
    etag = f'"{version}"'
    if request.headers.get("If-None-Match") == etag:
        return HttpResponseNotModified()
    content_type = "image/png" if image.name.endswith(".png") else "image/jpeg"
    response = FileResponse(image.open("rb"), content_type=content_type)
    response["ETag"] = etag
    response["Cache-Control"] = "public, no-cache" if public else "private, no-cache"
    return response
