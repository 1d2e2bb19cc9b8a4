"""An uploaded image kept on its record: through the upload door (visits.uploads), under a name
of the tool's making, with its thumbnail; a refusal named after the record's field."""

import uuid

from django.core.exceptions import ValidationError

from visits.services.errors import RuleBroken
from visits.uploads import clean_image


def store_image(record, upload, *, image: str, thumbnail: str) -> None:
    """Writes the files (the record's row is the caller's to save): `image` and `thumbnail`
    name the record's ImageFields; a refused upload is refused under `image`."""
    try:
        clean = clean_image(upload, name=uuid.uuid4().hex)
    except ValidationError as error:
        raise RuleBroken({image: error.messages}) from error
    getattr(record, image).save(clean.image.name, clean.image, save=False)
    getattr(record, thumbnail).save(clean.thumbnail.name, clean.thumbnail, save=False)
