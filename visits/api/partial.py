"""PATCH bodies: the same fields as a creation, each one optional."""

from pydantic import create_model
from pydantic.fields import FieldInfo

from visits.api.schemas import InputSchema


def no_default(schema: dict) -> None:
    # A left-out field is left alone: no default to advertise, and null stays refused
    # wherever the field itself refuses it.
    schema.pop("default", None)


def partial(schema: type[InputSchema], name: str) -> type[InputSchema]:
    """`schema` with every field optional: what is sent is changed, the rest is left alone.
    Read what was sent with `.dict(exclude_unset=True)`."""
    fields = {
        field_name: (
            info.annotation,
            FieldInfo.merge_field_infos(info, default=None, json_schema_extra=no_default),
        )
        for field_name, info in schema.model_fields.items()
    }
    doc = f"Any of the fields of {schema.__name__}; send the resource's ETag as If-Match."
    return create_model(name, __base__=InputSchema, __doc__=doc, **fields)
