"""The production server (gunicorn with gunicorn.conf.py, as `make serve` runs it) keeps
answering while clients send their request bodies a byte at a time (issue 11, finding 7)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from tests import ROOT

BODY_TIMEOUT = 3  # QUIZAPP_REQUEST_BODY_TIMEOUT of the server under test
SLOW_CLIENTS = 6  # more than the two sync workers the attack took

pytestmark = pytest.mark.slow  # starts gunicorn and its workers, then waits out slow bodies


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str, timeout: float) -> tuple[int, float]:
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
        response.read()
        return response.status, time.monotonic() - started


@pytest.fixture
def server(app: Flask, tmp_path: Path) -> Iterator[str]:
    """gunicorn -c gunicorn.conf.py on a free loopback port, two workers, on the test database."""
    port = _free_port()
    env = dict(os.environ)
    env.update(
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
        GUNICORN_ACCESSLOG=str(tmp_path / "access.log"),
        QUIZAPP_SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"],
        QUIZAPP_SECRET_KEY="test-secret",
        QUIZAPP_REQUEST_BODY_TIMEOUT=str(BODY_TIMEOUT),
    )
    log = (tmp_path / "gunicorn.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _get(f"{url}/healthz", 2)[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, (tmp_path / "gunicorn.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "gunicorn did not start in 60 s"
            time.sleep(0.2)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _slow_client(port: int, stop: threading.Event, answers: list[bytes]) -> None:
    """POST a 100-byte body one byte a second, as the attack did (every 5 s there)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(
            b"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n"
        )
        sock.settimeout(1.0)
        received = b""
        for _ in range(100):
            if stop.is_set():
                break
            try:
                sock.sendall(b"a")
            except OSError:
                break  # the server closed the connection
            try:
                data = sock.recv(4096)
            except TimeoutError:
                continue
            if not data:
                break
            received += data
        answers.append(received)


def test_healthz_answers_while_slow_clients_trickle_their_bodies(server: str) -> None:
    port = int(server.rsplit(":", 1)[1])
    stop = threading.Event()
    answers: list[bytes] = []
    clients = [
        threading.Thread(target=_slow_client, args=(port, stop, answers), daemon=True)
        for _ in range(SLOW_CLIENTS)
    ]
    for client in clients:
        client.start()
    try:
        time.sleep(1.5)  # every slow client has sent its headers and started its body
        for _ in range(5):
            status, seconds = _get(f"{server}/healthz", timeout=5)
            assert status == 200 and seconds < 2, seconds
            time.sleep(0.2)
        for client in clients:
            client.join(timeout=BODY_TIMEOUT + 10)
    finally:
        stop.set()
        for client in clients:
            client.join(timeout=5)
    # each slow body was cut off at the deadline with a 408 and the connection closed
    assert len(answers) == SLOW_CLIENTS
    for answer in answers:
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
        assert b"did not arrive within 3 seconds" in answer
