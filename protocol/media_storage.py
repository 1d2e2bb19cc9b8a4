"""The uploads' store when a bucket is named: django-storages' S3 backend, for any
S3-compatible service. Objects are private (they go out only through their record's view, which
asks the door) and never overwritten (a name taken gets a new one)."""


def s3_storage(bucket: str, *, endpoint_url: str | None, region_name: str | None) -> dict:
    """An entry of STORAGES; the keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url,
            "region_name": region_name,
            "default_acl": "private",
            "file_overwrite": False,
        },
    }
