"""Where uploads are kept: under MEDIA_ROOT by default; in an S3-compatible store when a bucket
is named, with private objects and never overwritten (django-storages). This reads the storage
the settings build in a production process; test_s3_store.py sends files to an S3 server."""

from tests.protocol.test_deployment import PRODUCTION_ENV, manage

SHOW = (
    "from django.core.files.storage import storages; s = storages['default']; "
    "print(type(s).__name__, getattr(s, 'bucket_name', s.location), "
    "getattr(s, 'endpoint_url', ''), getattr(s, 'default_acl', ''), "
    "getattr(s, 'file_overwrite', ''))"
)


def test_uploads_go_under_media_root_by_default(tmp_path):
    result = manage("shell", "-c", SHOW, env={**PRODUCTION_ENV, "MEDIA_ROOT": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split()[:2] == ["FileSystemStorage", str(tmp_path)]


def test_a_named_bucket_sends_uploads_to_an_s3_compatible_store():
    env = {
        **PRODUCTION_ENV,
        "AWS_STORAGE_BUCKET_NAME": "protocole-media",
        "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
    }
    result = manage("shell", "-c", SHOW, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        "S3Storage", "protocole-media", "https://s3.example.org", "private", "False"
    ]  # fmt: skip
