"""The ceremony's attendances read as plain rows (visits/queries/plain_rows.py): the same
instances the ORM makes, whom they represent included, concealed alike, and the columns left
unread still there when asked for."""

import pytest
from django.db import connection, models
from django.test.utils import CaptureQueriesContext, isolate_apps

from tests.ceremony_factories import attending, holder, lunch, mayor_of_paris, office
from tests.visits.staff_pages import visit_of
from visits.models import Attendance, Guest, VisitGuest
from visits.models.ceremony_choices import Capacity
from visits.models.choices import DelegationRole
from visits.queries.ceremony import GUEST_COLUMNS, ceremony_engagements, ceremony_rows
from visits.queries.plain_rows import columns


@pytest.fixture
def represented_lunch(db):
    """The Mayor; a deputy standing for the minister (a guest of the registry, with notes the
    ceremony never reads); the Italian ambassador."""
    made = lunch(confidentiality="public", status="confirmed")
    mayor_of_paris(made)
    minister = holder("minister", "Jean Martin", gender="m", notes="Allergic to shellfish")
    deputy = holder("deputy", "Claire Petit", gender="f", notes="Arrives by the quay")
    attending(
        made,
        deputy,
        capacity=Capacity.REPRESENTS,
        represents=minister,
        represents_office=office("minister"),
    )
    holder("foreign_ambassador", "Emanuela D’Alessandro", gender="f", country="IT")
    attending(made, Guest.objects.get(name="Emanuela D’Alessandro"))
    return made


def rows_of(made, viewer):
    return ceremony_rows(ceremony_engagements(viewer).get(pk=made.pk), viewer).attendances


def test_each_row_is_the_instance_the_orm_reads(represented_lunch, cleared_officer):
    rows = rows_of(represented_lunch, cleared_officer)
    assert len(rows) == 3
    for row in rows:
        read = Attendance.objects.select_related("guest", "represents", "represents_office").get(
            pk=row.pk
        )
        assert row == read and not row._state.adding and row._state.db == "default"
        for name in columns(Attendance):
            assert getattr(row, name) == getattr(read, name), name
        for name in GUEST_COLUMNS:
            assert getattr(row.guest, name) == getattr(read.guest, name), name
        assert row.guest.country_code == str(read.guest.country or "")
        assert row.represents == read.represents
        assert row.represents_office == read.represents_office
    deputy = next(row for row in rows if row.represents_id)
    with CaptureQueriesContext(connection) as read_now:
        whom = (deputy.represents.name, deputy.represents_office.code)
    assert whom == ("Jean Martin", "minister")
    assert len(read_now) == 0  # read with the row, not one query each


def test_a_column_left_unread_is_loaded_when_asked_for(represented_lunch, cleared_officer):
    deputy = next(row for row in rows_of(represented_lunch, cleared_officer) if row.represents_id)
    with CaptureQueriesContext(connection) as loaded:
        assert deputy.guest.notes == "Arrives by the quay"
    assert len(loaded) == 1


def test_whom_an_attendee_represents_is_concealed_from_who_may_not_see_them(db, staff_member):
    made = lunch(confidentiality="public", status="confirmed")
    mayor_of_paris(made)
    secret = holder("minister", "Ms Hush-Hush", gender="f")
    hidden = visit_of("Someone Else", confidentiality="confidential")
    VisitGuest.objects.create(visit=hidden, guest=secret, role=DelegationRole.PRINCIPAL)
    deputy = holder("deputy", "Claire Petit", gender="f")
    attending(made, deputy, capacity=Capacity.REPRESENTS, represents=secret)
    row = next(row for row in rows_of(made, staff_member) if row.represents_id)
    assert row.guest.name == "Claire Petit"
    assert row.represents.name == "Confidential guest"


@isolate_apps("visits")
def test_only_models_stored_as_read_are_read_as_plain_rows():
    class Scan(models.Model):
        title = models.CharField(max_length=20)
        file = models.FileField()

        class Meta:
            app_label = "visits"

        def __str__(self):
            return self.title

    assert columns(Scan, leaving=("file",)) == ("id", "title")
    with pytest.raises(TypeError, match="Scan.file"):
        columns(Scan)
