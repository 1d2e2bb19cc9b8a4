"""Benchmarks run on the test settings, in a database of their own that is kept between runs."""

from tests.settings import *  # noqa: F403

DATABASES["default"]["TEST"] = {"NAME": "protocol_bench"}  # noqa: F405
DATABASES["default"]["ATOMIC_REQUESTS"] = True  # noqa: F405
