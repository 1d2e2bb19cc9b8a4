"""The empty task the reminder benchmark compares with: it only counts itself (one Redis
INCR), so that the benchmark knows when the worker is done."""

import os

import redis
from celery import shared_task

counter = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1"))


@shared_task(name="bench.noop", ignore_result=True)
def noop() -> None:
    counter.incr("bench:noop")
