"""Uploads in an S3-compatible store, against a real S3 server: moto's, started in this process
on a free port (nothing leaves the machine). The storage is the one production builds from
AWS_STORAGE_BUCKET_NAME (protocol.media_storage): files land in the bucket as private objects,
go out only through their record's view, and leave the bucket when their record lets them go."""

import uuid

import boto3
import pytest
from django.core.files.storage import storages
from moto.server import ThreadedMotoServer

from protocol.media_storage import s3_storage
from tests.public.test_guests_page import received
from tests.registers.images import image_bytes
from tests.registers.test_golden_book import image_url, signed, upload
from tests.services import free_port
from visits.services.golden_book import change_signature

REGION = "eu-west-3"
EVERYONE = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.fixture(scope="module")
def s3_server():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    """A new, empty bucket on the running server (its name), and the site's uploads sent to it."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "protocol-tests")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "protocol-tests-secret")
    name = f"protocole-media-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=s3_server, region_name=REGION).create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_storage(name, endpoint_url=s3_server, region_name=REGION),
    }
    return name


@pytest.fixture
def rome(db):
    return received("Roberto Gualtieri")


@pytest.fixture
def s3(s3_server, bucket):
    return boto3.client("s3", endpoint_url=s3_server, region_name=REGION)


def keys(s3, bucket) -> list[str]:
    return sorted(item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", []))


def test_the_settings_send_uploads_to_the_bucket(bucket):
    assert type(storages["default"]).__name__ == "S3Storage"
    assert storages["default"].bucket_name == bucket


def test_a_scan_lands_in_the_bucket_private_and_goes_out_through_its_record(
    s3, bucket, rome, client, settings
):
    signature = signed(rome)
    assert keys(s3, bucket) == sorted([signature.scan.name, signature.thumbnail.name])
    assert not any(settings.MEDIA_ROOT.iterdir())  # nothing written beside it
    for key in keys(s3, bucket):
        grants = s3.get_object_acl(Bucket=bucket, Key=key)["Grants"]
        assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # the owner only
        assert all(grant["Grantee"].get("URI") != EVERYONE for grant in grants)
    stored = s3.get_object(Bucket=bucket, Key=signature.scan.name)["Body"].read()
    response = client.get(image_url(signature, "scan"))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == stored
    assert stored.startswith(b"\xff\xd8")  # the JPEG the door drew again, not the upload


def test_a_replaced_scan_leaves_the_bucket_once_committed(
    s3, bucket, rome, django_capture_on_commit_callbacks
):
    signature = signed(rome)
    old = [signature.scan.name, signature.thumbnail.name]
    with django_capture_on_commit_callbacks(execute=True):
        changed = change_signature(signature, by=None, scan=upload(image_bytes("PNG")))
    assert keys(s3, bucket) == sorted([changed.scan.name, changed.thumbnail.name])
    assert not set(old) & set(keys(s3, bucket))
    with django_capture_on_commit_callbacks(execute=True):
        change_signature(changed, by=None, remove_scan=True)
    assert keys(s3, bucket) == []
