"""The workers a test starts reach the database the run was given, however it is addressed."""

from tests.reminders.workers import workers_database_url


def test_a_throwaway_servers_socket_folder_and_password_reach_the_workers():
    run_url = "postgresql://postgres:secret@/postgres?host=/tmp/protocol-pg-x1"
    assert workers_database_url(run_url, "test_postgres") == (
        "postgresql://postgres:secret@/test_postgres?host=/tmp/protocol-pg-x1"
    )


def test_a_tcp_servers_host_port_and_user_reach_the_workers():
    run_url = "postgres://postgres@127.0.0.1:5432/test"
    assert (
        workers_database_url(run_url, "test_test") == "postgres://postgres@127.0.0.1:5432/test_test"
    )
