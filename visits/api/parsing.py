"""Reading request bodies and query strings: text PostgreSQL cannot store (a NUL character, a
lone UTF-16 surrogate that JSON's `\\ud800` escapes allow) is refused on the way in, and a body
must be a JSON object (ninja would read a list's missing fields as "nothing sent")."""

import json

from django.utils.translation import gettext as _
from ninja.errors import ValidationError
from ninja.parser import Parser


def unstorable() -> str:
    return _("Text may not contain NUL characters or lone surrogates.")


def refuse_unstorable(value) -> None:
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError(unstorable())
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise ValueError(unstorable()) from error
    elif isinstance(value, dict):
        for key, item in value.items():
            refuse_unstorable(key)
            refuse_unstorable(item)
    elif isinstance(value, list):
        for item in value:
            refuse_unstorable(item)


class StorableJsonParser(Parser):
    def parse_body(self, request):
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise ValueError("The body must be a JSON object.")
        refuse_unstorable(data)
        return data

    def parse_querydict(self, data, list_fields, request):
        parsed = super().parse_querydict(data, list_fields, request)
        for key, value in parsed.items():
            try:
                refuse_unstorable([key, value])
            except ValueError as error:
                problem = {"loc": ("query", key), "msg": str(error), "type": "value_error"}
                raise ValidationError([problem]) from error
        return parsed
