from visits.services.directory import SHOWN, lock_showing, tell_calendars


class TellsCalendars:
    """A room, host or guest edited in the admin (whose form saves it directly) moves the
    sequence of the engagements that show what changed, as the directory service does."""

    def save_model(self, request, obj, form, change):
        shown = change and set(form.changed_data) & set(SHOWN[type(obj)][0])
        if shown:
            lock_showing(obj)  # before the record itself: the services' lock order
        super().save_model(request, obj, form, change)
        if shown:
            tell_calendars(obj)
