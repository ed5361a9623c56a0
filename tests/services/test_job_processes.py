"""Background generation runs outside the web process, with a time limit, and a job that
overruns or whose process dies fails at once with the reason (issue 11, finding 6).

Everything here is real: the child processes (``python -m quizapp jobs ...``), and for the
queue a Redis server (``QUIZAPP_TEST_REDIS_URL``, default database 3 of the local one) with an
RQ worker, in this process (``SimpleWorker``) or as ``quizapp worker``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import ImportJob, Quiz
from quizapp.models.base import utcnow
from quizapp.services import jobs
from quizapp.services.quizzes import seed_text

LONG = {"IMPORT_BACKGROUND_CHARS": 100}


def _start(client: FlaskClient) -> tuple[str, int]:
    """Import the seed article as a background job: its token and id."""
    response = client.post("/editor/import", data={"text": seed_text(), "title": "Seed"})
    assert response.status_code == 303 and "/editor/imports/" in response.location
    token = response.location.rsplit("/", 1)[1]
    job = db.session.execute(db.select(ImportJob).where(ImportJob.token == token)).scalar_one()
    return token, job.id


def _status(client: FlaskClient, token: str) -> dict[str, Any]:
    db.session.expire_all()  # the job is written by other processes
    return client.get(f"/editor/imports/{token}.json").get_json()  # type: ignore[no-any-return]


def _wait(client: FlaskClient, token: str, seconds: float) -> dict[str, Any]:
    """Poll the job's progress as its page does, until it ends or ``seconds`` pass."""
    deadline = time.monotonic() + seconds
    status = _status(client, token)
    while status["status"] not in ("done", "failed") and time.monotonic() < deadline:
        time.sleep(0.2)
        status = _status(client, token)
    return status


def _processes(*words: str) -> list[int]:
    """Pids of this machine's live processes whose command line has ``words`` in a row, the
    most recently started first (another test run on this machine may have a job of the same
    id, and a finished one of an earlier test may still be exiting)."""
    wanted = "\0".join(words)
    found: list[tuple[int, int]] = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            # this run's own: started by this interpreter (another checkout's run has its own)
            ours = cmdline.startswith(sys.executable + "\0")
            if ours and wanted in cmdline and "quizapp" in cmdline and fields[0] != "Z":
                found.append((int(fields[19]), int(entry.name)))  # start time, pid
    return [pid for _, pid in sorted(found, reverse=True)]


def _find(*words: str, seconds: float = 20, parent: int | None = None) -> int:
    """The newest live process with ``words`` in its command line (and ``parent``, if given)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = [p for p in _processes(*words) if parent is None or _ppid(p) == parent]
        if found:
            return found[0]
        time.sleep(0.05)
    raise AssertionError(f"no process {' '.join(words)!r} within {seconds} s")


def _ppid(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _gone(pid: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not Path(f"/proc/{pid}").exists() or "Z" in _state(pid):
            return True
        time.sleep(0.05)
    return False


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


needs_proc = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")


# -- by default: a child process, no Redis ---------------------------------------------------


@needs_proc
@pytest.mark.slow  # starts processes that each import the app and spaCy
@pytest.mark.app_config(**LONG)
def test_a_job_runs_in_processes_of_their_own_session(editor_client: FlaskClient) -> None:
    token, job_id = _start(editor_client)
    supervisor = _find("jobs", "supervise", str(job_id))
    child = _find("jobs", "run", str(job_id), parent=supervisor)
    # a new session: signals to the web worker (gunicorn's TERM, a kill of its group) miss it
    assert os.getsid(supervisor) == supervisor != os.getsid(0)
    assert child != os.getpid() and os.getsid(child) == supervisor
    status = _wait(editor_client, token, 120)
    assert status["status"] == "done", status
    assert db.session.get(Quiz, db.session.get(ImportJob, job_id).quiz_id) is not None  # type: ignore[union-attr]
    assert _gone(supervisor) and _gone(child)


@needs_proc
@pytest.mark.slow  # starts processes that each import the app and spaCy
@pytest.mark.app_config(JOB_TIMEOUT=1, **LONG)
def test_a_job_over_its_time_limit_is_stopped_and_fails_at_once(
    editor_client: FlaskClient,
) -> None:
    started = time.monotonic()
    token, job_id = _start(editor_client)
    child = _find("jobs", "run", str(job_id), seconds=5)
    status = _wait(editor_client, token, 20)
    assert time.monotonic() - started < 15
    assert status["status"] == "failed" and status["stage"] == "Took too long"
    assert "longer than the limit of 1 seconds" in status["message"]
    assert _gone(child)
    page = editor_client.get(f"/editor/imports/{token}").get_data(as_text=True)
    assert "The import failed" in page and "longer than the limit" in page
    assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 0


@needs_proc
@pytest.mark.slow  # starts processes that each import the app and spaCy
@pytest.mark.app_config(**LONG)
def test_a_job_whose_process_dies_fails_at_once(editor_client: FlaskClient) -> None:
    token, job_id = _start(editor_client)
    child = _find("jobs", "run", str(job_id))
    os.kill(child, signal.SIGKILL)  # as the out-of-memory killer would
    killed = time.monotonic()
    status = _wait(editor_client, token, 10)
    assert time.monotonic() - killed < 5
    assert status["status"] == "failed", status
    assert "stopped unexpectedly (killed by SIGKILL)" in status["message"]


@pytest.mark.app_config(JOB_TIMEOUT=5)
def test_a_job_silent_past_its_limit_is_reported_interrupted(
    editor_client: FlaskClient,
) -> None:
    """The last resort, should even the supervisor vanish (the machine restarted)."""
    old = utcnow() - timedelta(seconds=5) - jobs.GRACE - timedelta(seconds=1)
    job = ImportJob(token="lost-job", text="x", status="running", updated_at=old)
    recent = ImportJob(token="busy-job", text="y", status="running", updated_at=utcnow())
    db.session.add_all([job, recent])
    db.session.commit()
    assert _status(editor_client, "lost-job")["status"] == "failed"
    assert "interrupted" in _status(editor_client, "lost-job")["message"]
    assert _status(editor_client, "busy-job")["status"] == "running"


# -- with Redis: an RQ queue and `quizapp worker` ----------------------------------------------


def _queue(app: Flask) -> Any:
    return jobs._queue(app)


@pytest.mark.slow  # starts processes that each import the app and spaCy
@pytest.mark.app_config(JOB_TIMEOUT=600, **LONG)
def test_with_redis_a_job_waits_on_the_queue_then_an_rq_worker_runs_it(
    app: Flask, editor_client: FlaskClient, redis_url: str
) -> None:
    from rq import SimpleWorker

    app.config["REDIS_URL"] = redis_url
    token, job_id = _start(editor_client)
    time.sleep(0.5)
    assert _status(editor_client, token)["status"] == "queued"  # nothing runs without a worker
    assert _processes("jobs", "run", str(job_id)) == []
    queue = _queue(app)
    assert queue.count == 1
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    status = _status(editor_client, token)
    assert status["status"] == "done", status
    assert queue.count == 0


@pytest.mark.slow  # starts processes that each import the app and spaCy
@pytest.mark.app_config(JOB_TIMEOUT=1, **LONG)
def test_with_redis_a_job_over_its_limit_fails_with_the_reason(
    app: Flask, editor_client: FlaskClient, redis_url: str
) -> None:
    from rq import SimpleWorker

    app.config["REDIS_URL"] = redis_url
    token, _ = _start(editor_client)
    queue = _queue(app)
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    status = _status(editor_client, token)
    assert status["status"] == "failed"
    assert "longer than the limit of 1 seconds" in status["message"]


@pytest.mark.app_config(**LONG)
def test_with_redis_a_job_the_queue_dropped_fails_when_its_page_is_read(
    app: Flask, editor_client: FlaskClient, redis_url: str
) -> None:
    from rq.job import Job

    app.config["REDIS_URL"] = redis_url
    token, job_id = _start(editor_client)
    Job.fetch(jobs._rq_id(job_id), connection=_queue(app).connection).cancel()
    status = _status(editor_client, token)
    assert status["status"] == "failed" and "stopped on the job queue" in status["message"]


def _worker(app: Flask, redis_url: str, *args: str) -> subprocess.Popen[bytes]:
    env = jobs.child_environment(app) | {"QUIZAPP_REDIS_URL": redis_url}
    return subprocess.Popen(
        [sys.executable, "-m", "quizapp", "worker", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@needs_proc
@pytest.mark.slow  # starts processes that each import the app and spaCy
@pytest.mark.app_config(**LONG)
def test_quizapp_worker_runs_the_queue(
    app: Flask, editor_client: FlaskClient, redis_url: str
) -> None:
    app.config["REDIS_URL"] = redis_url
    token, _ = _start(editor_client)
    worker = _worker(app, redis_url, "--burst")
    try:
        _, stderr = worker.communicate(timeout=180)
    finally:
        worker.kill()
    assert worker.returncode == 0, stderr.decode()[-3000:]
    assert _status(editor_client, token)["status"] == "done"


@needs_proc
@pytest.mark.slow  # starts processes that each import the app and spaCy
@pytest.mark.app_config(**LONG)
def test_quizapp_worker_fails_a_job_whose_work_horse_dies(
    app: Flask, editor_client: FlaskClient, redis_url: str
) -> None:
    app.config["REDIS_URL"] = redis_url
    token, job_id = _start(editor_client)
    worker = _worker(app, redis_url)
    try:
        child = _find("jobs", "run", str(job_id), seconds=60)
        horse = int(Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[1])
        assert horse not in (worker.pid, os.getpid())
        os.kill(horse, signal.SIGKILL)
        killed = time.monotonic()
        status = _wait(editor_client, token, 10)
        assert time.monotonic() - killed < 5
        assert status["status"] == "failed", status
        assert "stopped unexpectedly" in status["message"]
        assert _gone(child)  # the generation does not outlive its supervisor
    finally:
        worker.terminate()
        try:
            worker.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.communicate()


@pytest.mark.app_config(REDIS_URL="redis://127.0.0.1:1/0", **LONG)
def test_a_queue_out_of_reach_is_a_503_and_a_failed_job_not_a_lost_one(
    editor_client: FlaskClient,
) -> None:
    """Nothing listens on port 1: the import is refused plainly and leaves no job waiting."""
    response = editor_client.post("/editor/import", data={"text": seed_text()})
    assert response.status_code == 503
    assert "could not be started just now" in response.get_data(as_text=True)
    job = db.session.execute(db.select(ImportJob)).scalar_one()
    assert job.status == "failed" and job.text is None
    assert db.session.scalar(db.select(db.func.count(Quiz.id))) == 0
