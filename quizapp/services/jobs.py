"""Generating a long article's quiz in the background, with progress for its page.

The generation never runs in a web worker. A job is handed to a *supervisor* that runs it
in a child process (``quizapp jobs run ID``) with a time limit (``JOB_TIMEOUT`` seconds) and
records how it ended, so a job that overruns or whose process dies is marked failed at once,
with the reason on its progress page. The supervisor is

- an RQ work horse (``quizapp worker``) when ``REDIS_URL`` is set: a real queue, any number of
  worker machines; or
- by default, a process of its own (``quizapp jobs supervise ID``) started by the web worker in
  a new session, so that a recycled or killed web worker does not take the job with it, and a
  one-machine install needs no Redis.

Each job keeps its state in the database, so any web process can show its progress. Should
even the supervisor vanish (the machine restarted), a job silent for longer than its time
limit is reported as interrupted when its page is next read.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import signal
import subprocess  # nosec B404
import sys
import threading
import time
from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from flask import Flask, current_app, has_app_context

from quizapp.engine import progress
from quizapp.extensions import db
from quizapp.models import ImportJob, JobStatus
from quizapp.models.base import utcnow
from quizapp.services.articles import check_import, import_article
from quizapp.services.errors import ServiceError, Unavailable
from quizapp.services.tokens import by_token

if TYPE_CHECKING:
    from rq.job import Job as RQJob

log = logging.getLogger(__name__)

#: Write progress at most this often (seconds): the bar needs a few updates, not hundreds.
REPORT_EVERY = 0.25
#: The RQ queue of import jobs (``quizapp worker`` listens to it).
QUEUE = "quizapp-imports"
#: How much longer than its time limit a job may stay silent before it counts as lost:
#: the child process starting, the supervisor recording the end.
GRACE = timedelta(seconds=60)
#: The settings a child process needs from its parent's app (the rest comes from the
#: environment, as for the parent).
CHILD_SETTINGS = (
    "SQLALCHEMY_DATABASE_URI",
    "SECRET_KEY",
    "GENERATOR_SEED",
    "QUIZ_MAX_QUESTIONS",
    "SQLITE_BUSY_TIMEOUT_MS",
    "JOB_TIMEOUT",
)

#: prctl(2) option: the signal a process gets when its parent dies.
PR_SET_PDEATHSIG = 1

FAILED_OURS = "Generation failed because of an error on our side; nothing was saved."


def start_import(
    text: str,
    *,
    title: str | None,
    source_url: str | None,
    publish: bool,
    max_questions: int | None = None,
    kinds: Sequence[str] | None = None,
) -> ImportJob:
    """Queue the generation of a quiz for ``text`` and return its job at once.

    ``max_questions`` and ``kinds`` are the editor's choices, checked now and kept with the job
    for the process that generates it (see :func:`quizapp.services.articles.import_article`).
    """
    source_url, max_questions, kinds = check_import(text, source_url, max_questions, kinds)
    job = ImportJob(
        token=secrets.token_urlsafe(18),
        text=text,
        title=title,
        source_url=source_url,
        publish=publish,
        max_questions=max_questions,
        kinds=",".join(kinds) if kinds is not None else None,
    )
    db.session.add(job)
    db.session.commit()
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if app.config.get("IMPORT_JOBS_INLINE"):
        run(app, job.id)  # tests: the same code path, in the request
        return job
    try:
        if app.config.get("REDIS_URL"):
            _enqueue(app, job.id)
        else:
            _start_supervisor(app, job.id)
    except Exception as exc:  # Redis down, no process to be had: say so, keep nothing half-made
        log.exception("import job %s could not be started", job.id)
        message = "The import could not be started just now; nothing was saved. Try again soon."
        _update(job, status=JobStatus.FAILED, stage="Not started", message=message, text=None)
        raise Unavailable(message) from exc
    return job


def get_job(token: str) -> ImportJob:
    """A job by its token; a job whose queue or process lost it is reported as failed."""
    job = by_token(
        ImportJob, ImportJob.token, token, max_length=64, missing="There is no such import."
    )
    if not job.finished:
        reason = _lost(current_app._get_current_object(), job)  # type: ignore[attr-defined]
        if reason is not None:
            _update(job, status=JobStatus.FAILED, stage="Interrupted", message=reason)
    return job


def run(app: Flask, job_id: int) -> None:
    """Generate the quiz of job ``job_id`` in this process (the child, or a test's request)."""
    with app.app_context():
        job = db.session.get(ImportJob, job_id)
        if job is None or job.finished:
            return
        _update(job, status=JobStatus.RUNNING, progress=0.0, stage="Reading the article")
        last = 0.0

        def report(fraction: float, stage: str) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= REPORT_EVERY:
                last = now
                # parsing is most of the work; the rest is claims, questions and saving
                _update(job, progress=0.9 * fraction, stage=stage)

        try:
            with progress.reporting(report):
                quiz = import_article(
                    job.text or "",
                    title=job.title,
                    source_url=job.source_url,
                    seed=app.config["GENERATOR_SEED"],
                    max_questions=job.max_questions,
                    kinds=job.kind_list,
                    publish=job.publish,
                )
        except ServiceError as exc:
            db.session.rollback()
            _update(job, status=JobStatus.FAILED, message=exc.message, text=None)
            return
        except Exception:  # EngineError or any other bug: logged, and said to be ours
            db.session.rollback()
            log.exception("import job %s failed", job_id)
            _update(job, status=JobStatus.FAILED, stage="Generation failed", message=FAILED_OURS)
            return
        _update(job, status=JobStatus.DONE, progress=1.0, stage="Done", quiz_id=quiz.id, text=None)


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this child when its supervisor dies (Linux), so that a job never
    runs on unwatched, and is never finished after it was reported failed."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the supervisor's limit still holds
        log.debug("no parent-death signal on this system")
    if os.getppid() != parent:  # the supervisor died before the line above
        os._exit(1)


def supervise(app: Flask, job_id: int) -> None:
    """Run job ``job_id`` in a child process with the time limit; record how it ended.

    The child is killed at ``JOB_TIMEOUT`` seconds even if it never gives the interpreter back
    (a parse holding the GIL); a child that dies of anything else fails its job at once.
    """
    limit = int(app.config["JOB_TIMEOUT"])
    # This same program (sys.executable -m quizapp) with an int argument: no shell, no input.
    command = [
        sys.executable,
        "-m",
        "quizapp",
        "jobs",
        "run",
        str(job_id),
        "--parent",
        str(os.getpid()),
    ]
    try:
        finished = subprocess.run(  # noqa: S603  # nosec B603
            command, env=child_environment(app), stdin=subprocess.DEVNULL, timeout=limit
        )
    except subprocess.TimeoutExpired:
        _fail(
            app,
            job_id,
            stage="Took too long",
            message=f"Generation took longer than the limit of {limit} seconds and was "
            "stopped; nothing was saved. A shorter article, or one in several parts, will go "
            "through.",
        )
        return
    if finished.returncode != 0:
        _fail(app, job_id, stage="Generation failed", message=_died(finished.returncode))


def supervise_queued(job_id: int) -> None:
    """The RQ job: supervise ``job_id`` from a work horse of ``quizapp worker``."""
    app = current_app._get_current_object() if has_app_context() else _new_app()  # type: ignore[attr-defined]
    supervise(app, job_id)


def child_environment(app: Flask) -> dict[str, str]:
    """The environment of a child process: this one's, plus the settings it must share."""
    env = dict(os.environ)
    for key in CHILD_SETTINGS:
        env[f"QUIZAPP_{key}"] = json.dumps(app.config[key])
    return env


def worker_horse_killed(app: Flask, rq_job: RQJob) -> None:
    """RQ's handler for a work horse that died (killed, out of memory): fail its import."""
    job_id = rq_job.args[0] if rq_job.args else None
    if isinstance(job_id, int):
        _fail(app, job_id, stage="Generation failed", message=_died(None))


def work(app: Flask, *, burst: bool = False) -> bool:
    """Run an RQ worker on the import queue (``quizapp worker``) until stopped."""
    from redis import Redis
    from rq import Worker

    class ImportWorker(Worker):
        def main_work_horse(self, *args: Any, **kwargs: Any) -> None:
            # A forked horse must not share its parent's database connections.
            db.engine.dispose(close=False)
            super().main_work_horse(*args, **kwargs)

    connection = Redis.from_url(app.config["REDIS_URL"])
    worker = ImportWorker(
        [QUEUE],
        connection=connection,
        work_horse_killed_handler=lambda job, *_: worker_horse_killed(app, job),
    )
    return bool(worker.work(burst=burst, with_scheduler=False))


def _enqueue(app: Flask, job_id: int) -> None:
    """Put job ``job_id`` on the RQ queue for ``quizapp worker``."""
    _queue(app).enqueue(
        supervise_queued,
        job_id,
        job_id=_rq_id(job_id),
        # The supervisor enforces JOB_TIMEOUT on the child; RQ's own limit is the backstop.
        job_timeout=int(app.config["JOB_TIMEOUT"]) + int(GRACE.total_seconds()),
        result_ttl=3600,
        failure_ttl=86400,
    )


def _start_supervisor(app: Flask, job_id: int) -> None:
    """Start ``quizapp jobs supervise ID`` in a session of its own, reaped by a thread."""
    # This same program (sys.executable -m quizapp) with an int argument: no shell, no input.
    command = [sys.executable, "-m", "quizapp", "jobs", "supervise", str(job_id)]
    process = subprocess.Popen(  # noqa: S603  # nosec B603
        command,
        env=child_environment(app),
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # signals to this web worker do not reach it
    )
    # Collect its exit status when it ends, so it never lingers as a zombie; if this worker
    # dies first, init adopts and reaps it.
    threading.Thread(target=process.wait, name=f"quizapp-job-{job_id}", daemon=True).start()


def _lost(app: Flask, job: ImportJob) -> str | None:
    """Why an unfinished job will never finish, or None if it may still."""
    if app.config.get("REDIS_URL") and not app.config.get("IMPORT_JOBS_INLINE"):
        status = _rq_status(app, job.id)
        if status in ("failed", "stopped", "canceled", None):
            return "The import was stopped on the job queue's worker; nothing was saved."
        if status in ("queued", "deferred", "scheduled", "unknown"):
            return None  # waiting for a worker (no clock runs yet), or Redis cannot say
    limit = timedelta(seconds=int(app.config["JOB_TIMEOUT"]))
    if utcnow() - job.updated_at > limit + GRACE:
        return "The import was interrupted (the server restarted). Please import it again."
    return None


def _fail(app: Flask, job_id: int, *, stage: str, message: str) -> None:
    """Mark job ``job_id`` failed, unless it ended already (the child got there first)."""
    with app.app_context():
        job = db.session.get(ImportJob, job_id)
        if job is not None and not job.finished:
            log.warning("import job %s failed: %s", job_id, message)
            _update(job, status=JobStatus.FAILED, stage=stage, message=message)
        db.session.remove()


def _died(returncode: int | None) -> str:
    how = ""
    if returncode is not None and returncode < 0:
        how = f" (killed by {signal.Signals(-returncode).name})"
    elif returncode is not None:
        how = f" (exit status {returncode})"
    return (
        f"The generation process stopped unexpectedly{how}; nothing was saved. "
        "Please import the article again."
    )


def _queue(app: Flask) -> Any:
    from redis import Redis
    from rq import Queue

    return Queue(QUEUE, connection=Redis.from_url(app.config["REDIS_URL"]))


def _rq_id(job_id: int) -> str:
    return f"quizapp-import-{job_id}"


def _rq_status(app: Flask, job_id: int) -> str | None:
    """The RQ status of job ``job_id`` ("queued", "started", "failed", ...), None if unknown."""
    from redis.exceptions import RedisError
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    try:
        status = Job.fetch(_rq_id(job_id), connection=_queue(app).connection).get_status()
    except NoSuchJobError:
        return None
    except RedisError:
        log.warning("cannot read the state of import job %s from Redis", job_id, exc_info=True)
        return "unknown"
    return str(getattr(status, "value", status))


def _new_app() -> Flask:
    from quizapp import create_app

    return create_app()


def _update(job: ImportJob, **changes: object) -> None:
    for key, value in changes.items():
        setattr(job, key, value)
    job.updated_at = utcnow()
    db.session.commit()
