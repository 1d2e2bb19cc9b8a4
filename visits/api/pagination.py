"""Pages of a list: `limit` (1 to 100, 20 by default) and `offset` (bounded, so that a
huge one is a 422, not a database error), with the total `count`."""

from typing import Any

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import ConfigDict


def describe_items(schema: dict, model) -> None:
    schema["properties"]["items"]["description"] = "This page's items, in the list's order."


class Page(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(20, ge=1, le=100, description="How many items, at most 100.")
        offset: int = Field(0, ge=0, le=1_000_000_000, description="How many items to skip.")

    class Output(Schema):
        # ninja re-annotates `items` for each list, which drops a Field's description.
        model_config = ConfigDict(json_schema_extra=describe_items)

        items: list[Any]
        count: int = Field(description="How many items the whole list holds.")
