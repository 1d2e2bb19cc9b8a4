"""What the admin needs to know of a row a service wrote in its stead."""


def take_saved(obj, saved) -> None:
    """The form's instance becomes the row the service wrote: the admin then logs it, links to
    it and redirects to it."""
    for field in saved._meta.concrete_fields:
        setattr(obj, field.attname, getattr(saved, field.attname))
    obj._state.adding, obj._state.db = False, saved._state.db


def record_formset(formset, *, new=(), changed=(), deleted=()) -> None:
    """What `formset.save()` would have noted, for the change message of the admin's log."""
    formset.new_objects = list(new)
    formset.changed_objects = list(changed)
    formset.deleted_objects = list(deleted)
