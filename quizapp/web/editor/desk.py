"""Editors' pages: the quiz list and the item analysis with its CSV exports."""

from __future__ import annotations

from collections.abc import Iterator

from flask import Response, flash, render_template, stream_with_context
from flask.typing import ResponseReturnValue

from quizapp import item_analysis
from quizapp.extensions import db
from quizapp.formats import FORMATS
from quizapp.models import Quiz
from quizapp.services import csv_reports, exports
from quizapp.services.stats import quiz_stats
from quizapp.web import charts
from quizapp.web.editor import bp, wording
from quizapp.web.editor.forms import ActionForm
from quizapp.web.lookups import quiz_or_404


@bp.get("/")
def dashboard() -> ResponseReturnValue:
    """Every quiz, drafts included, with links to its analysis."""
    quizzes = db.session.scalars(db.select(Quiz).order_by(Quiz.created_at.desc(), Quiz.id.desc()))
    return render_template("editor/dashboard.html", quizzes=list(quizzes), formats=FORMATS)


@bp.get("/quizzes/<int:quiz_id>/analysis")
def analysis(quiz_id: int) -> ResponseReturnValue:
    """Item analysis: how well each question works, which distractors people fall for, in
    plain words; the flagged questions first, with what to do about them."""
    quiz = quiz_or_404(quiz_id)
    stats = quiz_stats(quiz)
    labels = {q.id: f"Q{i}" for i, q in enumerate(stats.questions, start=1)}
    return render_template(
        "editor/analysis.html",
        quiz=quiz,
        stats=stats,
        labels=labels,
        histogram=charts.histogram(stats.histogram, stats.k),
        action=ActionForm(),
        scatter=charts.scatter(
            [(labels[q.id], q.facility, q.discrimination) for q in stats.questions]
        ),
        words=wording,
        flag_min=item_analysis.FLAG_MIN_ATTEMPTS,
        too_easy=item_analysis.TOO_EASY,
        too_hard=item_analysis.TOO_HARD,
        nf_share=item_analysis.NON_FUNCTIONING_SHARE,
    )


@bp.get("/quizzes/<int:quiz_id>/attempts.csv")
def attempts_csv(quiz_id: int) -> ResponseReturnValue:
    """Every attempt as a CSV row, one column per question."""
    quiz = quiz_or_404(quiz_id)
    return _csv(csv_reports.attempts_csv(quiz), f"quiz-{quiz.id}-attempts.csv")


@bp.get("/quizzes/<int:quiz_id>/items.csv")
def items_csv(quiz_id: int) -> ResponseReturnValue:
    """The item statistics as CSV, one row per option."""
    quiz = quiz_or_404(quiz_id)
    return _csv(csv_reports.items_csv(quiz), f"quiz-{quiz.id}-items.csv")


@bp.get("/quizzes/<int:quiz_id>/export/<format_name>")
def export(quiz_id: int, format_name: str) -> ResponseReturnValue:
    """Download the quiz as GIFT, Moodle XML, Aiken, QTI 2.1 (zip) or JSON."""
    exported = exports.export_quiz(quiz_id, format_name)
    for warning in exported.warnings:
        flash(f"{exported.filename}: {warning}", "warning")
    # content_type, not mimetype: the format's type already names its charset where it has one.
    response = Response(exported.data, content_type=exported.mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


def _csv(rows: Iterator[str], filename: str) -> Response:
    response = Response(stream_with_context(rows), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
