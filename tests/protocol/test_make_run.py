"""`make run` as a newcomer types it, on another port: links point at that port, each output
line names its process, and Ctrl-C ends it quietly."""

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_run_env(var_dir: Path, port: int) -> dict:
    """A bare machine's shell: no database, broker, DEBUG or SITE_URL of its own."""
    kept = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME")}
    return {**kept, "PORT": str(port), "VAR_DIR": str(var_dir), "PYTHONUNBUFFERED": "1"}


def answered(url: str, seconds: float, process) -> requests.Response:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "make run stopped before serving"
        try:
            return requests.get(url, timeout=5)
        except requests.ConnectionError:
            time.sleep(0.5)
    raise AssertionError(f"nothing answered at {url}")


def signed_in(base: str) -> requests.Session:
    session = requests.Session()
    login = f"{base}/staff/login/"
    session.get(login, timeout=10)
    form = {
        "username": "admin",
        "password": "admin",
        "csrfmiddlewaretoken": session.cookies["csrftoken"],
    }
    session.post(login, data=form, headers={"Referer": login}, timeout=10)
    return session


def test_make_run_links_to_its_port_names_its_processes_and_stops_on_ctrl_c(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    output = tmp_path / "make-run.log"
    with open(output, "w") as log:
        # -o: the venv and the catalogues are as `make test` left them; nothing is installed.
        process = subprocess.Popen(
            [shutil.which("make"), "-o", ".venv/.installed", "-o", "messages", "run"],
            cwd=ROOT,
            env=make_run_env(tmp_path, port),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, as a terminal's job is
        )
    try:
        assert answered(f"{base}/healthz", 180, process).status_code == 200
        page = signed_in(base).get(f"{base}/staff/my-calendars/", timeout=30).text
        assert f"{base}/calendars/public.ics" in page
        assert "127.0.0.1:8000" not in page
        # Ctrl-C reaches the whole foreground job: make, honcho and the three processes.
        time.sleep(3)  # worker and beat have said they are up
        os.killpg(process.pid, signal.SIGINT)
        status = process.wait(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    text = output.read_text()
    # make itself ends by the SIGINT it was sent, as any interrupted program (the shell shows
    # 130); what it must not do is blame the run: no "Error 130/143" and no "Interrupt".
    assert status in (0, -signal.SIGINT), text
    assert "Error" not in text and "Interrupt" not in text, text
    names = set(re.findall(r"^\d\d:\d\d:\d\d (\w+)\.1 +\|", text, re.MULTILINE))
    assert names == {"web", "worker", "beat"}, text
    assert f"Links in feeds and e-mails: {base}" in text
