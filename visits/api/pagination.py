"""Pages of a list: `limit` (1 to 100, 20 by default) and `offset` (bounded, so that a
huge one is a 422, not a database error), with the total `count`."""

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination


class Page(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(20, ge=1, le=100)
        offset: int = Field(0, ge=0, le=1_000_000_000)
