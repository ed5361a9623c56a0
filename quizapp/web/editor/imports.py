"""Editors' imports: an article (pasted or uploaded) or a quiz file; a long one's progress."""

from __future__ import annotations

from flask import (
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    url_for,
)
from flask.typing import ResponseReturnValue

from quizapp.extensions import db
from quizapp.models import Article, ImportJob, JobStatus, Quiz
from quizapp.services import jobs
from quizapp.services.articles import import_article
from quizapp.services.errors import DuplicateArticle, ServiceError
from quizapp.services.imports import text_from_paste, text_from_upload
from quizapp.services.quiz_files import NothingImportable, import_quiz_file
from quizapp.web.editor import bp
from quizapp.web.editor.forms import ImportForm, ImportQuizForm


@bp.route("/import", methods=["GET", "POST"])
def import_article_view() -> ResponseReturnValue:
    """Paste or upload an article; the engine makes a draft quiz from it, with as many
    questions of the kinds the editor chose."""
    form = ImportForm()
    if form.validate_on_submit():
        max_chars = current_app.config["ARTICLE_MAX_CHARS"]
        upload = form.upload.data
        try:
            if upload and getattr(upload, "filename", ""):
                text, page_title = text_from_upload(
                    upload.filename, upload.read(), max_chars=max_chars
                )
            elif form.text.data and form.text.data.strip():
                text, page_title = text_from_paste(form.text.data, max_chars=max_chars), None
            else:
                form.text.errors.append("Paste the article's text or choose a file.")
                return render_template("editor/import.html", form=form), 400
            title = form.title.data or page_title
            source_url = form.source_url.data or None
            if len(text) >= current_app.config["IMPORT_BACKGROUND_CHARS"]:
                job = jobs.start_import(
                    text,
                    title=title,
                    source_url=source_url,
                    publish=form.publish.data,
                    max_questions=form.count.data,
                    kinds=form.kinds.data,
                )
                return redirect(url_for("editor.import_progress", token=job.token), code=303)
            quiz = import_article(
                text,
                title=title,
                source_url=source_url,
                seed=current_app.config["GENERATOR_SEED"],
                max_questions=form.count.data,
                kinds=form.kinds.data,
                publish=form.publish.data,
            )
        except DuplicateArticle as exc:
            db.session.rollback()
            page = render_template(
                "editor/import.html", form=form, duplicate=exc, earlier=_earlier_quiz(exc)
            )
            return page, exc.status_code
        except ServiceError as exc:
            db.session.rollback()  # the form again, without what the refused import left pending
            form.text.errors.append(exc.message)
            return render_template("editor/import.html", form=form), exc.status_code
        flash(f"Imported “{quiz.title}”: {len(quiz.questions)} questions generated.", "info")
        return redirect(url_for("editor.review", quiz_id=quiz.id), code=303)
    status = 400 if form.errors else 200
    return render_template("editor/import.html", form=form), status


def _earlier_quiz(exc: DuplicateArticle) -> Quiz | None:
    """The quiz made from the earlier import of the same article (the latest, if several)."""
    article = db.session.get(Article, exc.article_id)
    quizzes = sorted(article.quizzes, key=lambda q: q.id) if article is not None else []
    return quizzes[-1] if quizzes else None


@bp.route("/import-quiz", methods=["GET", "POST"])
def import_quiz_view() -> ResponseReturnValue:
    """Upload a GIFT, Moodle XML, QTI, Aiken or JSON quiz; it becomes a draft quiz."""
    form = ImportQuizForm()
    if form.validate_on_submit():
        upload = form.upload.data
        if not upload or not getattr(upload, "filename", ""):
            form.upload.errors.append("Choose a quiz file.")
            return render_template("editor/import_quiz.html", form=form), 400
        try:
            quiz = import_quiz_file(
                upload.read(), form.format.data or "", publish=form.publish.data
            )
        except NothingImportable as exc:
            form.upload.errors.append(exc.message)
            page = render_template("editor/import_quiz.html", form=form, report=exc.report)
            return page, exc.status_code
        except ServiceError as exc:
            db.session.rollback()
            form.upload.errors.append(exc.message)
            return render_template("editor/import_quiz.html", form=form), exc.status_code
        message = f"Imported “{quiz.title}” with {len(quiz.questions)} questions."
        if quiz.import_report:
            message += " Read the import report: not everything in the file came in."
        flash(message, "info")
        return redirect(url_for("editor.review", quiz_id=quiz.id), code=303)
    status = 400 if form.errors else 200
    return render_template("editor/import_quiz.html", form=form), status


@bp.get("/imports/<token>")
def import_progress(token: str) -> ResponseReturnValue:
    """The progress of a long article's generation (refreshes itself, with or without JS)."""
    job = _job(token)
    if job.status == JobStatus.DONE and job.quiz_id is not None:
        flash("The quiz is ready.", "info")
        return redirect(url_for("editor.review", quiz_id=job.quiz_id), code=303)
    return render_template("editor/import_progress.html", job=job)


@bp.get("/imports/<token>.json")
def import_progress_json(token: str) -> ResponseReturnValue:
    """The same progress as JSON, for the page's script."""
    job = _job(token)
    return jsonify(
        status=job.status,
        progress=round(job.progress, 3),
        stage=job.stage,
        message=job.message,
        review_url=url_for("editor.review", quiz_id=job.quiz_id) if job.quiz_id else None,
    )


def _job(token: str) -> ImportJob:
    return jobs.get_job(token)
