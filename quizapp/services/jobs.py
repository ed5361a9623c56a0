"""Generating a long article's quiz in the background, with progress for its page.

One small thread pool per process runs the jobs; each job keeps its state in
the database, so any process behind a load balancer can show its progress.
A job whose process died is reported as interrupted once it has been silent
for ``STALE_AFTER``.
"""

from __future__ import annotations

import logging
import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from flask import Flask, current_app

from quizapp.engine import progress
from quizapp.extensions import db
from quizapp.models import ImportJob
from quizapp.models.base import utcnow
from quizapp.services.articles import find_article, import_article
from quizapp.services.errors import DuplicateArticle, ServiceError
from quizapp.services.tokens import by_token

log = logging.getLogger(__name__)

STALE_AFTER = timedelta(minutes=10)
#: Write progress at most this often (seconds): the bar needs a few updates, not hundreds.
REPORT_EVERY = 0.25

_executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="quizapp-import")


def start_import(
    text: str, *, title: str | None, source_url: str | None, publish: bool
) -> ImportJob:
    """Queue the generation of a quiz for ``text`` and return its job at once."""
    existing = find_article(text)
    if existing is not None:
        raise DuplicateArticle(
            f"This article was imported before (article {existing.id}).", existing.id
        )
    job = ImportJob(
        token=secrets.token_urlsafe(18),
        text=text,
        title=title,
        source_url=source_url,
        publish=publish,
    )
    db.session.add(job)
    db.session.commit()
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if app.config.get("IMPORT_JOBS_INLINE"):
        _run(app, job.id)  # tests and the CLI: same code path, no thread
    else:
        _executor.submit(_run, app, job.id)
    return job


def get_job(token: str) -> ImportJob:
    """A job by its token, with a dead job reported as interrupted."""
    job = by_token(
        ImportJob, ImportJob.token, token, max_length=64, missing="There is no such import."
    )
    if not job.finished and utcnow() - job.updated_at > STALE_AFTER:
        job.status = "failed"
        job.message = "The import was interrupted (the server restarted). Please import it again."
        db.session.commit()
    return job


def _run(app: Flask, job_id: int) -> None:
    with app.app_context():
        job = db.session.get(ImportJob, job_id)
        if job is None or job.finished:
            return
        _update(job, status="running", progress=0.0, stage="Reading the article")
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
                    max_questions=app.config["QUIZ_MAX_QUESTIONS"],
                    publish=job.publish,
                )
        except ServiceError as exc:
            db.session.rollback()
            _update(job, status="failed", message=exc.message, text=None)
            return
        except Exception:  # EngineError or any other bug: logged, and said to be ours
            db.session.rollback()
            log.exception("import job %s failed", job_id)
            _update(
                job,
                status="failed",
                stage="Generation failed",
                message="Generation failed because of an error on our side; nothing was saved.",
            )
            return
        _update(job, status="done", progress=1.0, stage="Done", quiz_id=quiz.id, text=None)


def _update(job: ImportJob, **changes: object) -> None:
    for key, value in changes.items():
        setattr(job, key, value)
    job.updated_at = utcnow()
    db.session.commit()
