"""Date-time fields read in City Hall's zone, refusing the hour that does not exist in spring
and the one that happens twice in autumn (DESIGN.md, decision 6)."""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.timezone import localtime

from visits.admin.labels import name_the_controls
from visits.localtime import aware_local_time


class LocalSplitDateTimeField(forms.SplitDateTimeField):
    # The stored value, when the form edits one: an instant in the autumn's repeated hour,
    # recorded with its offset elsewhere (an import, the API), is kept as long as its wall
    # time is sent back unchanged, so the record can still be edited here.
    kept = None

    def compress(self, data_list):
        if not data_list:
            return None
        day, time = data_list
        if day in self.empty_values:
            raise ValidationError(self.error_messages["invalid_date"], code="invalid_date")
        if time in self.empty_values:
            raise ValidationError(self.error_messages["invalid_time"], code="invalid_time")
        wall_time = datetime.combine(day, time)
        try:
            return aware_local_time(wall_time)
        except ValidationError:
            if self.kept is not None and localtime(self.kept).replace(tzinfo=None) == wall_time:
                return self.kept
            raise


class LocalTimesMixin:
    formfield_overrides = {models.DateTimeField: {"form_class": LocalSplitDateTimeField}}

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        for name, field in form.base_fields.items():
            if isinstance(field, LocalSplitDateTimeField):
                name_the_controls({name: field})  # one label for two inputs: name each
                if obj is not None:
                    field.kept = getattr(obj, name, None)
        return form
