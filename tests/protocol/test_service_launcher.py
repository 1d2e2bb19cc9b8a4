"""`make test` on CI must fail, not fake, when PostgreSQL or Redis is missing."""

from contextlib import ExitStack

import pytest

from tests import services


@pytest.fixture(autouse=True)
def no_throwaway_asked(monkeypatch):
    """These tests run under the CI step that asks for throwaway servers, too."""
    monkeypatch.delenv("TEST_SERVICES", raising=False)


def never_answers(url):
    return False


def test_ci_refuses_to_start_a_throwaway_server(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    started = []
    with pytest.raises(SystemExit, match="CI: DATABASE_URL is not set and nothing answers"):
        services.resolve(
            "DATABASE_URL",
            "postgres://127.0.0.1:1/x",
            never_answers,
            started.append,
            ExitStack(),
            in_ci=True,
        )
    assert started == []


def test_a_given_url_that_does_not_answer_fails_instead_of_falling_back(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    with pytest.raises(SystemExit, match="does not answer"):
        services.resolve(
            "REDIS_URL",
            "redis://127.0.0.1:1/0",
            services.redis_answers,
            None,
            ExitStack(),
            in_ci=False,
        )


def test_local_servers_are_used_when_they_answer(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    url = services.resolve(
        "DATABASE_URL", "postgres://local/test", lambda url: True, None, ExitStack(), in_ci=True
    )
    assert url == "postgres://local/test"


def test_throwaway_servers_are_started_when_asked_even_with_local_ones(monkeypatch):
    monkeypatch.setenv("TEST_SERVICES", "throwaway")
    monkeypatch.setenv("DATABASE_URL", "postgres://local/test")
    url = services.resolve(
        "DATABASE_URL", "postgres://local/test", lambda url: True, lambda _: "thrown", None, True
    )
    assert url == "thrown"


def test_each_pytest_worker_takes_its_own_redis_database():
    from tests.settings import redis_url_of_this_worker

    assert redis_url_of_this_worker("redis://127.0.0.1:6379/1", "gw0") == "redis://127.0.0.1:6379/1"
    assert redis_url_of_this_worker("redis://127.0.0.1:6379/1", "gw2") == "redis://127.0.0.1:6379/3"
    assert redis_url_of_this_worker("redis://127.0.0.1:7000", "gw1") == "redis://127.0.0.1:7000/1"
    assert redis_url_of_this_worker("redis://127.0.0.1:6379/1", "") == "redis://127.0.0.1:6379/1"
    with pytest.raises(RuntimeError, match="PYTEST_WORKERS=0"):
        redis_url_of_this_worker("unix:///run/redis.sock?db=1", "gw1")
