from visits.demo.names import fictional_guest
from visits.models import Guest


def fictional_guests(indices) -> dict[int, Guest]:
    """The fictional guests with these indices, created in bulk where missing."""
    wanted = {f"fictional-guest:{index}": index for index in set(indices)}
    found = Guest.objects.in_bulk(list(wanted), field_name="import_key")
    missing = [Guest(**fictional_guest(i)) for key, i in wanted.items() if key not in found]
    Guest.objects.bulk_create(missing)
    found.update({guest.import_key: guest for guest in missing})
    return {index: found[key] for key, index in wanted.items()}
